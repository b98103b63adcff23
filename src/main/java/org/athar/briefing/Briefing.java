package org.athar.briefing;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A saved briefing pack: who made it and when, and its {@link BriefingDraft content}. It stores specifications (filters,
 * chart kinds), never figures, so every export is rebuilt from the data as it is then.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Briefing(
        String id,
        String title,
        String language,
        String profile,
        String filters,
        String owner,
        Instant created,
        Instant updated,
        String text,
        List<KeyFigure> figures,
        List<ChartItem> charts) {

    public Briefing {
        // A briefing stored before briefing-wide filters existed has none: every item keeps its own filters.
        filters = filters == null ? "" : filters;
        text = text == null ? "" : text;
        figures = figures == null ? List.of() : List.copyOf(figures);
        charts = charts == null ? List.of() : List.copyOf(charts);
    }

    static Briefing of(String id, String owner, Instant created, Instant updated, BriefingDraft d) {
        return new Briefing(
                id,
                d.title(),
                d.language(),
                d.profile(),
                d.filters(),
                owner,
                created,
                updated,
                d.text(),
                d.figures(),
                d.charts());
    }

    /** What an editor changes: everything but the id, the owner and the times. */
    public BriefingDraft draft() {
        return new BriefingDraft(title, language, profile, filters, text, figures, charts);
    }
}
