package org.athar.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.CellFocusEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.QueryParameters;
import elemental.json.Json;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.athar.AtharIntegrationTest;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.analytics.StatsRequest;
import org.athar.i18n.Messages;
import org.athar.ingest.ImportService;
import org.athar.linkage.LinkageReview;
import org.athar.linkage.LinkageWorker;
import org.athar.linkage.LinkedReportsFixture;
import org.athar.report.VisibleReport;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.security.Viewer;
import org.athar.ui.SpringKaribu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Search, server-side (Karibu): Enter opens the focused row's report as Space and a click do; a page reached from a
 * figure that counts persons ({@code count=persons}) says how many persons its reports are about, the same number
 * Trends shows, in English and Arabic with each number in its plural form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class SearchOpensAndCountsTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportService imports;

    @Autowired
    LinkageWorker linkage;

    @Autowired
    LinkageReview review;

    @Autowired
    SwitchableViewer viewer;

    @Autowired
    Figures figures;

    /** Sources A and C hold 4 reports about 3 persons (L2 is in both, confirmed as one). */
    private final LinkedReportsFixture fixture = new LinkedReportsFixture("Search counts");

    @BeforeAll
    void reportsLinked() throws Exception {
        fixture.importInto(imports);
        fixture.link(linkage, review);
    }

    @AfterEach
    void closeBrowserSession() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    private void openSearch(Role role, Locale locale, Map<String, String> parameters) {
        viewer.actAs(role);
        SpringKaribu.setUp(context, Set.of(role));
        if (locale != Locale.ENGLISH) {
            UI.getCurrent().setLocale(locale);
            UI.getCurrent().getSession().setLocale(locale);
        }
        UI.getCurrent().navigate("", QueryParameters.simple(parameters));
    }

    @SuppressWarnings("unchecked")
    private static Grid<VisibleReport> grid() {
        return LocatorJ._get(Grid.class, spec -> spec.withId("search-results"));
    }

    private static String countLine() {
        return LocatorJ._get(Span.class, spec -> spec.withId("search-count")).getText();
    }

    private static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    private static void keydown(Grid<?> grid, String key) {
        Element e = grid.getElement();
        // What the browser sends with the event: the key, and the result of the listener's filter.
        var data = Json.createObject();
        data.put("event.key", key);
        data.put("event.key === 'Enter'", "Enter".equals(key));
        ElementUtilsKt._fireDomEvent(e, new DomEvent(e, "keydown", data));
    }

    private static <T> void focusRow(Grid<T> grid, T item) {
        String key = grid.getDataCommunicator().getKeyMapper().key(item);
        ComponentUtil.fireEvent(grid, new CellFocusEvent<>(grid, true, key, null, "body"));
    }

    @Test
    void enter_on_a_focused_row_opens_its_report() {
        openSearch(Role.ANALYST, Locale.ENGLISH, Map.of("source", fixture.sourceA));
        Grid<VisibleReport> grid = grid();
        VisibleReport second = GridKt._get(grid, 1);

        focusRow(grid, second);
        keydown(grid, "Tab"); // another key does nothing
        assertThat(path()).isEmpty();
        keydown(grid, "Enter");

        assertThat(path()).isEqualTo("report/" + second.id());
        assertThat(LocatorJ._get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("report-name"))
                        .getElement()
                        .getTextRecursively())
                .isEqualTo(second.victim().name().orElseThrow());
    }

    @Test
    void enter_with_the_focus_on_a_column_header_opens_nothing() {
        openSearch(Role.ANALYST, Locale.ENGLISH, Map.of("source", fixture.sourceA));
        Grid<VisibleReport> grid = grid();
        focusRow(grid, GridKt._get(grid, 0));
        ComponentUtil.fireEvent(grid, new CellFocusEvent<>(grid, true, null, null, "header"));
        keydown(grid, "Enter");
        assertThat(path()).isEmpty();
    }

    @Test
    void the_search_field_can_be_focused_through_the_search_box_id() {
        openSearch(Role.ANALYST, Locale.ENGLISH, Map.of());
        var box = LocatorJ._get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("search-box"));
        assertThat(LocatorJ._find(
                        box, com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("search-text")))
                .hasSize(1);
        assertThat(box.getElement().getAttribute("tabindex")).isEqualTo("-1");
    }

    private String twoSources() {
        return fixture.sourceA + "," + fixture.sourceC;
    }

    @Test
    void arriving_to_count_persons_the_line_says_how_many_persons_the_reports_are_about() {
        ReportQuery query = new ReportQuery(
                        org.athar.search.QueryText.parse(""),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(fixture.sourceA, fixture.sourceC),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty())
                .withCount(Count.PERSONS);
        Viewer analyst = new Viewer("analyst", Set.of(Role.ANALYST));
        long trends = figures.breakdown(
                        analyst,
                        StatsRequest.breakdown(query, Dimension.YEAR, Locale.ENGLISH, DisclosureProfile.INTERNAL))
                .total()
                .orElseThrow();
        assertThat(trends).as("the figure Trends shows for these sources").isEqualTo(3);

        openSearch(Role.ANALYST, Locale.ENGLISH, Map.of("source", twoSources(), "count", "persons"));
        assertThat(countLine()).isEqualTo("4 reports about 3 persons");
        assertThat(GridKt._size(grid())).as("the grid still lists reports").isEqualTo(4);
        assertThat(UI.getCurrent()
                        .getInternals()
                        .getActiveViewLocation()
                        .getQueryParameters()
                        .getParameters())
                .containsEntry("count", java.util.List.of("persons"));
    }

    @Test
    void under_the_public_profile_a_small_persons_figure_is_withheld_as_trends_withholds_it() {
        ReportQuery query = new ReportQuery(
                        org.athar.search.QueryText.parse(""),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(fixture.sourceA, fixture.sourceC),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty())
                .withCount(Count.PERSONS);
        Viewer analyst = new Viewer("analyst", Set.of(Role.ANALYST));
        assertThat(figures.breakdown(
                                analyst,
                                StatsRequest.breakdown(query, Dimension.YEAR, Locale.ENGLISH, DisclosureProfile.PUBLIC))
                        .total())
                .as("3 persons are too few to publish")
                .isEmpty();

        openSearch(
                Role.ANALYST, Locale.ENGLISH, Map.of("source", twoSources(), "count", "persons", "profile", "public"));

        assertThat(countLine())
                .isEqualTo("4 reports; how many persons they are about is withheld (small numbers "
                        + "are not published)");
        assertThat(LocatorJ._get(Span.class, spec -> spec.withId("search-count"))
                        .getElement()
                        .hasAttribute("data-persons"))
                .isFalse();
    }

    @Test
    void without_count_persons_the_line_gives_the_reports_alone() {
        openSearch(Role.ANALYST, Locale.ENGLISH, Map.of("source", twoSources()));
        assertThat(countLine()).isEqualTo("4 reports");
        openSearch(Role.ANALYST, Locale.ENGLISH, Map.of("source", fixture.sourceC, "count", "reports"));
        assertThat(countLine()).isEqualTo("1 report");
    }

    @Test
    void one_report_about_one_person_is_said_in_the_singular_in_both_languages() {
        openSearch(Role.ANALYST, Locale.ENGLISH, Map.of("source", fixture.sourceC, "count", "persons"));
        assertThat(countLine()).isEqualTo("1 report about 1 person");
        SpringKaribu.tearDown();
        openSearch(Role.ANALYST, Messages.ARABIC, Map.of("source", fixture.sourceC, "count", "persons"));
        assertThat(countLine()).isEqualTo("بلاغ واحد عن شخص واحد");
    }

    @Test
    void in_arabic_the_line_takes_the_plural_of_three_to_ten() {
        openSearch(Role.ANALYST, Messages.ARABIC, Map.of("source", twoSources(), "count", "persons"));
        assertThat(countLine()).isEqualTo("4 بلاغات عن 3 أشخاص");
    }

    @Test
    void arabic_numbers_take_the_cldr_plural_forms() {
        Locale ar = Messages.ARABIC;
        assertThat(CountLine.category(0, ar)).isEqualTo("zero");
        assertThat(CountLine.category(1, ar)).isEqualTo("one");
        assertThat(CountLine.category(2, ar)).isEqualTo("two");
        assertThat(CountLine.category(10, ar)).isEqualTo("few");
        assertThat(CountLine.category(103, ar)).isEqualTo("few");
        assertThat(CountLine.category(4_016, ar)).isEqualTo("many");
        assertThat(CountLine.category(3_742, ar)).isEqualTo("many");
        assertThat(CountLine.category(100, ar)).isEqualTo("other");
        assertThat(CountLine.category(1, Locale.ENGLISH)).isEqualTo("one");
        assertThat(CountLine.category(3_742, Locale.ENGLISH)).isEqualTo("other");
    }
}
