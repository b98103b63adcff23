package org.athar.export.briefing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Dimension;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.export.chart.ChartService;
import org.athar.export.chart.QueryDescription;
import org.athar.i18n.Messages;
import org.athar.ingest.ImportService;
import org.athar.report.Gazetteer;
import org.athar.search.ReportQuery;
import org.athar.security.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a briefing against the data as it is now: each key figure from {@link Figures} (so the public profile's
 * suppression applies, and a figure equals what the statistics API gives for the same filters), each chart from
 * {@link ChartService}. Nothing computed is ever stored.
 */
@Component
class BriefingBuilder {

    private final Figures figures;
    private final ChartService charts;
    private final Messages messages;
    private final Gazetteer gazetteer;
    private final ImportService imports;
    private final QueryDescription describe;
    private final KeyFigureSentence sentences;
    private final Clock clock;

    @Autowired
    BriefingBuilder(Figures figures, ChartService charts, Messages messages, Gazetteer gazetteer,
            ImportService imports) {
        this(figures, charts, messages, gazetteer, imports, Clock.systemUTC());
    }

    BriefingBuilder(Figures figures, ChartService charts, Messages messages, Gazetteer gazetteer, ImportService imports,
            Clock clock) {
        this.figures = figures;
        this.charts = charts;
        this.messages = messages;
        this.gazetteer = gazetteer;
        this.imports = imports;
        this.describe = new QueryDescription(messages, gazetteer);
        this.sentences = new KeyFigureSentence(messages);
        this.clock = clock;
    }

    /** The briefing as {@code viewer} may export it; 403 when its profile is one the viewer may not receive. */
    BriefingContent build(Viewer viewer, Briefing b) {
        Locale locale = BriefingRules.locale(b.language());
        DisclosureProfile profile = figures.profileFor(viewer, Optional.of(BriefingRules.profile(b.profile())));
        List<BriefingContent.Figure> figureTexts = new ArrayList<>();
        for (int i = 0; i < b.figures().size(); i++) {
            figureTexts.add(figure(viewer, b.figures().get(i), "figures[" + i + "]", locale, profile));
        }
        List<BriefingContent.Chart> chartItems = new ArrayList<>();
        for (int i = 0; i < b.charts().size(); i++) {
            ChartItem c = b.charts().get(i);
            ChartService.Spec spec = BriefingRules.spec(c, "charts[" + i + "]", gazetteer, locale, profile);
            chartItems.add(new BriefingContent.Chart(c.caption().orElse(""), describe.describe(spec.query(), locale),
                    spec));
        }
        boolean synthetic = synthetic();
        String today = date(LocalDate.now(clock), locale);
        List<String> method = new ArrayList<>();
        method.add(messages.get("briefing.method.counting", locale));
        method.add(messages.get("briefing.method.dates", locale));
        List<String> sources = charts.sources(viewer);
        method.add(sources.isEmpty() ? messages.get("briefing.method.no-sources", locale)
                : messages.get("briefing.method.sources", locale, String.join(messages.get("chart.separator.list",
                        locale), sources)));
        if (profile == DisclosureProfile.PUBLIC) {
            method.add(figures.withheldNote(locale));
        }
        method.add(messages.get("briefing.method.rebuilt", locale, today));
        if (synthetic) {
            method.add(messages.get("data.synthetic.explained", locale));
        }
        BriefingContent.Drawer drawer = (spec, format, size) -> charts.render(viewer, spec, format, size);
        return new BriefingContent(b.title(), locale, profile, messages.get("briefing.generated", locale, today),
                synthetic, b.draft().paragraphs(), figureTexts, chartItems, method, messages, drawer);
    }

    /** A key figure's sentence ({@link KeyFigureSentence}), for the editor's preview and the files. */
    BriefingContent.Figure figure(Viewer viewer, KeyFigure f, String field, Locale locale, DisclosureProfile profile) {
        ReportQuery query = profile.scope(BriefingRules.query(f.filters(), field + ".filters", gazetteer));
        Optional<Dimension> shareOf = f.shareDimension().map(d -> BriefingRules.shareDimension(f, field));
        Breakdown b = figures.breakdown(viewer, query, shareOf.orElse(Dimension.PERPETRATOR), locale, profile);
        return new BriefingContent.Figure(sentences.of(b, query.counting(), shareOf, f.shareKey(), locale),
                describe.describe(query, locale));
    }

    private String date(LocalDate day, Locale locale) {
        return day.getDayOfMonth() + " " + messages.get("month." + day.getMonthValue(), locale) + " " + day.getYear();
    }

    private boolean synthetic() {
        try {
            return imports.holdsSyntheticData();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not tell whether the data is synthetic; is the engine up?", e);
        }
    }
}
