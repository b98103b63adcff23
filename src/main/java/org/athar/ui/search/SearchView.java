package org.athar.ui.search;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.report.Gazetteer;
import org.athar.report.VisibleReport;
import org.athar.search.BadParameterException;
import org.athar.search.Count;
import org.athar.search.IdentityRules;
import org.athar.search.IdentitySearchRefusedException;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;
import org.athar.search.ReportSearch;
import org.athar.search.ReportSort;
import org.athar.search.ResultWindow;
import org.athar.security.AccessDeniedException;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.athar.ui.MainLayout;
import org.athar.ui.components.ExportButton;
import org.athar.ui.components.FilterBar;
import org.athar.ui.components.ReportLabels;

/**
 * Search: free text and every filter, facet counts that follow the query, a lazy grid of reports, and the whole
 * state in the URL so a search can be shared. For a role that does not see identities the free-text field and the
 * name column are left out and a note says why; the search service enforces the same rule on every call. The grid
 * reads from one result window per search (a point-in-time), so it scrolls through every result, not only the first
 * 10,000. Arriving from a figure that counts persons ({@code count=persons}), the result line also says how many
 * persons the reports are about, as Trends counts them.
 */
@RolesAllowed("SEARCH")
@Menu(title = "nav.search", order = 1, icon = "vaadin:search")
@Route(value = "", layout = MainLayout.class)
public class SearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ReportSearch search;
    private final CurrentViewer viewer;
    private final boolean identities;
    private final Gazetteer gazetteer;
    private final ReportLabels labels;
    private final FilterBar filters;
    private final TextField text;
    private final Span resultCount = new Span();
    private final Div empty = new Div();
    private final Grid<VisibleReport> grid = new Grid<>();
    private final CountLine countLine;
    private ReportQuery query = ReportQuery.all();
    /** What the page came to count ({@code count} in the URL): persons adds them to the result line. */
    private Optional<Count> counting = Optional.empty();
    /** The disclosure profile the figure came from ({@code profile} in the URL), else the viewer's own. */
    private Optional<DisclosureProfile> profile = Optional.empty();
    /** The results the grid reads; replaced when the query or the sort changes, closed when the page goes. */
    private Optional<ResultWindow> results = Optional.empty();
    /** The report of the row that has the keyboard focus, which Enter opens. */
    private Optional<VisibleReport> focused = Optional.empty();

    private boolean applying;

    public SearchView(ReportSearch search, Figures figures, CurrentViewer viewer, Gazetteer gazetteer) {
        this.search = search;
        this.countLine = new CountLine(this, this::getLocale, figures);
        this.viewer = viewer;
        this.identities = IdentityRules.seesIdentities(viewer.get());
        this.gazetteer = gazetteer;
        this.labels = new ReportLabels(this, gazetteer);
        // The filter bar Trends uses too; the source names it offers come from the facet counts.
        this.filters = new FilterBar(gazetteer, List::of);
        this.text = filters.textField();
        addClassName("athar-view");
        addClassName("athar-search");
        setId("view-search");
        text.setWidthFull();
        text.setVisible(identities);
        filters.addChangeListener(q -> changed());
        if (identities) {
            Suggestions.attach(this, text, search, viewer);
        }
        resultCount.setId("search-count");
        resultCount.addClassName("athar-result-count");
        empty.setId("search-empty");
        empty.setVisible(false);
        add(new H2(getTranslation("view.search.title")));
        if (identities) {
            add(searchBox());
        } else {
            Span withheld = new Span(getTranslation("search.identities.withheld"));
            withheld.setId("search-withheld");
            withheld.addClassName("athar-withheld");
            add(withheld);
        }
        add(filters);
        ExportButton.open(viewer.get(), () -> query, Optional::empty)
                .ifPresentOrElse(
                        open -> {
                            HorizontalLayout line = new HorizontalLayout(resultCount, open);
                            line.setAlignItems(Alignment.BASELINE);
                            line.addClassName("athar-result-line");
                            add(line);
                        },
                        () -> add(resultCount));
        add(empty, grid());
        setFlexGrow(1, grid);
        setHeightFull();
    }

    private Grid<VisibleReport> grid() {
        grid.setId("search-results");
        if (identities) {
            grid.addComponentColumn(r -> highlighted(r.victim().name().orElse(""), true))
                    .setHeader(getTranslation("search.col.name"))
                    .setSortable(true)
                    .setKey("name")
                    .setWidth("18rem")
                    .setFlexGrow(1);
        }
        grid.addColumn(r -> labels.vocabulary(r.victim().gender()))
                .setHeader(getTranslation("search.col.gender"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.victim().age().map(String::valueOf).orElse(""))
                .setHeader(getTranslation("search.col.age"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> labels.date(r.disappearance()))
                .setHeader(getTranslation("search.col.date"))
                .setSortable(true)
                .setKey("date")
                .setAutoWidth(true);
        grid.addColumn(r -> labels.place(r.place().governorate()))
                .setHeader(getTranslation("search.col.governorate"))
                .setAutoWidth(true);
        grid.addColumn(r -> labels.vocabulary(r.perpetrator().category()))
                .setHeader(getTranslation("search.col.perpetrator"))
                .setAutoWidth(true);
        grid.addColumn(r -> labels.vocabulary(r.status()))
                .setHeader(getTranslation("search.col.status"))
                .setAutoWidth(true);
        grid.addColumn(VisibleReport::source)
                .setHeader(getTranslation("search.col.source"))
                .setAutoWidth(true);
        grid.setItems(
                q -> {
                    ReportSort sort = GridSorts.of(q.getSortOrders()).orElse(defaultSort());
                    try {
                        return results(sort).rows(q.getOffset(), q.getLimit()).stream();
                    } catch (IOException | RuntimeException e) {
                        failed(e);
                        return Stream.empty();
                    }
                },
                q -> (int) Math.min(lastTotal, Integer.MAX_VALUE));
        grid.addSortListener(e -> {
            if (!applying) {
                updateUrl();
            }
        });
        grid.addItemClickListener(e -> open(e.getItem()));
        // Space on a row clicks it (the grid's own keyboard handling); Enter opens the focused row's report too.
        grid.addCellFocusListener(e -> focused = e.getItem());
        grid.getElement()
                .addEventListener("keydown", e -> {
                    if (e.getEventData().hasKey("event.key")
                            && "Enter".equals(e.getEventData().getString("event.key"))) {
                        focused.ifPresent(this::open);
                    }
                })
                .setFilter("event.key === 'Enter'")
                .addEventData("event.key");
        grid.setWidthFull();
        return grid;
    }

    /** The report page highlights the same words, so the query travels with it. */
    private void open(VisibleReport report) {
        getUI().ifPresent(ui -> ui.navigate(
                ReportView.class,
                report.id(),
                query.text().isEmpty()
                        ? QueryParameters.empty()
                        : QueryParameters.simple(Map.of("q", query.text().display()))));
    }

    /**
     * The text field in a box the skip link and other pages can focus by id: focusing the box focuses the field.
     */
    private Div searchBox() {
        Div box = new Div(text);
        box.setId("search-box");
        box.setWidthFull();
        box.getElement().setAttribute("tabindex", "-1");
        box.getElement().executeJs("this.addEventListener('focus', () => this.firstElementChild.focus())");
        return box;
    }

    /** The result window for the current query in {@code sort}: the open one, or a new one in place of it. */
    private ResultWindow results(ReportSort sort) throws IOException {
        if (results.isPresent()
                && results.get().sort() == sort
                && results.get().query().equals(query)) {
            return results.get();
        }
        closeResults();
        ResultWindow opened = search.open(viewer.get(), query, sort);
        results = Optional.of(opened);
        return opened;
    }

    private void closeResults() {
        results.ifPresent(ResultWindow::close);
        results = Optional.empty();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        closeResults();
        super.onDetach(event);
    }

    private long lastTotal;

    private Component highlighted(String value, boolean isName) {
        return ReportLabels.highlighted(search.highlights(viewer.get(), value, query.text(), isName));
    }

    private ReportSort defaultSort() {
        return query.text().isEmpty() ? ReportSort.DATE_DESC : ReportSort.RELEVANCE;
    }

    private void changed() {
        if (applying) {
            return;
        }
        query = filters.value();
        updateUrl();
        refresh();
    }

    /** The query, filters and an explicit sort, in the address bar: copy it, open it elsewhere, same result. */
    private void updateUrl() {
        Map<String, List<String>> params = new LinkedHashMap<>(ReportQueryParser.format(query));
        counting.ifPresent(c -> params.put("count", List.of(c.code())));
        profile.ifPresent(p -> params.put("profile", List.of(p.parameter())));
        GridSorts.current(grid).ifPresent(s -> params.put("sort", List.of(s.code())));
        getUI().ifPresent(ui ->
                ui.getPage().getHistory().replaceState(null, new Location("", new QueryParameters(params))));
    }

    private void refresh() {
        try {
            Viewer v = viewer.get();
            closeResults();
            lastTotal = results(GridSorts.current(grid).orElse(defaultSort())).total();
            long imprecise = search.imprecise(v, query);
            filters.setCounts(search.facets(v, query));
            Optional<OptionalLong> persons =
                    counting.filter(Count.PERSONS::equals).isPresent() && lastTotal > 0
                            ? countLine.persons(v, query, profile)
                            : Optional.empty();
            String line = persons.map(n -> countLine.reportsAboutPersons(lastTotal, n))
                    .orElseGet(() -> countLine.reports(lastTotal));
            resultCount.setText(line + (imprecise > 0 ? " " + getTranslation("search.imprecise", imprecise) : ""));
            resultCount.getElement().setAttribute("data-reports", String.valueOf(lastTotal));
            // For tests and assistive tools: the figures as numbers, and why reports and persons differ.
            attribute("data-persons", persons.filter(OptionalLong::isPresent).map(n -> String.valueOf(n.getAsLong())));
            attribute("title", persons.map(n -> getTranslation("search.count.about.explained")));
            showEmpty(lastTotal == 0);
            grid.getDataProvider().refreshAll();
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    private void attribute(String name, Optional<String> value) {
        value.ifPresentOrElse(
                v -> resultCount.getElement().setAttribute(name, v),
                () -> resultCount.getElement().removeAttribute(name));
    }

    private void showEmpty(boolean none) {
        empty.removeAll();
        empty.setVisible(none);
        grid.setVisible(!none);
        if (none) {
            Button clear = new Button(getTranslation("search.clear"), VaadinIcon.CLOSE_SMALL.create(), e -> clearAll());
            clear.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            clear.setId("search-clear");
            empty.add(
                    new Span(getTranslation(
                            query.equals(ReportQuery.all()) ? "search.empty.index" : "search.empty.filters")),
                    clear);
        }
    }

    private void clearAll() {
        filters.clear();
    }

    private void failed(Exception e) {
        // A refusal is said in the user's language; its English message never holds what was typed either.
        String message = e instanceof IdentitySearchRefusedException refused
                ? getTranslation(refused.messageKey())
                : e instanceof AccessDeniedException
                        ? getTranslation("search.denied")
                        : getTranslation("search.failed", e.getMessage());
        Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                new HashMap<>(event.getLocation().getQueryParameters().getParameters());
        try {
            query = ReportQueryParser.parse(params, gazetteer);
        } catch (BadParameterException e) {
            query = ReportQuery.all();
            Notification.show(getTranslation("search.bad-url", e.getMessage()), 8000, Notification.Position.MIDDLE);
        }
        // What to count belongs to the result line, not to the search: the query itself is the same either way.
        counting = query.count();
        // Search counts reports; the figure beside them is made apart.
        query = query.withCount(Optional.empty());
        profile = params.getOrDefault("profile", List.of()).stream()
                .findFirst()
                .flatMap(DisclosureProfile::fromParameter)
                .filter(p -> countLine.allowed(viewer.get(), p));
        if (!viewer.get().can(Permission.SEARCH)) {
            removeAll();
            Span denied = new Span(getTranslation("search.denied"));
            denied.setId("search-denied");
            add(new H2(getTranslation("view.search.title")), denied);
            return;
        }
        if (!identities && !query.text().isEmpty()) {
            // A shared link may carry a name; it is dropped, not run, and not shown back.
            query = query.withoutText();
            Notification.show(getTranslation("search.refused.text"), 8000, Notification.Position.MIDDLE);
        }
        applying = true;
        filters.setValue(query);
        GridSorts.apply(
                grid,
                params.getOrDefault("sort", List.of()).stream().findFirst().flatMap(ReportSort::fromCode),
                identities);
        applying = false;
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.search.title") + " · " + getTranslation("app.name");
    }
}
