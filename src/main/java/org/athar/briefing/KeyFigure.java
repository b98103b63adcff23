package org.athar.briefing;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Optional;

/**
 * A key figure: the number of reports the {@code filters} select (the query string of {@code /api/v1/reports}), and
 * optionally the share (%) of one alleged perpetrator or status among them ({@code share_dimension} =
 * {@code perpetrator|status}, {@code share_key} its code). The sentence is written from current data at export.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KeyFigure(String filters, Optional<String> shareDimension, Optional<String> shareKey) {

    public KeyFigure {
        filters = filters == null ? "" : filters;
        shareDimension = shareDimension == null ? Optional.empty() : shareDimension.filter(s -> !s.isBlank());
        shareKey = shareKey == null ? Optional.empty() : shareKey.filter(s -> !s.isBlank());
    }

    public static KeyFigure count(String filters) {
        return new KeyFigure(filters, Optional.empty(), Optional.empty());
    }

    public static KeyFigure share(String filters, String dimension, String key) {
        return new KeyFigure(filters, Optional.of(dimension), Optional.of(key));
    }
}
