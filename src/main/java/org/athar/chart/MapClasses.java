package org.athar.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Up to five classes of counts for a choropleth, cut at quantiles of the mapped counts so each class holds about
 * as many areas, as whole-number ranges that touch ({@code 5–120}, {@code 121–450}). Colours are ColorBrewer's
 * sequential YlGnBu, which stays readable with colour-blindness and in greyscale print.
 */
record MapClasses(List<MapClasses.Range> ranges) {

    /** One class: counts from {@code low} to {@code high}, both included. */
    record Range(long low, long high, Color colour) {
        boolean holds(long count) {
            return count >= low && count <= high;
        }

        String label(ChartStyle style) {
            return low == high ? style.number(low) : style.number(low) + "–" + style.number(high);
        }

        /** Whether a label on this colour is better white than ink. */
        boolean dark() {
            return 0.2126 * colour.getRed() + 0.7152 * colour.getGreen() + 0.0722 * colour.getBlue() < 140;
        }
    }

    static final int MAX_CLASSES = 5;
    private static final List<List<Color>> SCHEMES = List.of(
            colours(0x41b6c4),
            colours(0xa1dab4, 0x2c7fb8),
            colours(0xedf8b1, 0x7fcdbb, 0x2c7fb8),
            colours(0xffffcc, 0xa1dab4, 0x41b6c4, 0x225ea8),
            colours(0xffffcc, 0xa1dab4, 0x41b6c4, 0x2c7fb8, 0x253494));

    MapClasses {
        ranges = List.copyOf(ranges);
    }

    /** Classes for the counts of the areas that have one above zero (zero and suppressed areas are shown apart). */
    static MapClasses of(Collection<Long> positiveCounts) {
        List<Long> sorted = positiveCounts.stream().filter(c -> c > 0).sorted().toList();
        if (sorted.isEmpty()) {
            return new MapClasses(List.of());
        }
        int wanted = (int) Math.min(MAX_CLASSES, sorted.stream().distinct().count());
        List<Long> uppers = new ArrayList<>();
        for (int i = 1; i <= wanted; i++) {
            long upper = sorted.get((int) Math.ceil((double) i * sorted.size() / wanted) - 1);
            if (uppers.isEmpty() || upper > uppers.get(uppers.size() - 1)) {
                uppers.add(upper);
            }
        }
        List<Color> scheme = SCHEMES.get(uppers.size() - 1);
        List<Range> ranges = new ArrayList<>();
        long low = sorted.get(0);
        for (int i = 0; i < uppers.size(); i++) {
            ranges.add(new Range(low, uppers.get(i), scheme.get(i)));
            low = uppers.get(i) + 1;
        }
        return new MapClasses(ranges);
    }

    Optional<Range> classOf(long count) {
        return ranges.stream().filter(r -> r.holds(count)).findFirst();
    }

    private static List<Color> colours(int... rgb) {
        return Arrays.stream(rgb).mapToObj(Color::new).toList();
    }
}
