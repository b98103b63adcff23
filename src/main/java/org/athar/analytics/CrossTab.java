package org.athar.analytics;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.athar.search.Dimension;

/**
 * Reports in scope counted by two dimensions: {@code cells.get(r).get(c)} counts reports with row value r and
 * column value c. A row or column total is the sum of its cells; {@code total} is every report in scope and
 * {@code imprecise} the reports a time dimension could not place (they are in no cell), so the cells plus
 * {@code imprecise} add up to {@code total}. Empty optionals are suppressed figures ({@code public} profile).
 */
public record CrossTab(
        Dimension rowDimension,
        Dimension columnDimension,
        DisclosureProfile profile,
        List<Heading> rows,
        List<Heading> columns,
        List<List<OptionalLong>> cells,
        List<OptionalLong> rowTotals,
        List<OptionalLong> columnTotals,
        OptionalLong total,
        OptionalLong imprecise) {

    public CrossTab {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        cells = cells.stream().map(List::copyOf).toList();
        rowTotals = List.copyOf(rowTotals);
        columnTotals = List.copyOf(columnTotals);
        int width = columns.size();
        if (cells.size() != rows.size()
                || rowTotals.size() != rows.size()
                || columnTotals.size() != width
                || cells.stream().anyMatch(r -> r.size() != width)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "a cross-tab of %d rows and %d columns needs cells and totals of that shape",
                    rows.size(),
                    columns.size()));
        }
    }
}
