package org.athar.briefing;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The content of a briefing as an editor sends it: title, language ({@code en|ar}), disclosure profile
 * ({@code internal|public}), the filters every figure and chart inherits and may only narrow (the query string of
 * {@code /api/v1/reports}; empty for none), a short text of plain paragraphs, key figures and charts in order.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BriefingDraft(
        String title,
        String language,
        String profile,
        String filters,
        String text,
        List<KeyFigure> figures,
        List<ChartItem> charts) {

    public BriefingDraft {
        filters = filters == null ? "" : filters;
        text = text == null ? "" : text;
        figures = figures == null ? List.of() : List.copyOf(figures);
        charts = charts == null ? List.of() : List.copyOf(charts);
    }

    /** The text as paragraphs: blank lines (or single line breaks) separate them. */
    public List<String> paragraphs() {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
