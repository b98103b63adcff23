package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.athar.AtharIntegrationTest;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.analytics.PersonsRange;
import org.athar.analytics.StatsRequest;
import org.athar.ingest.ImportService;
import org.athar.linkage.Decision;
import org.athar.linkage.LinkageReview;
import org.athar.linkage.LinkageWorker;
import org.athar.linkage.LinkedReportsFixture;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.security.Role;
import org.athar.security.Viewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The persons figure with its uncertainty on the real engine, with five crafted reports in three sources of their own
 * ({@link LinkedReportsFixture}: L1 in A and B waits for review, L2 in A and C is confirmed, L3 only in A): the three
 * numbers for the whole and for a filter, from {@link Figures} and from the statistics API, and again after a reviewer
 * confirms, sends back and rejects the pending pair.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonsRangeApiTest extends AtharIntegrationTest {

    private static final Viewer ADMIN = new Viewer("persons-range-admin", Set.of(Role.ADMIN));

    @Autowired
    ImportService imports;

    @Autowired
    LinkageWorker linkage;

    @Autowired
    LinkageReview review;

    @Autowired
    Figures figures;

    private final ObjectMapper json = new ObjectMapper();
    private final LinkedReportsFixture fixture = new LinkedReportsFixture("Persons range");

    @BeforeAll
    void reportsLinked() throws Exception {
        fixture.importInto(imports);
        fixture.link(linkage, review);
    }

    private PersonsRange range(String... sources) {
        ReportQuery q = ReportQuery.all().withSources(Set.of(sources)).withCount(Count.PERSONS);
        return figures.persons(
                ADMIN, StatsRequest.breakdown(q, Dimension.STATUS, Locale.ENGLISH, DisclosureProfile.INTERNAL));
    }

    private static long[] numbers(PersonsRange r) {
        return new long[] {
            r.persons().getAsLong(),
            r.personsIfPendingConfirmed().getAsLong(),
            r.pendingPairs().getAsLong()
        };
    }

    private String sources(String... names) {
        StringBuilder out = new StringBuilder();
        for (String n : names) {
            out.append("&source=").append(URLEncoder.encode(n, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private JsonNode get(String path) throws Exception {
        var r = http.getForEntity(path, String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    @Test
    @Order(1)
    void with_one_pair_pending_the_persons_figure_has_the_figure_if_it_were_confirmed_beside_it() {
        String a = fixture.sourceA;
        String b = fixture.sourceB;
        String c = fixture.sourceC;
        // L1 twice (pending), L2 once (confirmed), L3: 4 persons; 3 if the pending pair were confirmed.
        assertThat(numbers(range(a, b, c))).containsExactly(4, 3, 1);
        // Source B documents L1 only: one person either way, and the pending pair is inside it.
        assertThat(numbers(range(b))).containsExactly(1, 1, 1);
        // Source C documents L2 only (linked already): no pending pair touches it.
        assertThat(numbers(range(c))).containsExactly(1, 1, 0);
        assertThat(numbers(range(a))).containsExactly(3, 3, 1);
        assertThat(range(a, b, c).lower()).isEqualTo(3);
        assertThat(range(a, b, c).upper()).isEqualTo(4);
    }

    @Test
    @Order(2)
    void the_statistics_api_gives_the_three_numbers_when_it_counts_persons_and_in_the_dashboard() throws Exception {
        String filter = sources(fixture.sourceA, fixture.sourceB, fixture.sourceC);
        JsonNode persons = get("/api/v1/stats/status?count=persons&profile=internal" + filter);
        assertThat(persons.path("persons").asLong()).isEqualTo(4);
        assertThat(persons.path("personsIfPendingConfirmed").asLong()).isEqualTo(3);
        assertThat(persons.path("pendingPairs").asLong()).isEqualTo(1);
        assertThat(persons.path("total").asLong()).isEqualTo(4);
        JsonNode crossTab =
                get("/api/v1/stats/crosstab?rows=status&columns=gender&count=persons&profile=internal" + filter);
        assertThat(crossTab.path("personsIfPendingConfirmed").asLong()).isEqualTo(3);
        JsonNode reports = get("/api/v1/stats/status?count=reports&profile=internal" + filter);
        assertThat(reports.has("persons")).isFalse();
        assertThat(reports.has("personsIfPendingConfirmed")).isFalse();
        assertThat(reports.has("pendingPairs")).isFalse();
        JsonNode dashboard = get("/api/v1/stats/dashboard?profile=internal" + filter);
        assertThat(dashboard.path("counts").asText()).isEqualTo("reports");
        assertThat(dashboard.path("persons").asLong()).isEqualTo(4);
        assertThat(dashboard.path("personsIfPendingConfirmed").asLong()).isEqualTo(3);
        assertThat(dashboard.path("pendingPairs").asLong()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void a_chart_counting_persons_notes_the_range_and_one_counting_reports_does_not() {
        String filter = sources(fixture.sourceA, fixture.sourceB, fixture.sourceC);
        String persons = text(http.getForObject(
                "/api/v1/charts/breakdown.svg?by=status&count=persons&profile=internal" + filter, String.class));
        assertThat(persons).contains("In all: 4 persons (3–4 depending on 1 pair awaiting review).");
        String reports = text(http.getForObject(
                "/api/v1/charts/breakdown.svg?by=status&count=reports&profile=internal" + filter, String.class));
        assertThat(reports).doesNotContain("awaiting review");
    }

    @Test
    @Order(2)
    void the_workbook_about_sheet_has_the_range_beside_the_total() throws Exception {
        byte[] xlsx = http.getForObject(
                "/api/v1/exports/workbook.xlsx?count=persons&profile=internal"
                        + sources(fixture.sourceA, fixture.sourceB, fixture.sourceC),
                byte[].class);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet about = wb.getSheet("About");
            String found = null;
            for (Row row : about) {
                if (row.getCell(0) != null
                        && "Persons while pairs await review"
                                .equals(row.getCell(0).getStringCellValue())) {
                    found = row.getCell(1).getStringCellValue();
                }
            }
            assertThat(found).isEqualTo("4 persons (3–4 depending on 1 pair awaiting review)");
        }
    }

    @Test
    @Order(2)
    void the_briefing_method_says_the_range_of_its_filters() throws Exception {
        String scope =
                sources(fixture.sourceA, fixture.sourceB, fixture.sourceC).substring(1);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = Map.of(
                "title", "Range briefing",
                "language", "en",
                "profile", "internal",
                "filters", scope,
                "text", "A synthetic briefing for tests.",
                "figures", List.of(Map.of("filters", scope)),
                "charts", List.of());
        var created =
                http.exchange("/api/v1/briefings", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String id = json.readTree(created.getBody()).path("id").asText();
        byte[] docx = http.getForObject("/api/v1/briefings/" + id + ".docx", byte[].class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            assertThat(words.getText())
                    .contains("While pairs await review the persons figure is a range: 4 persons (3–4 depending"
                            + " on 1 pair awaiting review) for the briefing's filters; it narrows as reviewers"
                            + " decide.");
        }
    }

    /** The words of an SVG, its lines joined (a long note may wrap). */
    private static String text(String svg) {
        return svg.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    @Order(3)
    void confirming_the_pending_pair_leaves_one_figure_and_no_pending_pair() throws Exception {
        review.decide(ADMIN, fixture.pendingPair(), Decision.CONFIRMED, "");
        assertThat(numbers(range(fixture.sourceA, fixture.sourceB, fixture.sourceC)))
                .containsExactly(3, 3, 0);
        assertThat(numbers(range(fixture.sourceB))).containsExactly(1, 1, 0);
        JsonNode persons = get("/api/v1/stats/status?count=persons&profile=internal"
                + sources(fixture.sourceA, fixture.sourceB, fixture.sourceC));
        assertThat(persons.path("persons").asLong()).isEqualTo(3);
        assertThat(persons.path("personsIfPendingConfirmed").asLong()).isEqualTo(3);
        assertThat(persons.path("pendingPairs").asLong()).isZero();
    }

    @Test
    @Order(4)
    void sent_back_to_review_the_range_returns_and_rejected_it_is_gone() {
        review.decide(ADMIN, fixture.pendingPair(), Decision.PENDING, "test: back to the queue");
        assertThat(numbers(range(fixture.sourceA, fixture.sourceB, fixture.sourceC)))
                .containsExactly(4, 3, 1);
        review.decide(ADMIN, fixture.pendingPair(), Decision.REJECTED, "test: two people");
        assertThat(numbers(range(fixture.sourceA, fixture.sourceB, fixture.sourceC)))
                .containsExactly(4, 4, 0);
        assertThat(range(fixture.sourceA, fixture.sourceB, fixture.sourceC).shown())
                .isFalse();
    }
}
