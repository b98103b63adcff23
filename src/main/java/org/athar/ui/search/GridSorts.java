package org.athar.ui.search;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import java.util.Optional;
import org.athar.search.ReportSort;

/** Search's grid sort as a {@link ReportSort} and back: the name and date columns (keys "name", "date"), both ways. */
final class GridSorts {

    private GridSorts() {}

    /** The sort the grid asks for; empty when it asks for none (relevance or newest first, by the query). */
    static Optional<ReportSort> of(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        QuerySortOrder o = orders.get(0);
        boolean asc = o.getDirection() == SortDirection.ASCENDING;
        return Optional.of(
                "name".equals(o.getSorted())
                        ? (asc ? ReportSort.NAME_ASC : ReportSort.NAME_DESC)
                        : (asc ? ReportSort.DATE_ASC : ReportSort.DATE_DESC));
    }

    /** The sort the grid shows now. */
    static Optional<ReportSort> current(Grid<?> grid) {
        return of(grid.getSortOrder().stream()
                .map(o -> new QuerySortOrder(o.getSorted().getKey(), o.getDirection()))
                .toList());
    }

    /** Shows {@code requested} on the grid; a sort by name only where names are shown ({@code identities}). */
    static <T> void apply(Grid<T> grid, Optional<ReportSort> requested, boolean identities) {
        if (requested.isEmpty() || requested.get() == ReportSort.RELEVANCE) {
            grid.sort(List.of());
            return;
        }
        ReportSort s = requested.get();
        boolean byName = s == ReportSort.NAME_ASC || s == ReportSort.NAME_DESC;
        if (byName && !identities) {
            grid.sort(List.of());
            return;
        }
        boolean asc = s == ReportSort.NAME_ASC || s == ReportSort.DATE_ASC;
        grid.sort(List.of(new GridSortOrder<>(
                grid.getColumnByKey(byName ? "name" : "date"),
                asc ? SortDirection.ASCENDING : SortDirection.DESCENDING)));
    }
}
