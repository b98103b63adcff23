package org.athar.briefing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.athar.analytics.Breakdown;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.analytics.StatsRequest;
import org.athar.chart.ChartService;
import org.athar.chart.ChartTexts;
import org.athar.chart.QueryDescription;
import org.athar.dataset.DataSetFacts;
import org.athar.i18n.Messages;
import org.athar.linkage.LinkagePolicy;
import org.athar.linkage.LinkageReview;
import org.athar.report.Gazetteer;
import org.athar.report.Place;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.security.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a briefing against the data as it is now: each key figure from {@link Figures} (so the public profile's
 * suppression applies, and a figure equals what the statistics API gives for the same filters), each chart from
 * {@link ChartService}, every one with the briefing's filters narrowed by its own. Nothing computed is ever stored.
 */
@Component
class BriefingBuilder {

    private final Figures figures;
    private final ChartService charts;
    private final Messages messages;
    private final Gazetteer gazetteer;
    private final DataSetFacts facts;
    private final LinkagePolicy linkage;
    private final BriefingOrganisation organisation;
    private final QueryDescription describe;
    private final ChartTexts chartTexts;
    private final KeyFigureSentence sentences;
    private final Clock clock;

    @Autowired
    BriefingBuilder(
            Figures figures,
            ChartService charts,
            Messages messages,
            Gazetteer gazetteer,
            DataSetFacts facts,
            LinkageReview review,
            BriefingOrganisation organisation,
            Clock clock) {
        this(figures, charts, messages, gazetteer, facts, review.policy(), organisation, clock);
    }

    BriefingBuilder(
            Figures figures,
            ChartService charts,
            Messages messages,
            Gazetteer gazetteer,
            DataSetFacts facts,
            LinkagePolicy linkage,
            BriefingOrganisation organisation,
            Clock clock) {
        this.figures = figures;
        this.charts = charts;
        this.messages = messages;
        this.gazetteer = gazetteer;
        this.facts = facts;
        this.linkage = linkage;
        this.organisation = organisation;
        this.describe = new QueryDescription(messages, gazetteer);
        this.chartTexts = new ChartTexts(messages, gazetteer);
        this.sentences = new KeyFigureSentence(messages);
        this.clock = clock;
    }

    /** The briefing as {@code viewer} may export it; 403 when its profile is one the viewer may not receive. */
    BriefingContent build(Viewer viewer, Briefing b) {
        Locale locale = BriefingRules.locale(b.language());
        DisclosureProfile profile = figures.profileFor(viewer, Optional.of(BriefingRules.profile(b.profile())));
        Set<ReportQuery> scopes = new LinkedHashSet<>();
        List<BriefingContent.Figure> figureTexts = new ArrayList<>();
        for (int i = 0; i < b.figures().size(); i++) {
            String field = "figures[" + i + "]";
            scopes.add(figureQuery(b.filters(), b.figures().get(i), field, profile));
            figureTexts.add(figure(viewer, b.filters(), b.figures().get(i), field, locale, profile));
        }
        List<BriefingContent.Chart> chartItems = new ArrayList<>();
        for (int i = 0; i < b.charts().size(); i++) {
            ChartItem c = b.charts().get(i);
            ChartService.Spec spec =
                    BriefingRules.spec(c, b.filters(), "charts[" + i + "]", gazetteer, locale, profile);
            scopes.add(spec.query());
            chartItems.add(new BriefingContent.Chart(c.caption().orElse(""), title(spec), spec));
        }
        if (scopes.isEmpty()) {
            scopes.add(profile.scope(BriefingRules.query(b.filters(), "filters", gazetteer)));
        }
        BriefingScope scope = new BriefingScope(figures, viewer, profile, scopes);
        boolean synthetic = synthetic();
        String today = date(LocalDate.now(clock), locale);
        BriefingContent.Drawer drawer = (spec, format, size) -> charts.render(viewer, spec, format, size);
        return new BriefingContent(
                b.title(),
                locale,
                profile,
                messages.get("briefing.generated", locale, today),
                synthetic,
                period(scope, profile, locale),
                organisation,
                b.draft().paragraphs(),
                figureTexts,
                chartItems,
                method(viewer, b, scopes, scope, profile, locale, today, synthetic),
                messages,
                drawer);
    }

    /** A key figure's sentence ({@link KeyFigureSentence}), for the editor's preview and the files. */
    BriefingContent.Figure figure(
            Viewer viewer,
            String briefingFilters,
            KeyFigure f,
            String field,
            Locale locale,
            DisclosureProfile profile) {
        ReportQuery query = figureQuery(briefingFilters, f, field, profile);
        Optional<Dimension> shareOf = f.shareDimension().map(d -> BriefingRules.shareDimension(f, field));
        Breakdown b = figures.breakdown(
                viewer, StatsRequest.breakdown(query, shareOf.orElse(Dimension.PERPETRATOR), locale, profile));
        return new BriefingContent.Figure(
                sentences.of(b, query.counting(), shareOf, f.shareKey(), locale), describe.describe(query, locale));
    }

