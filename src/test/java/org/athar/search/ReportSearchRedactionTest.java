package org.athar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.report.VisibleReport;
import org.athar.security.AccessDeniedException;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.security.Viewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The search service's redaction on the real engine: a WRITER receives no fixture name, Latin name, locality or
 * narrative from any call and cannot search or sort by them; an ANALYST receives them; ADVOCACY may not search.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class) // the same context as the API redaction test, so the application starts once
class ReportSearchRedactionTest extends AtharIntegrationTest {

    private static final String TEXT_REFUSED =
            "Free-text search looks into names and narratives, which your role " + "does not see; use the filters.";

    @Autowired
    ReportSearch search;

    @Autowired
    ImportService imports;

    @Autowired
    ObjectMapper json;

    private final String source = "Redaction Test " + UUID.randomUUID();
    private final Viewer writer = new Viewer("writer", Set.of(Role.WRITER));
    private final Viewer analyst = new Viewer("analyst", Set.of(Role.ANALYST));
    private final Viewer advocacy = new Viewer("advocacy", Set.of(Role.ADVOCACY));

    @BeforeAll
    void importFixtures() throws IOException {
        RedactionFixture.importInto(imports, source);
    }

    private ReportQuery ofSource() {
        return withSource(ReportQuery.all(), "");
    }

    private ReportQuery withSource(ReportQuery q, String text) {
        return new ReportQuery(
                QueryText.parse(text),
                q.governorates(),
                q.districts(),
                q.perpetrators(),
                q.statuses(),
                q.genders(),
                q.ageGroups(),
                Set.of(source),
                q.from(),
                q.to(),
                q.hasLocation());
    }

    private byte[] bytes(Object value) throws IOException {
        return json.writeValueAsBytes(value);
    }

