package org.athar.export.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.CrossTab;
import org.athar.analytics.Heading;
import org.athar.i18n.Messages;

/**
 * The notes a chart's data calls for, added by the renderer so no caller can forget them: what hatching means when
 * a figure is suppressed, and how many reports a map cannot place (unknown governorate or district).
 */
final class DataNotes {

    private final Messages messages;

    DataNotes(Messages messages) {
        this.messages = messages;
    }

    List<String> of(ChartData data, Locale locale) {
        List<String> notes = new ArrayList<>();
        if (anySuppressed(data)) {
            boolean line = data instanceof ChartData.Timeline t && t.style() == ChartData.TimeStyle.LINE;
            notes.add(messages.get(line ? "chart.note.suppressed.line" : "chart.note.suppressed", locale, data.k()));
        }
        if (data instanceof ChartData.GovernorateMap m) {
            unknown(m.breakdown()).ifPresent(n -> notes.add(unmapped("chart.note.unmapped.governorate", n, data.k(),
                    locale)));
        } else if (data instanceof ChartData.DistrictMap m) {
            unknown(m.breakdown()).ifPresent(n -> notes.add(unmapped("chart.note.unmapped.district", n, data.k(),
                    locale)));
        }
        return notes;
    }

    private String unmapped(String key, OptionalLong count, int k, Locale locale) {
        return count.isPresent() ? messages.get(key, locale, count.getAsLong())
                : messages.get(key + ".few", locale, k);
    }

    /** The unknown bucket's figure when it is above zero or suppressed. */
    private static java.util.Optional<OptionalLong> unknown(Breakdown breakdown) {
        return breakdown.buckets().stream().filter(b -> Heading.UNKNOWN.equals(b.key())).map(Bucket::count)
                .filter(c -> c.isEmpty() || c.getAsLong() > 0).findFirst();
    }

    private static boolean anySuppressed(ChartData data) {
        if (data instanceof ChartData.StackedBars s) {
            CrossTab tab = s.crossTab();
            return tab.cells().stream().flatMap(List::stream).anyMatch(OptionalLong::isEmpty);
        }
        Breakdown breakdown = data instanceof ChartData.Timeline t ? t.breakdown()
                : data instanceof ChartData.Bars b ? b.breakdown()
                : data instanceof ChartData.GovernorateMap g ? g.breakdown()
                : ((ChartData.DistrictMap) data).breakdown();
        // A map does not draw the unknown bucket, so its suppression is told by the unmapped note alone.
        boolean map = data instanceof ChartData.GovernorateMap || data instanceof ChartData.DistrictMap;
        return breakdown.buckets().stream().filter(b -> !(map && Heading.UNKNOWN.equals(b.key())))
                .anyMatch(Bucket::suppressed);
    }
}
