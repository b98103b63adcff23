package org.athar;

import java.util.Locale;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Runs part of a test as on a server whose default locale is another one (an Arabic, German or Turkish
 * installation), then puts the JVM's defaults back. What Athar writes must not change with it: a user's output
 * follows the user's language, never the server's.
 */
public final class ServerDefaults {

    /** Arabic as a Syrian server is set up (the JDK writes Arabic-Indic digits for it). */
    public static final Locale SYRIAN_ARABIC = Locale.forLanguageTag("ar-SY");
    /** Decimal commas and full stops as thousands separators. */
    public static final Locale GERMAN = Locale.forLanguageTag("de-DE");
    /** Lower-cases "I" to a dotless "ı". */
    public static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    private ServerDefaults() {}

    public static <T> T withLocale(Locale locale, ThrowingSupplier<T> action) throws Throwable {
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale base = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return action.get();
        } finally {
            Locale.setDefault(base);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
    }
}