    @Test
    void a_writer_receives_every_report_of_a_search_page_without_names_localities_or_narratives() throws IOException {
        SearchPage page = search.search(writer, ofSource(), ReportSort.DATE_ASC, 10, Optional.empty());

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.hits()).extracting(VisibleReport::reportId).containsExactly("RD1", "RD2", "RD3");
        RedactionFixture.assertNoIdentityIn("a writer's search page", bytes(page));
        JsonNode hit = json.readTree(bytes(page)).get("hits").get(0);
        assertThat(hit.get("identities_withheld").asBoolean()).isTrue();
        assertThat(hit.get("victim").has("name")).isFalse();
        assertThat(hit.get("victim").has("name_latin")).isFalse();
        assertThat(hit.get("place").has("locality")).isFalse();
        assertThat(hit.has("narrative")).isFalse();
        // What is not an identity still arrives: the facts the filters and charts are made of.
        assertThat(hit.get("victim").get("age").asInt()).isEqualTo(37);
        assertThat(hit.get("place").get("governorate").asText()).isEqualTo("SY02");
        assertThat(hit.get("disappearance").get("date").asText()).isEqualTo("2014-02-11");
    }

    @Test
    void a_writer_pages_with_a_cursor_whose_pages_and_token_hold_no_identity() throws IOException {
        SearchPage first = search.search(writer, ofSource(), ReportSort.DATE_DESC, 2, Optional.empty());
        assertThat(first.next()).isPresent();
        RedactionFixture.assertNoIdentityIn("a writer's first page", bytes(first));
        RedactionFixture.assertNoIdentityIn(
                "a writer's cursor", RedactionFixture.cursorContent(first.next().get()));

        SearchPage second = search.search(writer, ofSource(), ReportSort.DATE_DESC, 2, first.next());

        assertThat(second.hits()).extracting(VisibleReport::reportId).containsExactly("RD1");
        assertThat(second.next()).isEmpty();
        RedactionFixture.assertNoIdentityIn("a writer's second page", bytes(second));
    }

    @Test
    void a_writer_gets_grid_windows_and_single_reports_without_identities() throws IOException {
        List<VisibleReport> window = search.window(writer, ofSource(), ReportSort.DATE_ASC, 0, 50);
        assertThat(window).hasSize(3).allMatch(VisibleReport::identitiesWithheld);
        RedactionFixture.assertNoIdentityIn("a writer's grid window", bytes(window));

        for (String reportId : List.of("RD1", "RD2", "RD3")) {
            Optional<VisibleReport> one = search.find(writer, Report.idFor(source, reportId));
            assertThat(one).as(reportId).isPresent();
            assertThat(one.get().victim().name()).isEmpty();
            RedactionFixture.assertNoIdentityIn("a writer's report " + reportId, bytes(one.get()));
        }
    }

    @Test
    void a_writer_filters_counts_and_sees_facets_and_dates_like_anyone_else() throws IOException {
        Map<Facet, Map<String, Long>> facets = search.facets(writer, ofSource());
        assertThat(facets.get(Facet.SOURCE)).containsEntry(source, 3L);
        assertThat(facets.get(Facet.GOVERNORATE))
                .containsOnly(Map.entry("SY02", 1L), Map.entry("SY04", 1L), Map.entry("SY07", 1L));
        RedactionFixture.assertNoIdentityIn("a writer's facets", bytes(facets));

        assertThat(search.count(writer, ofSource())).isEqualTo(3);
        ReportQuery in2015 = between(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31));
        assertThat(search.count(writer, in2015)).isEqualTo(1); // RD2, July 2015
        assertThat(search.imprecise(writer, in2015)).isZero();
        // RD3 is known only to the year 2016, so it cannot be placed inside March–December 2016.
        ReportQuery late2016 = between(LocalDate.of(2016, 3, 1), LocalDate.of(2016, 12, 31));
        assertThat(search.count(writer, late2016)).isZero();
        assertThat(search.imprecise(writer, late2016)).isEqualTo(1);
    }

    private ReportQuery between(LocalDate from, LocalDate to) {
        return new ReportQuery(
                QueryText.parse(""),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(source),
                Optional.of(from),
                Optional.of(to),
                Optional.empty());
    }

    @Test
    void a_writer_gets_no_suggestions_and_no_highlights() throws IOException {
        assertThat(search.suggest(analyst, "زمرد", 20))
                .as("the control: an analyst is offered the name")
                .contains("زُمُرّدة القنطرجي");
        for (String typed : List.of("زمرد", "Orvan", "Nawf", "تل الز", "Kafr Zay")) {
            List<String> offered = search.suggest(writer, typed, 20);
            assertThat(offered).as(typed).isEmpty();
            RedactionFixture.assertNoIdentityIn("suggestions for " + typed, bytes(offered));
        }
        QueryText quillwort = QueryText.parse("Quillwort");
        assertThat(search.highlights(analyst, "by the Quillwort bakery", quillwort, false))
                .anyMatch(Highlights.Segment::matched);
        assertThat(search.highlights(writer, "by the Quillwort bakery", quillwort, false))
                .noneMatch(Highlights.Segment::matched);
    }

    @Test
    void free_text_is_refused_for_a_writer_without_echoing_what_was_typed() {
        for (String typed : List.of("زمرد", "Orvandel Baqshish", "-Quillwort", "name:Nawfal", "\"تل الزعرور\"")) {
            ReportQuery query = withSource(ReportQuery.all(), typed);
            List<ThrowingCall> calls = List.of(
                    () -> search.search(writer, query, ReportSort.RELEVANCE, 10, Optional.empty()),
                    () -> search.window(writer, query, ReportSort.DATE_ASC, 0, 10),
                    () -> search.facets(writer, query),
                    () -> search.count(writer, query),
                    () -> search.imprecise(writer, query));
            for (ThrowingCall call : calls) {
                assertThatThrownBy(call::run)
                        .as(typed)
                        .isInstanceOf(IdentitySearchRefusedException.class)
                        .isInstanceOf(AccessDeniedException.class)
                        .hasMessage(TEXT_REFUSED)
                        .satisfies(e -> assertThat(((IdentitySearchRefusedException) e).parameter())
                                .isEqualTo("q"));
            }
        }
    }

    @Test
    void sorting_by_name_is_refused_for_a_writer_and_allowed_for_an_analyst() throws IOException {
        for (ReportSort byName : List.of(ReportSort.NAME_ASC, ReportSort.NAME_DESC)) {
            assertThatThrownBy(() -> search.search(writer, ofSource(), byName, 10, Optional.empty()))
                    .isInstanceOf(IdentitySearchRefusedException.class)
                    .hasMessageContaining("Sorting by name");
            assertThatThrownBy(() -> search.window(writer, ofSource(), byName, 0, 10))
                    .isInstanceOf(IdentitySearchRefusedException.class);
        }
        assertThat(search.window(analyst, ofSource(), ReportSort.NAME_ASC, 0, 10))
                .hasSize(3);
    }

    @Test
    void an_analyst_receives_the_names_localities_and_narratives_and_may_search_them() throws IOException {
        SearchPage page = search.search(analyst, ofSource(), ReportSort.DATE_ASC, 10, Optional.empty());
        RedactionFixture.assertAllIdentitiesIn("an analyst's search page", bytes(page));
        assertThat(page.hits()).noneMatch(VisibleReport::identitiesWithheld);
        RedactionFixture.assertAllIdentitiesIn(
                "an analyst's grid window", bytes(search.window(analyst, ofSource(), ReportSort.DATE_ASC, 0, 10)));
        assertThat(search.find(analyst, Report.idFor(source, "RD2"))
                        .orElseThrow()
                        .narrative())
                .contains(RedactionFixture.NARRATIVES.get(1));

        SearchPage byName = search.search(
                analyst, withSource(ReportQuery.all(), "Zumurruda"), ReportSort.RELEVANCE, 10, Optional.empty());
        assertThat(byName.hits()).extracting(VisibleReport::reportId).containsExactly("RD1");
        assertThat(search.suggest(analyst, "Kafr Zay", 20)).contains("Kafr Zaytunet Ashwaq");
    }

    @Test
    void advocacy_may_not_search_at_all() {
        ReportQuery query = ofSource();
        List<ThrowingCall> calls = List.of(
                () -> search.search(advocacy, query, ReportSort.DATE_ASC, 10, Optional.empty()),
                () -> search.window(advocacy, query, ReportSort.DATE_ASC, 0, 10),
                () -> search.find(advocacy, Report.idFor(source, "RD1")),
                () -> search.facets(advocacy, query),
                () -> search.suggest(advocacy, "زمرد", 10),
                () -> search.count(advocacy, query),
                () -> search.imprecise(advocacy, query),
                () -> search.highlights(advocacy, "Quillwort", QueryText.parse("Quillwort"), false));
        for (ThrowingCall call : calls) {
            assertThatThrownBy(call::run)
                    .isExactlyInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("SEARCH");
        }
    }

    /** A service call; any result is ignored, only whether it throws matters. */
    @FunctionalInterface
    private interface ThrowingCall {
        Object run() throws Exception;
    }
}
