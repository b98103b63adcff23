package org.athar.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.Heading;
import org.athar.i18n.Messages;

/**
 * A governorate or district breakdown as a choropleth. An area without a bucket has no reports (zero); the
 * "unknown" bucket cannot be placed and is counted in a note instead ({@link DataNotes}); a count for a place that
 * is not on this map is refused, so no report silently drops off.
 */
final class MapChart {

    private MapChart() {}

    static Drawing governorates(ChartData.GovernorateMap data, ChartText text, ChartStyle style) {
        return build(MapShapes.governorates(), data.breakdown(), text, style, "the governorate map");
    }

    static Drawing districts(ChartData.DistrictMap data, ChartText text, ChartStyle style) {
        return build(
                MapShapes.districtsOf(data.governoratePcode()),
                data.breakdown(),
                text,
                style,
                "the district map of " + data.governoratePcode());
    }

    private static Drawing build(
            List<MapShapes.Region> regions, Breakdown breakdown, ChartText text, ChartStyle style, String map) {
        Set<String> drawn = regions.stream().map(MapShapes.Region::pcode).collect(Collectors.toSet());
        Map<String, Bucket> byKey = new HashMap<>();
        for (Bucket bucket : breakdown.buckets()) {
            boolean empty = bucket.count().isPresent() && bucket.count().getAsLong() == 0;
            if (!drawn.contains(bucket.key()) && !Heading.UNKNOWN.equals(bucket.key()) && !empty) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "%s has no area for bucket %s (%s); filter the query to the "
                                + "places on this map before drawing it",
                        map,
                        bucket.key(),
                        bucket.label()));
            }
            byKey.put(bucket.key(), bucket);
        }
        boolean arabic = Messages.isRightToLeft(style.locale());
        List<ChoroplethPlot.Area> areas = new ArrayList<>();
        List<Long> published = new ArrayList<>();
        for (MapShapes.Region region : regions) {
            Optional<Bucket> bucket = Optional.ofNullable(byKey.get(region.pcode()));
            String name = bucket.map(Bucket::label)
                    .filter(l -> !l.isBlank())
                    .orElse(arabic ? region.nameAr() : region.nameEn());
            OptionalLong figure = bucket.map(Bucket::count).orElse(OptionalLong.of(0));
            // Class breaks and legend bounds from published counts only: a withheld area adds nothing to them.
            figure.ifPresent(published::add);
            areas.add(new ChoroplethPlot.Area(
                    region, name, figure, Slice.of(region.pcode(), name + ": " + style.figure(figure))));
        }
        ChoroplethPlot plot = new ChoroplethPlot(areas, MapClasses.of(published), style);
        return new Drawing(ChartLayout.chart(plot, text, style, false), entity -> Optional.empty());
    }
}
