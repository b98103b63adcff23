package org.athar.briefing;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Optional;

/**
 * One chart of a briefing, as on the Trends page and {@code /api/v1/charts}: {@code kind}
 * ({@code timeline|breakdown|crosstab|map}), its own {@code filters} (query string of {@code /api/v1/reports}),
 * {@code by} (the granularity of a timeline, the dimension of a breakdown), {@code rows} and {@code columns} of a
 * cross-tab, and an optional caption.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChartItem(
        String kind,
        String filters,
        Optional<String> by,
        Optional<String> rows,
        Optional<String> columns,
        Optional<String> caption) {

    public ChartItem {
        filters = filters == null ? "" : filters;
        by = blankIsEmpty(by);
        rows = blankIsEmpty(rows);
        columns = blankIsEmpty(columns);
        caption = blankIsEmpty(caption);
    }

    private static Optional<String> blankIsEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.filter(s -> !s.isBlank());
    }
}
