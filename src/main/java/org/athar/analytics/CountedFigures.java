package org.athar.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.athar.search.Dimension;

/**
 * Exact figures counted by the caller over the very records it hands to someone (a sharing package's reports, counted
 * while they are written): always the internal profile, since whoever receives them receives the records too. Not a
 * way around {@link Figures}: only the package summary may use it ({@code ArchitectureTest}), and nothing counted here
 * reaches a screen, the API or a public output.
 */
public final class CountedFigures {

    private CountedFigures() {}

    /** A breakdown of {@code total} reports over {@code keys} in that order ({@code imprecise}: not placed on it). */
    public static Breakdown breakdown(
            Dimension dimension,
            long total,
            long imprecise,
            List<String> keys,
            Function<String, String> label,
            Map<String, Long> counts) {
        List<Bucket> buckets = keys.stream()
                .map(k -> new Bucket(k, label.apply(k), OptionalLong.of(counts.getOrDefault(k, 0L))))
                .toList();
        return new Breakdown(
                dimension, DisclosureProfile.INTERNAL, OptionalLong.of(total), OptionalLong.of(imprecise), buckets);
    }

    /** A cross-tab of {@code total} reports, rows and columns in the given order, totals summed here. */
    public static CrossTab crossTab(
            Dimension rowDimension,
            Dimension columnDimension,
            long total,
            List<String> rows,
            List<String> columns,
            Function<String, String> rowLabel,
            Function<String, String> columnLabel,
            Map<String, Map<String, Long>> counts) {
        List<List<OptionalLong>> cells = new ArrayList<>();
        List<OptionalLong> rowTotals = new ArrayList<>();
        long[] columnTotals = new long[columns.size()];
        for (String row : rows) {
            Map<String, Long> byColumn = counts.getOrDefault(row, Map.of());
            List<OptionalLong> line = new ArrayList<>();
            long sum = 0;
            for (int c = 0; c < columns.size(); c++) {
                long n = byColumn.getOrDefault(columns.get(c), 0L);
                line.add(OptionalLong.of(n));
                columnTotals[c] += n;
                sum += n;
            }
            cells.add(line);
            rowTotals.add(OptionalLong.of(sum));
        }
        List<OptionalLong> columnSums = new ArrayList<>();
        for (long n : columnTotals) {
            columnSums.add(OptionalLong.of(n));
        }
        return new CrossTab(
                rowDimension,
                columnDimension,
                DisclosureProfile.INTERNAL,
                rows.stream().map(k -> new Heading(k, rowLabel.apply(k))).toList(),
                columns.stream().map(k -> new Heading(k, columnLabel.apply(k))).toList(),
                cells,
                rowTotals,
                columnSums,
                OptionalLong.of(total),
                OptionalLong.of(0));
    }
}
