package org.athar.demo;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.athar.report.PerpetratorCategory;

/** When demo disappearances happen, and the mix of precisions and formats in which sources write dates. */
final class DemoDates {

    static final int FIRST_YEAR = 2011;
    /** The last day the demo data may mention: no generated date is ever later. */
    static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);
    // The uprising's first protests; no case of this conflict predates them.
    private static final LocalDate FIRST_DAY = LocalDate.of(2011, 3, 15);
    // The day the government fell: its forces made no arrests after it.
    static final LocalDate GOVERNMENT_FELL = LocalDate.of(2024, 12, 8);

    private static final List<Integer> YEARS =
            IntStream.rangeClosed(FIRST_YEAR, LAST_DAY.getYear()).boxed().toList();

    // Shares by year 2011…2024. Government arrests peaked in 2012–2013 (SNHR ranks 2012, 2013, 2011, 2014);
    // the other parties' cases follow the years they held territory.
    private static final double[] GOVERNMENT_YEARS = {9, 28, 23, 10, 7, 5, 4, 4, 3, 2, 2, 1.5, 1, 0.5};
    private static final Map<PerpetratorCategory, Weighted<Integer>> YEARS_BY_PERPETRATOR = new EnumMap<>(Map.of(
            PerpetratorCategory.GOVERNMENT, Weighted.of(YEARS, GOVERNMENT_YEARS),
            PerpetratorCategory.UNKNOWN, Weighted.of(YEARS, GOVERNMENT_YEARS),
            PerpetratorCategory.ISIS, Weighted.of(YEARS, 0, 0, 15, 40, 30, 10, 5, 0, 0, 0, 0, 0, 0, 0),
            PerpetratorCategory.HTS, Weighted.of(YEARS, 0, 5, 10, 10, 10, 10, 10, 10, 10, 8, 6, 5, 4, 2),
            PerpetratorCategory.ARMED_OPPOSITION, Weighted.of(YEARS, 0, 10, 15, 10, 8, 7, 5, 15, 10, 7, 5, 4, 3, 1),
            PerpetratorCategory.SDF, Weighted.of(YEARS, 0, 0, 0, 8, 10, 10, 12, 12, 14, 10, 8, 7, 6, 3)));

    private DemoDates() {}

    /** The day the person disappeared (the truth behind whatever precision a source writes). */
    static LocalDate disappearance(PerpetratorCategory perpetrator, SplittableRandom random) {
        int year = YEARS_BY_PERPETRATOR.get(perpetrator).pick(random);
        LocalDate first = year == FIRST_YEAR ? FIRST_DAY : LocalDate.of(year, 1, 1);
        LocalDate last = perpetrator == PerpetratorCategory.GOVERNMENT && year == GOVERNMENT_FELL.getYear()
                ? GOVERNMENT_FELL.minusDays(1)
                : LocalDate.of(year, 12, 31);
        return first.plusDays(random.nextLong(last.toEpochDay() - first.toEpochDay() + 1));
    }

    /** A day between {@code minDays} and {@code maxDays} after {@code from}, but never after {@link #LAST_DAY}. */
    static LocalDate after(LocalDate from, int minDays, int maxDays, SplittableRandom random) {
        LocalDate day = from.plusDays(minDays + random.nextInt(maxDays - minDays + 1));
        return day.isAfter(LAST_DAY) ? LAST_DAY : day;
    }

    /**
     * The date as a source writes it: the whole day for about 60 %, the month 20 %, the year 12 %, unknown
     * 8 %; day first with slashes (the Syrian habit) more often in Arabic-language files, ISO otherwise.
     */
    static String written(LocalDate date, boolean arabic, SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.60) {
            return random.nextDouble() < (arabic ? 0.7 : 0.25)
                    ? pad2(date.getDayOfMonth()) + "/" + pad2(date.getMonthValue()) + "/" + date.getYear()
                    : date.toString();
        }
        if (u < 0.80) {
            return random.nextBoolean()
                    ? date.getYear() + "-" + pad2(date.getMonthValue())
                    : pad2(date.getMonthValue()) + "/" + date.getYear();
        }
        if (u < 0.92) {
            return Integer.toString(date.getYear());
        }
        return arabic
                ? DemoVocabulary.pick(random, "مجهول", "غير معروف", "")
                : DemoVocabulary.pick(random, "unknown", "");
    }

    /** Only the year ({@code yearOnly}) or only the month, in the formats {@link #written} uses for them. */
    static String coarse(LocalDate date, boolean yearOnly, SplittableRandom random) {
        if (yearOnly) {
            return Integer.toString(date.getYear());
        }
        return random.nextBoolean()
                ? date.getYear() + "-" + pad2(date.getMonthValue())
                : pad2(date.getMonthValue()) + "/" + date.getYear();
    }

    private static String pad2(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
