package org.athar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The server's default locale and time zone never reach what Athar writes. A server set up in Arabic made
 * {@code "%04d-%02d".formatted(..)} write period keys in Arabic-Indic digits; a Turkish one lower-cases "I" to "ı";
 * a German one writes decimal commas. Output follows the user's language ({@code Messages}) or {@link Locale#ROOT},
 * and times are UTC from the injected {@link Clock}: every formatting call names its locale.
 */
@AnalyzeClasses(packages = "org.athar", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerDefaultsArchitectureTest {

    @ArchTest
    static final ArchRule nothing_formats_or_changes_case_with_the_servers_default_locale = noClasses()
            .should()
            .callMethod(String.class, "formatted", Object[].class)
            .orShould()
            .callMethod(String.class, "format", String.class, Object[].class)
            .orShould()
            .callMethod(PrintStream.class, "printf", String.class, Object[].class)
            .orShould()
            .callMethod(PrintStream.class, "format", String.class, Object[].class)
            .orShould()
            .callMethod(String.class, "toLowerCase")
            .orShould()
            .callMethod(String.class, "toUpperCase")
            .orShould()
            .callMethod(DateTimeFormatter.class, "ofPattern", String.class)
            .orShould()
            .callMethod(NumberFormat.class, "getInstance")
            .orShould()
            .callMethod(NumberFormat.class, "getNumberInstance")
            .orShould()
            .callMethod(NumberFormat.class, "getIntegerInstance")
            .orShould()
            .callMethod(NumberFormat.class, "getPercentInstance")
            .orShould()
            .callConstructor(DecimalFormat.class, String.class)
            .orShould()
            .callConstructor(MessageFormat.class, String.class)
            .orShould()
            .callMethod(MessageFormat.class, "format", String.class, Object[].class)
            .orShould()
            .callConstructor(SimpleDateFormat.class, String.class)
            .orShould()
            .callMethod(Locale.class, "getDefault")
            .orShould()
            .callMethod(Locale.class, "getDefault", Locale.Category.class)
            .because("the server's locale must never leak into a user's output: pass Locale.ROOT for codes, keys and "
                    + "English log and error text, or the user's locale (Messages.supported) for what they read");

    @ArchTest
    static final ArchRule nothing_reads_the_servers_time_zone = noClasses()
            .should()
            .callMethod(ZoneId.class, "systemDefault")
            .orShould()
            .callMethod(TimeZone.class, "getDefault")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .orShould()
            .callMethod(Calendar.class, "getInstance")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(LocalTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(YearMonth.class, "now")
            .orShould()
            .callMethod(Year.class, "now")
            .because(
                    "a date or time Athar shows or stores is UTC, from the injected Clock, whatever TZ the server has");
}
