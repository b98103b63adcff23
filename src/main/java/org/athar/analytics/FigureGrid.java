package org.athar.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * The figures of a breakdown or a cross-tab laid out in one flat list, with the lines ("this figure is the sum of
 * those") that tie them together. Suppression works on this layout so that one algorithm serves both shapes.
 */
record FigureGrid(List<OptionalLong> figures, List<Line> lines) {

    /** One published sum and the figures that add up to it; {@code name} is for error messages. */
    record Line(String name, int sum, List<Integer> members) {

        Line {
            members = List.copyOf(members);
        }
    }

    FigureGrid {
        figures = List.copyOf(figures);
        lines = List.copyOf(lines);
    }

    /** Buckets first, then {@code imprecise}, then {@code total}: one line. */
    static FigureGrid of(Breakdown breakdown) {
        int n = breakdown.buckets().size();
        List<OptionalLong> figures =
                new ArrayList<>(breakdown.buckets().stream().map(Bucket::count).toList());
        figures.add(breakdown.imprecise());
        figures.add(breakdown.total());
        return new FigureGrid(figures, List.of(new Line("the buckets and imprecise", n + 1, range(0, n + 1))));
    }

    /**
     * Cells row by row, then the row totals, the column totals, {@code imprecise} and {@code total}. Lines: each row,
     * each column, the row totals with imprecise, the column totals with imprecise (in that order, which fixes the
     * order in which complementary suppression visits them).
     */
    static FigureGrid of(CrossTab table) {
        int rows = table.rows().size();
        int columns = table.columns().size();
        int rowTotals = rows * columns;
        int columnTotals = rowTotals + rows;
        int imprecise = columnTotals + columns;
        int total = imprecise + 1;
        List<OptionalLong> figures = new ArrayList<>();
        table.cells().forEach(figures::addAll);
        figures.addAll(table.rowTotals());
        figures.addAll(table.columnTotals());
        figures.add(table.imprecise());
        figures.add(table.total());
        List<Line> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            lines.add(
                    new Line("row " + table.rows().get(r).key(), rowTotals + r, range(r * columns, (r + 1) * columns)));
        }
        for (int c = 0; c < columns; c++) {
            int column = c;
            lines.add(new Line(
                    "column " + table.columns().get(c).key(),
                    columnTotals + c,
                    IntStream.range(0, rows)
                            .map(r -> r * columns + column)
                            .boxed()
                            .toList()));
        }
        lines.add(new Line(
                "the row totals and imprecise", total, withImprecise(range(rowTotals, columnTotals), imprecise)));
        lines.add(new Line(
                "the column totals and imprecise", total, withImprecise(range(columnTotals, imprecise), imprecise)));
        return new FigureGrid(figures, lines);
    }

    /** The breakdown with these figures (in the layout of {@link #of(Breakdown)}) and the given profile. */
    static Breakdown breakdown(Breakdown shape, DisclosureProfile profile, List<OptionalLong> figures) {
        int n = shape.buckets().size();
        List<Bucket> buckets = IntStream.range(0, n)
                .mapToObj(i -> new Bucket(
                        shape.buckets().get(i).key(), shape.buckets().get(i).label(), figures.get(i)))
                .toList();
        return new Breakdown(shape.dimension(), profile, figures.get(n + 1), figures.get(n), buckets);
    }

    /** The cross-tab with these figures (in the layout of {@link #of(CrossTab)}) and the given profile. */
    static CrossTab crossTab(CrossTab shape, DisclosureProfile profile, List<OptionalLong> figures) {
        int rows = shape.rows().size();
        int columns = shape.columns().size();
        int rowTotals = rows * columns;
        List<List<OptionalLong>> cells = IntStream.range(0, rows)
                .mapToObj(r -> figures.subList(r * columns, (r + 1) * columns))
                .toList();
        return new CrossTab(
                shape.rowDimension(),
                shape.columnDimension(),
                profile,
                shape.rows(),
                shape.columns(),
                cells,
                figures.subList(rowTotals, rowTotals + rows),
                figures.subList(rowTotals + rows, rowTotals + rows + columns),
                figures.get(figures.size() - 1),
                figures.get(figures.size() - 2));
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private static List<Integer> withImprecise(List<Integer> members, int imprecise) {
        List<Integer> all = new ArrayList<>(members);
        all.add(imprecise);
        return all;
    }
}
