package org.athar.chart;

import java.util.Map;

/**
 * What the interactive SVG says about one bar, segment or region: its data attributes ({@code data-key}, or
 * {@code data-row} and {@code data-col}) and its tooltip, e.g. "Aleppo: 1,204".
 */
record Slice(Map<String, String> data, String title) {

    Slice {
        data = Map.copyOf(data);
    }

    static Slice of(String key, String title) {
        return new Slice(Map.of("data-key", key), title);
    }
}