    private ReportQuery figureQuery(String briefingFilters, KeyFigure f, String field, DisclosureProfile profile) {
        return profile.scope(BriefingRules.effective(briefingFilters, f.filters(), field + ".filters", gazetteer));
    }

    /** The drawing's own title ("Persons by governorate"), the picture's alternative text in every file. */
    private String title(ChartService.Spec spec) {
        Count count = spec.query().counting();
        return switch (spec.kind()) {
            case CROSSTAB -> chartTexts.title(count, spec.rows(), spec.columns(), spec.locale());
            case MAP ->
                chartTexts.title(
                        count,
                        spec.query().governorates().size() == 1
                                        && !spec.query().governorates().contains(Place.UNKNOWN)
                                ? Dimension.DISTRICT
                                : Dimension.GOVERNORATE,
                        spec.locale());
            default -> chartTexts.title(count, spec.by(), spec.locale());
        };
    }

    /**
     * Method and sources, following what the figures count: how persons are formed from reports (record linkage,
     * the pairs awaiting review) when any figure counts persons, what counting reports means when any counts reports.
     */
    private List<String> method(
            Viewer viewer,
            Briefing b,
            Set<ReportQuery> scopes,
            BriefingScope scope,
            DisclosureProfile profile,
            Locale locale,
            String today,
            boolean synthetic) {
        Set<Count> counted = EnumSet.noneOf(Count.class);
        scopes.forEach(q -> counted.add(q.counting()));
        List<String> method = new ArrayList<>();
        if (counted.contains(Count.PERSONS)) {
            method.add(messages.get("briefing.method.counting.persons", locale, linkage.auto()));
            method.add(messages.get("briefing.method.linkage.pending", locale, linkage.auto(), linkage.review()));
            // The range of the briefing's own filters, under its profile (publicly without the number of pairs).
            ReportQuery persons = profile.scope(
                    BriefingRules.query(b.filters(), "filters", gazetteer).withCount(Count.PERSONS));
            chartTexts
                    .personsRange(
                            figures.persons(viewer, StatsRequest.breakdown(persons, Dimension.STATUS, locale, profile)),
                            locale)
                    .ifPresent(r -> method.add(messages.get("briefing.method.persons.range", locale, r)));
        }
        if (counted.contains(Count.REPORTS)) {
            method.add(messages.get("briefing.method.counting.reports", locale));
        }
        ReportQuery whole = BriefingRules.query(b.filters(), "filters", gazetteer);
        if (!whole.equals(ReportQuery.all())) {
            method.add(messages.get("briefing.method.scope", locale, describe.describe(whole, locale)));
        }
        method.add(messages.get("briefing.method.dates", locale));
        List<String> sources = scope.sources();
        method.add(
                sources.isEmpty()
                        ? messages.get("briefing.method.no-sources", locale)
                        : messages.get(
                                "briefing.method.sources",
                                locale,
                                String.join(messages.get("chart.separator.list", locale), sources)));
        if (profile == DisclosureProfile.PUBLIC) {
            method.add(figures.withheldNote(locale));
        }
        method.add(messages.get("briefing.method.rebuilt", locale, today));
        if (synthetic) {
            method.add(messages.get("data.synthetic.explained", locale));
        }
        return method;
    }

    /**
     * The period the figures cover: from the filters where they set dates, else the years with records. Under the
     * public profile whole years only, so the title page says no more than a public chart by year.
     */
    private String period(BriefingScope scope, DisclosureProfile profile, Locale locale) {
        Optional<BriefingScope.Bound> start = scope.start();
        Optional<BriefingScope.Bound> end = scope.end();
        boolean years = profile == DisclosureProfile.PUBLIC
                || start.map(BriefingScope.Bound::wholeYear).orElse(true)
                        && end.map(BriefingScope.Bound::wholeYear).orElse(true);
        Optional<String> from = start.map(s -> years ? String.valueOf(s.day().getYear()) : date(s.day(), locale));
        Optional<String> to = end.map(e -> years ? String.valueOf(e.day().getYear()) : date(e.day(), locale));
        if (from.isPresent() && to.isPresent()) {
            return from.get().equals(to.get())
                    ? from.get()
                    : messages.get("briefing.period.range", locale, from.get(), to.get());
        }
        return from.map(f -> messages.get("briefing.period.open-end", locale, f))
                .or(() -> to.map(t -> messages.get("briefing.period.open-start", locale, t)))
                .orElseGet(() -> messages.get("briefing.period.none", locale));
    }

    private String date(LocalDate day, Locale locale) {
        return day.getDayOfMonth() + " " + messages.get("month." + day.getMonthValue(), locale) + " " + day.getYear();
    }

    private boolean synthetic() {
        try {
            return facts.holdsSyntheticData();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not tell whether the data is synthetic; is the engine up?", e);
        }
    }
}
