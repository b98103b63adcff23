package org.athar.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.athar.report.DatePrecision;
import org.athar.search.Dimension;

/** The periods of the time dimensions: their keys ({@code 2013}, {@code 2013-Q2}, {@code 2013-03}) and their order. */
final class Periods {

    private Periods() {}

    /**
     * The precisions whose date interval lies inside one period of {@code granularity}: a month lies inside one
     * quarter and one year, a year inside no month or quarter. Only these reports are placed; spreading a
     * year-precise report over months would invent figures.
     */
    static Set<DatePrecision> placeable(Dimension granularity) {
        return switch (granularity) {
            case YEAR -> Set.of(DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR);
            case QUARTER, MONTH -> Set.of(DatePrecision.DAY, DatePrecision.MONTH);
            default -> throw notTime(granularity);
        };
    }

    /** The key of the period of {@code granularity} that holds {@code day}. */
    static String key(Dimension granularity, LocalDate day) {
        return switch (granularity) {
            case YEAR -> String.format(Locale.ROOT, "%04d", day.getYear());
            case QUARTER -> String.format(Locale.ROOT, "%04d-Q%d", day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", day.getYear(), day.getMonthValue());
            default -> throw notTime(granularity);
        };
    }

    /** Every period from the earliest to the latest of {@code keys}, in time order, empty ones between included. */
    static List<String> filled(Dimension granularity, Collection<String> keys) {
        TreeSet<String> sorted = new TreeSet<>(keys);
        List<String> out = new ArrayList<>();
        if (sorted.isEmpty()) {
            return out;
        }
        LocalDate last = start(granularity, sorted.last());
        for (LocalDate d = start(granularity, sorted.first()); !d.isAfter(last); d = next(granularity, d)) {
            out.add(key(granularity, d));
        }
        return out;
    }

    /** The first day of the period a key names. */
    static LocalDate start(Dimension granularity, String key) {
        int year = Integer.parseInt(key.substring(0, 4));
        return switch (granularity) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, (Integer.parseInt(key.substring(6)) - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, Integer.parseInt(key.substring(5)), 1);
            default -> throw notTime(granularity);
        };
    }

    private static LocalDate next(Dimension granularity, LocalDate start) {
        return switch (granularity) {
            case YEAR -> start.plusYears(1);
            case QUARTER -> start.plusMonths(3);
            case MONTH -> start.plusMonths(1);
            default -> throw notTime(granularity);
        };
    }

    private static IllegalArgumentException notTime(Dimension d) {
        return new IllegalArgumentException(d.parameter() + " is not a time dimension; use year, quarter or month");
    }
}
