package org.athar.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.athar.search.Dimension;

/** Exact (internal) synthetic breakdowns and cross-tabs built from plain counts, with totals that add up. */
final class Tables {

    static final List<String> GOVERNORATES = List.of("SY01", "SY02", "SY03", "SY04", "SY05", "SY06", "SY07");
    static final List<String> PERPETRATORS = List.of("government", "isis", "hts", "armed-opposition", "sdf", "other");

    private Tables() {}

    static Breakdown breakdown(long... counts) {
        return breakdown(Dimension.PERPETRATOR, 0, counts);
    }

    static Breakdown breakdown(Dimension dimension, long imprecise, long... counts) {
        List<Bucket> buckets = IntStream.range(0, counts.length)
                .mapToObj(i -> new Bucket("b" + i, "Bucket " + i, OptionalLong.of(counts[i])))
                .toList();
        return new Breakdown(
                dimension,
                DisclosureProfile.INTERNAL,
                OptionalLong.of(Arrays.stream(counts).sum() + imprecise),
                OptionalLong.of(imprecise),
                buckets);
    }

    /** Governorates down, perpetrators across; no imprecise reports. */
    static CrossTab crossTab(long[][] cells) {
        return crossTab(Dimension.GOVERNORATE, Dimension.PERPETRATOR, 0, cells);
    }

    static CrossTab crossTab(Dimension rowDimension, Dimension columnDimension, long imprecise, long[][] cells) {
        int rows = cells.length;
        int columns = cells[0].length;
        List<Heading> rowHeadings = IntStream.range(0, rows)
                .mapToObj(r -> new Heading(key(rowDimension, r), "Row " + r))
                .toList();
        List<Heading> columnHeadings = IntStream.range(0, columns)
                .mapToObj(c -> new Heading(key(columnDimension, c), "Column " + c))
                .toList();
        List<List<OptionalLong>> grid = Arrays.stream(cells)
                .map(row -> Arrays.stream(row).mapToObj(OptionalLong::of).toList())
                .toList();
        List<OptionalLong> rowTotals = Arrays.stream(cells)
                .map(row -> OptionalLong.of(Arrays.stream(row).sum()))
                .toList();
        List<OptionalLong> columnTotals = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            int column = c;
            columnTotals.add(OptionalLong.of(
                    Arrays.stream(cells).mapToLong(row -> row[column]).sum()));
        }
        long total = Arrays.stream(cells).flatMapToLong(Arrays::stream).sum() + imprecise;
        return new CrossTab(
                rowDimension,
                columnDimension,
                DisclosureProfile.INTERNAL,
                rowHeadings,
                columnHeadings,
                grid,
                rowTotals,
                columnTotals,
                OptionalLong.of(total),
                OptionalLong.of(imprecise));
    }

    private static String key(Dimension dimension, int i) {
        return switch (dimension) {
            case GOVERNORATE -> GOVERNORATES.get(i % GOVERNORATES.size()) + (i < GOVERNORATES.size() ? "" : "-" + i);
            case PERPETRATOR -> PERPETRATORS.get(i % PERPETRATORS.size()) + (i < PERPETRATORS.size() ? "" : "-" + i);
            case YEAR -> String.valueOf(2011 + i);
            default -> dimension.parameter() + "-" + i;
        };
    }

    /** The cells as a reader sees them: a number, or -1 for a withheld cell. */
    static long[][] published(CrossTab table) {
        return table.cells().stream()
                .map(row -> row.stream().mapToLong(c -> c.orElse(-1)).toArray())
                .toArray(long[][]::new);
    }

    static long[] published(List<OptionalLong> figures) {
        return figures.stream().mapToLong(c -> c.orElse(-1)).toArray();
    }

    static long[] publishedBuckets(Breakdown breakdown) {
        return published(breakdown.buckets().stream().map(Bucket::count).toList());
    }
}
