package org.athar.ui.trends;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.athar.analytics.Disclosure;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.StatsRequest;
import org.athar.chart.ChartService;
import org.athar.chart.ChartService.DashboardCharts;
import org.athar.linkage.LinkageWorker;
import org.athar.linkage.RelinkStatus;
import org.athar.report.Gazetteer;
import org.athar.search.BadParameterException;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.Drill;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;
import org.athar.search.ReportSearch;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.athar.ui.MainLayout;
import org.athar.ui.components.ExportButton;
import org.athar.ui.components.FilterBar;
import org.athar.ui.components.ProfileSelect;
import org.athar.ui.components.ReportLabels;

/**
 * Trends: the time series, the map, the perpetrator and status breakdowns and a cross-tab for the filters of the
 * shared filter bar. Every chart is the server's own SVG (the same drawing as the downloads); clicking a slice opens
 * Search with that slice added to the filters.
 */
@RolesAllowed("VIEW_TRENDS")
@Menu(title = "nav.trends", order = 2, icon = "vaadin:chart")
@Route(value = "trends", layout = MainLayout.class)
public class TrendsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final List<Dimension> GRANULARITIES = List.of(Dimension.YEAR, Dimension.QUARTER, Dimension.MONTH);

    private final ChartService charts;
    private final Gazetteer gazetteer;
    private final Viewer viewer;
    private final FilterBar filters;
    private final Select<Dimension> granularity = new Select<>();
    private final Select<Dimension> rows = new Select<>();
    private final Select<Dimension> columns = new Select<>();
    private final Select<DisclosureProfile> profile = new Select<>();
    private final Span scope = new Span();
    /** Said while reports are being linked into persons, when persons figures are still incomplete. */
    private final Span linking = new Span();

    private final LinkageWorker linkage;
    private Registration polling;
    private final ChartCard timeline;
    private final ChartCard map;
    private final ChartCard perpetrators;
    private final ChartCard statuses;
    private final CrossTabCard crossTab;
    private final ConsentCard consent;
    private final FilterChips chips;
    private ReportQuery query = ReportQuery.all();
    /** What the figures count: persons (linked reports once) by default, or reports. */
    private final Select<Count> counting = new Select<>();

    private boolean applying;

    public TrendsView(
            ChartService charts,
            Gazetteer gazetteer,
            CurrentViewer currentViewer,
            LinkageWorker linkage,
            ReportSearch search) {
        this.charts = charts;
        this.linkage = linkage;
        this.gazetteer = gazetteer;
        this.viewer = currentViewer.get();
        viewer.require(Permission.VIEW_TRENDS);
        addClassName("athar-view");
        setId("view-trends");
        filters = FilterBar.forFigures(gazetteer, () -> charts.sources(viewer), viewer);
        filters.addChangeListener(q -> {
            query = q;
            changed();
        });
        boolean drills = viewer.can(Permission.SEARCH);
        timeline = new ChartCard("trends-timeline", getTranslation("trends.card.timeline"), drills, this::drill);
        map = new ChartCard("trends-map", getTranslation("trends.card.map"), drills, this::drill);
        perpetrators =
                new ChartCard("trends-perpetrator", getTranslation("trends.card.perpetrator"), drills, this::drill);
        statuses = new ChartCard("trends-status", getTranslation("trends.card.status"), drills, this::drill);
        crossTab = new CrossTabCard(drills, this::drill);
        timeline.addClassName("athar-card-wide");
        crossTab.addClassName("athar-card-wide");
        scope.setId("trends-scope");
        linking.setId("trends-linking");
        linking.addClassName("athar-notice");
        linking.setVisible(false);
        consent = new ConsentCard(search, viewer, new ReportLabels(this, gazetteer));
        Div grid = new Div(timeline, map, perpetrators, statuses, crossTab, consent);
        grid.addClassName("athar-trends-grid");
        Paragraph hint = new Paragraph(getTranslation(drills ? "trends.hint" : "trends.hint.aggregates"));
        hint.addClassName("athar-chart-note");
        Div editor = new Div(filters.textField(), filters);
        editor.addClassName("athar-filter-editor");
        chips = new FilterChips(filters, editor);
        add(new H2(getTranslation("view.trends.title")), chips, editor, controls());
        // The Export button carries the count shown here (persons or reports) as well as the filters.
        ExportButton.open(viewer, () -> query.withCount(counting.getValue()), () -> Optional.of(profile.getValue()))
                .ifPresent(this::add);
        add(scope, linking, hint, grid);
    }

    private Div controls() {
        granularity.setLabel(getTranslation("trends.granularity"));
        granularity.setId("trends-granularity");
        granularity.setItems(GRANULARITIES);
        granularity.setItemLabelGenerator(d -> getTranslation("trends.granularity." + d.parameter()));
        granularity.setValue(Dimension.YEAR);
        rows.setLabel(getTranslation("trends.rows"));
        rows.setId("trends-rows");
        columns.setLabel(getTranslation("trends.columns"));
        columns.setId("trends-columns");
        for (Select<Dimension> s : List.of(rows, columns)) {
            s.setItems(Dimension.values());
            s.setItemLabelGenerator(d -> getTranslation("trends.dimension." + d.parameter()));
        }
        rows.setValue(Dimension.GOVERNORATE);
        columns.setValue(Dimension.PERPETRATOR);
        ProfileSelect.setUp(profile, "trends-profile", "trends.profile", viewer, charts.k());
        counting.setLabel(getTranslation("trends.count"));
        counting.setId("trends-count");
        counting.setItems(Count.PERSONS, Count.REPORTS);
        counting.setItemLabelGenerator(c -> getTranslation("trends.count." + c.code()));
        counting.setValue(Count.PERSONS);
        Stream.of(granularity, rows, columns, profile, counting)
                .forEach(s -> s.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        changed();
                    }
                }));
        Div bar = new Div(granularity, rows, columns, profile, counting);
        bar.addClassName("athar-trends-controls");
        return bar;
    }

    private void changed() {
        if (applying) {
            return;
        }
        if (rows.getValue() == columns.getValue()) {
            columns.setValue(rows.getValue() == Dimension.PERPETRATOR ? Dimension.GOVERNORATE : Dimension.PERPETRATOR);
        }
        updateUrl();
        refresh();
    }

    private void refresh() {
        chips.refresh();
        showLinking();
        try {
            DashboardCharts d = charts.dashboard(
                    viewer,
                    StatsRequest.dashboard(
                            counted(),
                            granularity.getValue(),
                            rows.getValue(),
                            columns.getValue(),
                            getLocale(),
                            profile.getValue()));
            String scopeKey = "trends.scope." + counting.getValue().code();
            // Counting persons while pairs await review, the total line carries the range they leave open.
            Optional<String> range = counting.getValue() == Count.PERSONS && !d.scopeSuppressed()
                    ? charts.personsRange(d.persons(), getLocale())
                    : Optional.empty();
            scope.setText(
                    d.scopeSuppressed()
                            ? getTranslation(scopeKey + ".withheld")
                            : range.map(r -> getTranslation("trends.scope.persons.range", r))
                                    .orElseGet(() -> getTranslation(
                                            scopeKey, Disclosure.shown(OptionalLong.of(d.scope()), getLocale()))));
            String params = apiParameters();
            // Each chart's SVG carries its own notes (the footnote on withheld figures among them).
            timeline.show(d.timeline(), List.of(), f -> download("timeline", f, params), granularity.getValue(), null);
            map.show(d.map(), List.of(), f -> download("map", f, params), d.mapDimension(), null);
            perpetrators.show(
                    d.perpetrators(),
                    List.of(),
                    f -> download("breakdown", f, params + "&by=perpetrator"),
                    Dimension.PERPETRATOR,
                    null);
            statuses.show(
                    d.statuses(),
                    List.of(),
                    f -> download("breakdown", f, params + "&by=status"),
                    Dimension.STATUS,
                    null);
            crossTab.show(
                    d.crossTab(),
                    getTranslation(
                            "trends.card.crosstab",
                            getTranslation("trends.dimension." + rows.getValue().parameter()),
                            getTranslation(
                                    "trends.dimension." + columns.getValue().parameter())),
                    d.crossTabSvg(),
                    d.tableNotes(),
                    f -> download("crosstab", f, params));
            consent.show(counted(), profile.getValue());
        } catch (IOException | RuntimeException e) {
            Notification n = Notification.show(
                    getTranslation("trends.failed", e.getMessage()), 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /**
     * While a full re-link runs (after a large import, or at a start that found persons out of step with the reports),
     * persons figures are incomplete: say so, and poll so the page redraws by itself when the link is done, instead
     * of showing "0 persons" with nothing to explain it.
     */
    private void showLinking() {
        RelinkStatus s = linkage.status();
        boolean persons = counting.getValue() == Count.PERSONS;
        boolean running = s.running() && persons;
        linking.setVisible(running || (s.needed() && persons));
        if (running) {
            linking.setText(getTranslation(
                    "trends.linking",
                    String.format(getLocale(), "%,d", s.processed()),
                    String.format(getLocale(), "%,d", s.total())));
        } else if (linking.isVisible()) {
            linking.setText(getTranslation("trends.relink-needed"));
        }
        // Before the view is attached (its first refresh), the UI it is being built for is the current one.
        Optional.ofNullable(getUI().orElse(UI.getCurrent())).ifPresent(ui -> {
            if (running && polling == null) {
                ui.setPollInterval(5000);
                polling = ui.addPollListener(e -> {
                    if (!linkage.status().running()) {
                        stopPolling(ui);
                        refresh();
                    } else {
                        showLinking();
                    }
                });
            } else if (!running && polling != null) {
                stopPolling(ui);
            }
        });
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    /** The filters with what the figures count; public figures cover whole years (the dates are widened). */
    private ReportQuery counted() {
        return profile.getValue().scope(query.withCount(counting.getValue()));
    }

    /** The chart API address of what is on screen: same filters and drawing size; PNG at 300 dpi for print. */
    private static String download(String chart, String format, String params) {
        return "api/v1/charts/" + chart + "." + format + "?" + params;
    }

    /** The query string of the chart API for what is on screen: filters, language, granularity, cross-tab, profile. */
    private String apiParameters() {
        Map<String, List<String>> p = new LinkedHashMap<>(ReportQueryParser.format(counted()));
        p.put("lang", List.of(getLocale().getLanguage()));
        p.put("granularity", List.of(granularity.getValue().parameter()));
        p.put("rows", List.of(rows.getValue().parameter()));
        p.put("columns", List.of(columns.getValue().parameter()));
        p.put("profile", List.of(profile.getValue().parameter()));
        return QueryParameters.full(p.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().toArray(String[]::new))))
                .getQueryString();
    }

    /**
     * Opens Search with the clicked slice added to the filters the figures were computed with (not the bar's own
     * filters: public figures widen dates to whole years) and what they counted, so Search shows the same figure.
     */
    private void drill(Map<Dimension, String> slice) {
        // By route, not class, so that Trends does not import the Search view ("" is Search).
        QueryParameters search = new QueryParameters(ReportQueryParser.format(Drill.apply(counted(), slice)));
        getUI().ifPresent(ui -> ui.navigate("", search));
    }

    private void updateUrl() {
        Map<String, List<String>> params = new LinkedHashMap<>(ReportQueryParser.format(counted()));
        params.put("granularity", List.of(granularity.getValue().parameter()));
        params.put("rows", List.of(rows.getValue().parameter()));
        params.put("columns", List.of(columns.getValue().parameter()));
        if (viewer.can(Permission.SEE_EXACT_COUNTS)) {
            params.put("profile", List.of(profile.getValue().parameter()));
        }
        getUI().ifPresent(ui ->
                ui.getPage().getHistory().replaceState(null, new Location("trends", new QueryParameters(params))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                new HashMap<>(event.getLocation().getQueryParameters().getParameters());
        try {
            query = ReportQueryParser.parse(params, gazetteer);
            if (!viewer.can(Permission.SEE_IDENTITIES)) {
                query = query.withoutText();
            }
        } catch (BadParameterException e) {
            query = ReportQuery.all();
            Notification.show(getTranslation("search.bad-url", e.getMessage()), 8000, Notification.Position.MIDDLE);
        }
        applying = true;
        counting.setValue(query.count().orElse(Count.PERSONS));
        filters.setValue(query);
        first(params, "granularity")
                .flatMap(Dimension::fromParameter)
                .filter(GRANULARITIES::contains)
                .ifPresent(granularity::setValue);
        first(params, "rows").flatMap(Dimension::fromParameter).ifPresent(rows::setValue);
        first(params, "columns")
                .flatMap(Dimension::fromParameter)
                .filter(c -> c != rows.getValue())
                .ifPresent(columns::setValue);
        if (viewer.can(Permission.SEE_EXACT_COUNTS)) {
            first(params, "profile").flatMap(DisclosureProfile::fromParameter).ifPresent(profile::setValue);
        }
        applying = false;
        refresh();
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of()).stream().findFirst();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.trends.title") + " · " + getTranslation("app.name");
    }
}
