package org.athar.report;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the dates written in source files (ISO or day first, as written in Syria) without inventing a day. */
public final class ReportDates {

    /** The forms named in every error message. */
    public static final String ACCEPTED_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, DD/MM/YYYY or MM/YYYY (day before month;"
            + " 00 for an unknown day or month), or 'unknown'";

    /** Earlier dates are typing errors in this domain, not history. */
    public static final int EARLIEST_YEAR = 1900;

    // 0 in a day or month field is the convention for "not known" ("00/05/2013"); absent fields are -1.
    private static final int ABSENT = -1;

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASH_MONTH = Pattern.compile("(\\d{1,2})/(\\d{4})");
    private static final Pattern SLASH_DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private ReportDates() {}

    /**
     * Reads {@code text}. Unknown markers give an unknown date; impossible dates, dates before 1900 and
     * dates after {@code today} (for a month or year: one that starts after today) are rejected.
     */
    public static DateParseResult parse(String text, LocalDate today) {
        if (UnknownMarkers.isUnknown(text)) {
            return new DateParseResult.Parsed(ReportDate.unknown());
        }
        String value = TextFolding.asciiDigits(Normalizer.normalize(text, Normalizer.Form.NFKC))
                .replaceAll("\\p{Cf}", "") // bidi marks pasted in with Arabic text
                .strip();
        Matcher m;
        if ((m = YEAR.matcher(value)).matches()) {
            return build(text, number(m, 1), ABSENT, ABSENT, today);
        }
        if ((m = ISO_MONTH.matcher(value)).matches()) {
            return build(text, number(m, 1), number(m, 2), ABSENT, today);
        }
        if ((m = ISO_DAY.matcher(value)).matches()) {
            return build(text, number(m, 1), number(m, 2), number(m, 3), today);
        }
        if ((m = SLASH_MONTH.matcher(value)).matches()) {
            return build(text, number(m, 2), number(m, 1), ABSENT, today);
        }
        if ((m = SLASH_DAY.matcher(value)).matches()) {
            return build(text, number(m, 3), number(m, 2), number(m, 1), today);
        }
        return rejected(text, "it is not in a recognised date form", "form");
    }

    private static DateParseResult build(String text, int year, int month, int day, LocalDate today) {
        if (year < EARLIEST_YEAR) {
            return rejected(text, "it is before " + EARLIEST_YEAR, "before", String.valueOf(EARLIEST_YEAR));
        }
        boolean dayKnown = day > 0;
        boolean monthKnown = month > 0;
        if (dayKnown && !monthKnown) {
            return rejected(text, "it gives a day but no month", "day-without-month");
        }
        if (month > 12) {
            return rejected(text, "there is no month " + month, "no-month", String.valueOf(month));
        }
        ReportDate date;
        if (!monthKnown) {
            date = ReportDate.year(Year.of(year));
        } else if (!dayKnown) {
            date = ReportDate.month(YearMonth.of(year, month));
        } else {
            YearMonth yearMonth = YearMonth.of(year, month);
            if (!yearMonth.isValidDay(day)) {
                return rejected(
                        text,
                        String.format(
                                Locale.ROOT,
                                "%s %d has no day %d",
                                yearMonth.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                                year,
                                day),
                        "no-day",
                        yearMonth.getMonthValue(),
                        String.valueOf(year),
                        String.valueOf(day));
            }
            date = ReportDate.day(yearMonth.atDay(day));
        }
        if (date.start().orElseThrow().isAfter(today)) {
            return rejected(text, "it is in the future (today is " + today + ")", "future", today.toString());
        }
        return new DateParseResult.Parsed(date);
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    // The English sentence for the API and logs, and a short code with its values for the reader's language (years
    // and days as text, so that no locale groups them as "1,900"; a month as its number, named by the bundle).
    private static DateParseResult rejected(String text, String reason, String code, Object... args) {
        return new DateParseResult.Rejected(
                String.format(
                        Locale.ROOT,
                        "'%s' is not an accepted date: %s. Accepted forms: %s.",
                        text.strip(),
                        reason,
                        ACCEPTED_FORMS),
                code,
                List.of(args));
    }
}
