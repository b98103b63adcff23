package org.athar.chart;

import java.util.Objects;
import java.util.regex.Pattern;
import org.athar.analytics.Breakdown;
import org.athar.analytics.CrossTab;
import org.athar.search.Count;
import org.athar.search.Dimension;

/**
 * What a chart draws: one statistic, what it counts (persons or reports, said in its notes) and the kind of chart it
 * is drawn as. {@code k} is the small-cell threshold of the disclosure profile, named in the note on withheld figures.
 * A withheld figure has no bar, segment or colour class of its own: see docs/charts.md.
 */
public sealed interface ChartData {

    Count counting();

    int k();

    /** Columns (or a line) over the periods of a YEAR, QUARTER or MONTH breakdown, in time order. */
    record Timeline(Breakdown breakdown, TimeStyle style, Count counting, int k) implements ChartData {
        /** Columns, the default. */
        public Timeline(Breakdown breakdown, Count counting, int k) {
            this(breakdown, TimeStyle.COLUMNS, counting, k);
        }

        public Timeline {
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(counting, "counting");
            requireK(k);
            if (!breakdown.dimension().isTime()) {
                throw new IllegalArgumentException("a timeline needs a year, quarter or month breakdown, got "
                        + breakdown.dimension().parameter() + "; draw it as Bars");
            }
        }
    }

    /** How a timeline is drawn. */
    enum TimeStyle {
        COLUMNS,
        LINE
    }

    /** Horizontal bars, one per bucket of a breakdown, in the breakdown's order. */
    record Bars(Breakdown breakdown, Count counting, int k) implements ChartData {
        public Bars {
            Objects.requireNonNull(counting, "counting");
            requireK(k);
        }
    }

    /** One stacked bar per row heading of a cross-tab, one segment (and legend entry) per column heading. */
    record StackedBars(CrossTab crossTab, Count counting, int k) implements ChartData {
        public StackedBars {
            Objects.requireNonNull(counting, "counting");
            requireK(k);
        }
    }

    /** Syria's 14 governorates shaded by a GOVERNORATE breakdown. */
    record GovernorateMap(Breakdown breakdown, Count counting, int k) implements ChartData {
        public GovernorateMap {
            Objects.requireNonNull(counting, "counting");
            requireK(k);
            requireDimension(breakdown, Dimension.GOVERNORATE, "a governorate map");
        }
    }

    /**
     * The districts of one governorate shaded by a DISTRICT breakdown of reports in that governorate (filter the
     * query to it: a count in a district of another governorate is refused rather than silently left off).
     */
    record DistrictMap(Breakdown breakdown, String governoratePcode, Count counting, int k) implements ChartData {
        private static final Pattern GOVERNORATE = Pattern.compile("SY\\d{2}");

        public DistrictMap {
            Objects.requireNonNull(counting, "counting");
            requireK(k);
            requireDimension(breakdown, Dimension.DISTRICT, "a district map");
            if (governoratePcode == null
                    || !GOVERNORATE.matcher(governoratePcode).matches()) {
                throw new IllegalArgumentException(
                        "a district map needs a governorate p-code SY01–SY14, got " + governoratePcode);
            }
        }
    }

    private static void requireK(int k) {
        if (k < 2 || k > 1000) {
            throw new IllegalArgumentException("k (the small-cell threshold) must be between 2 and 1000, got " + k);
        }
    }

    private static void requireDimension(Breakdown breakdown, Dimension expected, String what) {
        if (breakdown.dimension() != expected) {
            throw new IllegalArgumentException(what + " needs a " + expected.parameter() + " breakdown, got "
                    + breakdown.dimension().parameter());
        }
    }
}
