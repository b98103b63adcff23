package org.athar.report;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A date as precisely as the source knows it: one day, the whole month or year as an interval
 * ({@code start} to {@code end}, both inclusive), or unknown (no dates at all).
 */
public record ReportDate(Optional<LocalDate> start, Optional<LocalDate> end, DatePrecision precision) {

    public ReportDate {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(precision, "precision");
        if (precision == DatePrecision.UNKNOWN) {
            if (start.isPresent() || end.isPresent()) {
                throw new IllegalArgumentException("an unknown date has no start or end, got " + start + "–" + end);
            }
        } else if (start.isEmpty() || end.isEmpty() || !spansOne(precision, start.get(), end.get())) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "a date of %s precision must span exactly one %s; got %s to %s",
                    precision.code(),
                    precision.code(),
                    start.map(LocalDate::toString).orElse("nothing"),
                    end.map(LocalDate::toString).orElse("nothing")));
        }
    }

    public static ReportDate unknown() {
        return new ReportDate(Optional.empty(), Optional.empty(), DatePrecision.UNKNOWN);
    }

    public static ReportDate day(LocalDate day) {
        return new ReportDate(Optional.of(day), Optional.of(day), DatePrecision.DAY);
    }

    public static ReportDate month(YearMonth month) {
        return new ReportDate(Optional.of(month.atDay(1)), Optional.of(month.atEndOfMonth()), DatePrecision.MONTH);
    }

    public static ReportDate year(Year year) {
        return new ReportDate(
                Optional.of(year.atDay(1)), Optional.of(year.atMonth(12).atEndOfMonth()), DatePrecision.YEAR);
    }

    /** Whether the date is known to any precision. */
    public boolean isKnown() {
        return precision != DatePrecision.UNKNOWN;
    }

    private static boolean spansOne(DatePrecision precision, LocalDate start, LocalDate end) {
        return switch (precision) {
            case DAY -> start.equals(end);
            case MONTH ->
                start.getDayOfMonth() == 1 && end.equals(YearMonth.from(start).atEndOfMonth());
            case YEAR -> start.getDayOfYear() == 1 && end.equals(start.withDayOfYear(start.lengthOfYear()));
            case UNKNOWN -> false;
        };
    }
}
