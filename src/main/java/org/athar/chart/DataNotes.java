package org.athar.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.CrossTab;
import org.athar.analytics.Disclosure;
import org.athar.analytics.Heading;
import org.athar.i18n.Messages;
import org.athar.search.Count;

/**
 * The notes a chart's data calls for, added by the renderer so no caller can forget them: why figures are withheld
 * (the one footnote of every public output, {@link Disclosure#withheldNote}) when the chart shows one, and how many
 * persons or reports a map cannot place (unknown governorate or district), and whose boundaries a map draws.
 */
final class DataNotes {

    private final Messages messages;

    DataNotes(Messages messages) {
        this.messages = messages;
    }

    List<String> of(ChartData data, Locale locale) {
        List<String> notes = new ArrayList<>();
        if (anyWithheld(data)) {
            notes.add(Disclosure.withheldNote(data.k(), locale));
        }
        if (data instanceof ChartData.GovernorateMap m) {
            unknown(m.breakdown())
                    .ifPresent(n -> notes.add(unmapped("chart.note.unmapped.governorate", n, data.counting(), locale)));
        } else if (data instanceof ChartData.DistrictMap m) {
            unknown(m.breakdown())
                    .ifPresent(n -> notes.add(unmapped("chart.note.unmapped.district", n, data.counting(), locale)));
        }
        if (data instanceof ChartData.GovernorateMap || data instanceof ChartData.DistrictMap) {
            // The boundaries are OCHA's, licensed CC BY-IGO 3.0, which asks every map drawn from them to credit them.
            notes.add(messages.get("chart.note.boundaries", locale));
        }
        return notes;
    }

    /** "No reports match these filters." (or persons, as the chart counts) when the chart has nothing to draw. */
    Optional<String> nothingMatches(ChartData data, Locale locale) {
        return EmptyChart.matchesNothing(data)
                ? Optional.of(messages.get("chart.empty." + data.counting().code(), locale))
                : Optional.empty();
    }

    /** "Not on the map: 58 persons whose governorate is unknown", or that their number is withheld. */
    private String unmapped(String key, OptionalLong count, Count counting, Locale locale) {
        String counted = counting == Count.PERSONS ? key + ".persons" : key;
        return count.isPresent()
                ? messages.get(counted, locale, count.getAsLong())
                : messages.get(counted + ".withheld", locale);
    }

    /** The unknown bucket's figure when it is above zero or suppressed. */
    private static Optional<OptionalLong> unknown(Breakdown breakdown) {
        return breakdown.buckets().stream()
                .filter(b -> Heading.UNKNOWN.equals(b.key()))
                .map(Bucket::count)
                .filter(c -> c.isEmpty() || c.getAsLong() > 0)
                .findFirst();
    }

    /**
     * Whether the chart shows "withheld" anywhere: a bar, period, segment, bar total or area, the imprecise-date note
     * of a time axis, or a map's note on what it cannot place.
     */
    private static boolean anyWithheld(ChartData data) {
        if (data instanceof ChartData.StackedBars s) {
            CrossTab tab = s.crossTab();
            boolean time = tab.rowDimension().isTime() || tab.columnDimension().isTime();
            return Stream.concat(tab.cells().stream().flatMap(List::stream), tab.rowTotals().stream())
                            .anyMatch(OptionalLong::isEmpty)
                    || time && tab.imprecise().isEmpty();
        }
        Breakdown breakdown = data instanceof ChartData.Timeline t
                ? t.breakdown()
                : data instanceof ChartData.Bars b
                        ? b.breakdown()
                        : data instanceof ChartData.GovernorateMap g
                                ? g.breakdown()
                                : ((ChartData.DistrictMap) data).breakdown();
        return breakdown.buckets().stream().anyMatch(Bucket::suppressed)
                || breakdown.dimension().isTime() && breakdown.imprecise().isEmpty();
    }
}
