package org.athar.ui.trends;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.QueryParameters;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.i18n.Messages;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportService;
import org.athar.search.Count;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.ui.SpringKaribu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Trends server-side (Karibu, real engine): a bar opened with the keyboard lands on Search with exactly the query of
 * the figure (its filters, its bucket, the dates as the figure used them) and what it counted; the filters fold into
 * chips that name each filter and drop it when removed; the shell's first item is "Skip to content".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class TrendsScreenTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportService imports;

    @Autowired
    SwitchableViewer viewer;

    private final String source = "Trends UI " + UUID.randomUUID();

    @BeforeAll
    void load() {
        imports.importFile(
                new ByteArrayInputStream(("report_id,victim_name,governorate,perpetrator,disappeared_on\n"
                                + "T1,Synthetic Trend One,Aleppo,government,2013-05-01\n"
                                + "T2,Synthetic Trend Two,Aleppo,isis,2013-11-20\n"
                                + "T3,Synthetic Trend Three,Aleppo,government,2014-02-02\n"
                                + "T4,Synthetic Trend Four,Homs,government,2013-06-06\n"
                                + "T5,Synthetic Trend Five,Homs,isis,2015-01-09\n")
                        .getBytes(StandardCharsets.UTF_8)),
                "trends-ui.csv",
                new ImportOptions(Optional.of(source), "test", true),
                c -> {});
    }

    private void signIn(Role role, Locale locale) {
        viewer.actAs(role);
        SpringKaribu.setUp(context, Set.of(role));
        UI.getCurrent().setLocale(locale);
    }

    @AfterEach
    void signOut() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    private static void open(Map<String, String> params) {
        UI.getCurrent().navigate("trends", QueryParameters.simple(params));
    }

    /** Enter on the timeline's bar {@code year}, as the browser reports it. */
    private static void enterOnYear(String year) {
        Element chart = LocatorJ._get(Div.class, spec -> spec.withId("trends-timeline-chart"))
                .getElement();
        JsonObject data = Json.createObject();
        data.put(Keys.ACTIVATE, true);
        data.put("event.target.getAttribute('data-key')", year);
        ElementUtilsKt._fireDomEvent(chart, new DomEvent(chart, "keydown", data));
    }

    private static Map<String, List<String>> landed() {
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEmpty();
        return UI.getCurrent()
                .getInternals()
                .getActiveViewLocation()
                .getQueryParameters()
                .getParameters();
    }

    @Test
    void a_bar_opened_with_enter_lands_on_search_with_its_filters_its_year_and_that_it_counted_persons() {
        signIn(Role.ANALYST, Locale.ENGLISH);
        open(Map.of("source", source, "governorate", "SY02"));
        enterOnYear("2013");
        assertThat(landed())
                .containsEntry("source", List.of(source))
                .containsEntry("governorate", List.of("SY02"))
                .containsEntry("from", List.of("2013-01-01"))
                .containsEntry("to", List.of("2013-12-31"))
                .containsEntry("count", List.of("persons"))
                .hasSize(5);
    }

    @Test
    void counting_reports_carries_count_reports_into_search() {
        signIn(Role.ANALYST, Locale.ENGLISH);
        open(Map.of("source", source));
        @SuppressWarnings("unchecked")
        Select<Count> counting = LocatorJ._get(Select.class, spec -> spec.withId("trends-count"));
        com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(counting, Count.REPORTS);
        enterOnYear("2014");
        assertThat(landed())
                .containsEntry("count", List.of("reports"))
                .containsEntry("from", List.of("2014-01-01"))
                .containsEntry("to", List.of("2014-12-31"));
    }

    @Test
    void a_public_figure_drills_into_the_whole_year_it_counted_not_the_narrower_dates_typed() {
        signIn(Role.ADMIN, Locale.ENGLISH);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("source", source);
        params.put("from", "2013-03-01");
        params.put("to", "2013-09-30");
        params.put("profile", "public");
        open(params);
        enterOnYear("2013");
        // Public figures cover whole years: the bar counted 2013-01-01..2013-12-31, and so must Search.
        assertThat(landed())
                .containsEntry("from", List.of("2013-01-01"))
                .containsEntry("to", List.of("2013-12-31"))
                .containsEntry("count", List.of("persons"));
    }

    @Test
    void filters_show_as_chips_in_english_and_arabic_and_removing_one_changes_the_figures() {
        for (Locale locale : Messages.SUPPORTED) {
            signIn(Role.ANALYST, locale);
            open(Map.of("source", source, "governorate", "SY02"));
            boolean arabic = Messages.isRightToLeft(locale);
            assertThat(LocatorJ._find(
                            com.vaadin.flow.component.Component.class, spec -> spec.withId("filter-governorate")))
                    .as("the filter bar is folded at first")
                    .isEmpty();
            Span chip = LocatorJ._get(Span.class, spec -> spec.withId("trends-chip-governorate"));
            assertThat(chip.getElement().getTextRecursively())
                    .isEqualTo(arabic ? "المحافظة: حلب" : "Governorate: Aleppo");
            LocatorJ._get(Span.class, spec -> spec.withId("trends-chip-source"));
            Button edit = LocatorJ._get(Button.class, spec -> spec.withId("trends-edit-filters"));
            assertThat(edit.getText()).isEqualTo(arabic ? "تعديل عوامل التصفية" : "Edit filters");
            assertThat(edit.getElement().getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(LocatorJ._get(Span.class, spec -> spec.withId("trends-scope"))
                            .getText())
                    .startsWith("3 ");

            LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("trends-chip-remove-governorate")));
            assertThat(LocatorJ._find(Span.class, spec -> spec.withId("trends-chip-governorate")))
                    .isEmpty();
            assertThat(LocatorJ._get(Span.class, spec -> spec.withId("trends-scope"))
                            .getText())
                    .startsWith("5 ");
            enterOnYear("2015");
            assertThat(landed()).doesNotContainKey("governorate").containsEntry("source", List.of(source));
            signOut();
        }
    }

    @Test
    void edit_filters_opens_the_full_filter_bar() {
        signIn(Role.ANALYST, Locale.ENGLISH);
        open(Map.of("source", source));
        Button edit = LocatorJ._get(Button.class, spec -> spec.withId("trends-edit-filters"));
        LocatorJ._click(edit);
        assertThat(LocatorJ._get(Div.class, spec -> spec.withId("trends-filter-editor"))
                        .isVisible())
                .isTrue();
        LocatorJ._get(com.vaadin.flow.component.Component.class, spec -> spec.withId("filter-governorate"));
        assertThat(edit.getText()).isEqualTo("Hide filters");
        assertThat(edit.getElement().getAttribute("aria-expanded")).isEqualTo("true");
    }

    @Test
    void skip_to_content_is_the_first_item_of_the_header_in_both_languages() {
        for (Locale locale : Messages.SUPPORTED) {
            signIn(Role.ANALYST, locale);
            open(Map.of("source", source));
            Anchor skip = LocatorJ._get(Anchor.class, spec -> spec.withId("skip-link"));
            assertThat(skip.getText())
                    .isEqualTo(Messages.isRightToLeft(locale) ? "تخطَّ إلى المحتوى" : "Skip to content");
            Element layout = skip.getElement().getParent();
            Element firstInNavbar = layout.getChildren()
                    .filter(c -> "navbar".equals(c.getAttribute("slot")))
                    .findFirst()
                    .orElseThrow();
            assertThat(firstInNavbar).isEqualTo(skip.getElement());
            signOut();
        }
    }
}
