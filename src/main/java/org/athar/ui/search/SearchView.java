package org.athar.ui.search;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.athar.report.Gazetteer;
import org.athar.report.VisibleReport;
import org.athar.search.BadParameterException;
import org.athar.search.IdentityRules;
import org.athar.search.IdentitySearchRefusedException;
import org.athar.search.QueryText;
import org.athar.search.ReportQuery;
import org.athar.search.ReportSort;
import org.athar.search.ReportSearch;
import org.athar.security.AccessDeniedException;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.athar.ui.MainLayout;

/**
 * Search: free text and every filter, facet counts that follow the query, a lazy grid of reports, and the whole
 * state in the URL so a search can be shared. For a role that does not see identities the free-text field and the
 * name column are left out and a note says why; the search service enforces the same rule on every call.
 */
@RolesAllowed("SEARCH")
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
    private final com.vaadin.flow.dom.Element suggestions = new com.vaadin.flow.dom.Element("datalist");
    private final Div empty = new Div();
    private final Grid<VisibleReport> grid = new Grid<>();
    private ReportQuery query = ReportQuery.all();
    private boolean applying;

    public SearchView(ReportSearch search, CurrentViewer viewer, Gazetteer gazetteer) {
        this.search = search;
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
            // Suggestions: a native datalist bound to the field's input (no frontend build needed).
            suggestions.setAttribute("id", "search-suggestions");
            getElement().appendChild(suggestions);
            text.getElement().executeJs("this.inputElement.setAttribute('list', 'search-suggestions')");
            text.addValueChangeListener(e -> suggest(e.getValue()));
        }
        resultCount.setId("search-count");
        resultCount.addClassName("athar-result-count");
        empty.setId("search-empty");
        empty.setVisible(false);
        add(new H2(getTranslation("view.search.title")));
        if (identities) {
            add(text);
        } else {
            Span withheld = new Span(getTranslation("search.identities.withheld"));
            withheld.setId("search-withheld");
            withheld.addClassName("athar-withheld");
            add(withheld);
        }
        add(filters);
        org.athar.ui.exports.ExportsView.openButton(viewer.get(), () -> query, Optional::empty).ifPresentOrElse(
                open -> {
                    com.vaadin.flow.component.orderedlayout.HorizontalLayout line =
                            new com.vaadin.flow.component.orderedlayout.HorizontalLayout(resultCount, open);
                    line.setAlignItems(Alignment.BASELINE);
                    add(line);
                }, () -> add(resultCount));
        add(empty, grid());
        setFlexGrow(1, grid);
        setHeightFull();
    }

    private Grid<VisibleReport> grid() {
        grid.setId("search-results");
        if (identities) {
            grid.addComponentColumn(r -> highlighted(r.victim().name().orElse(""), true))
                    .setHeader(getTranslation("search.col.name")).setSortable(true).setKey("name").setWidth("18rem")
                    .setFlexGrow(1);
        }
        grid.addColumn(r -> labels.vocabulary(r.victim().gender())).setHeader(getTranslation("search.col.gender"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.victim().age().map(String::valueOf).orElse("")).setHeader(getTranslation("search.col.age"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> labels.date(r.disappearance())).setHeader(getTranslation("search.col.date"))
                .setSortable(true).setKey("date").setAutoWidth(true);
        grid.addColumn(r -> labels.place(r.place().governorate())).setHeader(getTranslation("search.col.governorate"))
                .setAutoWidth(true);
        grid.addColumn(r -> labels.vocabulary(r.perpetrator().category()))
                .setHeader(getTranslation("search.col.perpetrator")).setAutoWidth(true);
        grid.addColumn(r -> labels.vocabulary(r.status())).setHeader(getTranslation("search.col.status"))
                .setAutoWidth(true);
        grid.addColumn(VisibleReport::source).setHeader(getTranslation("search.col.source")).setAutoWidth(true);
        grid.setItems(q -> {
            ReportSort sort = sortOf(q.getSortOrders()).orElse(defaultSort());
            try {
                return search.window(viewer.get(), query, sort, q.getOffset(), q.getLimit()).stream();
            } catch (IOException | RuntimeException e) {
                failed(e);
                return Stream.empty();
            }
        }, q -> (int) Math.min(lastTotal, ReportSearch.MAX_WINDOW));
        grid.addSortListener(e -> {
            if (!applying) {
                updateUrl();
            }
        });
        // The report page highlights the same words, so the query travels with it.
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ReportView.class, e.getItem().id(),
                query.text().isEmpty() ? QueryParameters.empty()
                        : QueryParameters.simple(Map.of("q", query.text().display())))));
        grid.setWidthFull();
        return grid;
    }

    private long lastTotal;

    private Component highlighted(String value, boolean isName) {
        return ReportLabels.highlighted(search.highlights(viewer.get(), value, query.text(), isName));
    }

    private Optional<ReportSort> sortOf(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        var o = orders.get(0);
        boolean asc = o.getDirection() == SortDirection.ASCENDING;
        return Optional.of("name".equals(o.getSorted()) ? (asc ? ReportSort.NAME_ASC : ReportSort.NAME_DESC)
                : (asc ? ReportSort.DATE_ASC : ReportSort.DATE_DESC));
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
        Map<String, List<String>> params = new java.util.LinkedHashMap<>(org.athar.search.QueryParameters.format(query));
        sortOf(grid.getSortOrder().stream().map(o -> new com.vaadin.flow.data.provider.QuerySortOrder(
                o.getSorted().getKey(), o.getDirection())).toList()).ifPresent(s -> params.put("sort", List.of(s.code())));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("", new QueryParameters(params))));
    }

    private void suggest(String typed) {
        suggestions.removeAllChildren();
        if (typed == null || typed.strip().length() < 2 || typed.contains("\"") || typed.contains(":")) {
            return;
        }
        try {
            for (String s : search.suggest(viewer.get(), typed, 8)) {
                suggestions.appendChild(new com.vaadin.flow.dom.Element("option").setAttribute("value", s));
            }
        } catch (IOException | RuntimeException e) {
            // Suggestions are a convenience; the search itself reports engine errors.
        }
    }

    private void refresh() {
        try {
            Viewer v = viewer.get();
            lastTotal = search.count(v, query);
            long imprecise = search.imprecise(v, query);
            filters.setCounts(search.facets(v, query));
            resultCount.setText(getTranslation("search.count", lastTotal)
                    + (imprecise > 0 ? " " + getTranslation("search.imprecise", imprecise) : ""));
            showEmpty(lastTotal == 0);
            grid.getDataProvider().refreshAll();
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    private void showEmpty(boolean none) {
        empty.removeAll();
        empty.setVisible(none);
        grid.setVisible(!none);
        if (none) {
            Button clear = new Button(getTranslation("search.clear"), VaadinIcon.CLOSE_SMALL.create(), e -> clearAll());
            clear.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            clear.setId("search-clear");
            empty.add(new Span(getTranslation(query.equals(ReportQuery.all()) ? "search.empty.index"
                    : "search.empty.filters")), clear);
        }
    }

    private void clearAll() {
        filters.clear();
    }

    private void failed(Exception e) {
        // A refusal is said in the user's language; its English message never holds what was typed either.
        String message = e instanceof IdentitySearchRefusedException refused ? getTranslation(refused.messageKey())
                : e instanceof AccessDeniedException ? getTranslation("search.denied")
                : getTranslation("search.failed", e.getMessage());
        Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = new HashMap<>(event.getLocation().getQueryParameters().getParameters());
        try {
            query = org.athar.search.QueryParameters.parse(params, gazetteer);
        } catch (BadParameterException e) {
            query = ReportQuery.all();
            Notification.show(getTranslation("search.bad-url", e.getMessage()), 8000, Notification.Position.MIDDLE);
        }
        if (!viewer.get().can(Permission.SEARCH)) {
            removeAll();
            Span denied = new Span(getTranslation("search.denied"));
            denied.setId("search-denied");
            add(new H2(getTranslation("view.search.title")), denied);
            return;
        }
        if (!identities && !query.text().isEmpty()) {
            // A shared link may carry a name; it is dropped, not run, and not shown back.
            query = withoutText(query);
            Notification.show(getTranslation("search.refused.text"), 8000, Notification.Position.MIDDLE);
        }
        applying = true;
        filters.setValue(query);
        applySort(params.getOrDefault("sort", List.of()).stream().findFirst().flatMap(ReportSort::fromCode));
        applying = false;
        refresh();
    }

    private void applySort(Optional<ReportSort> requested) {
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
        grid.sort(List.of(new com.vaadin.flow.component.grid.GridSortOrder<>(grid.getColumnByKey(byName ? "name" : "date"),
                asc ? SortDirection.ASCENDING : SortDirection.DESCENDING)));
    }

    private static ReportQuery withoutText(ReportQuery q) {
        return new ReportQuery(QueryText.parse(""), q.governorates(), q.districts(), q.perpetrators(), q.statuses(),
                q.genders(), q.ageGroups(), q.sources(), q.from(), q.to(), q.hasLocation());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.search.title") + " · " + getTranslation("app.name");
    }

}
