package org.athar.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.security.Viewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/v1/reports} on the real engine: folding, cross-script names, filters, dates, totals, paging. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    ReportSearch search;

    @Autowired
    org.athar.report.Gazetteer gazetteer;

    private final Viewer admin = Viewer.system("search-api-test");

    private final ObjectMapper json = new ObjectMapper();
    private final String source = "Search Test " + UUID.randomUUID();
    private final String bulkSource = "Search Bulk " + UUID.randomUUID();

    @BeforeAll
    void importFixtures() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ingest/search.csv")) {
            ImportResult r = imports.importFile(
                    in, "search.csv", new ImportOptions(Optional.of(source), "test", false), c -> {});
            assertThat(r.rejected()).as("%s", r.errors()).isZero();
        }
        StringBuilder csv = new StringBuilder("report_id,victim_name,disappeared_on\n");
        for (int i = 1; i <= 10_500; i++) {
            csv.append("B")
                    .append(i)
                    .append(",Synthetic Bulk Person ")
                    .append(i)
                    .append(",2015-0")
                    .append(1 + i % 9)
                    .append('\n');
        }
        ImportResult bulk = imports.importFile(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "bulk.csv",
                new ImportOptions(Optional.of(bulkSource), "test", false),
                c -> {});
        assertThat(bulk.indexed()).isEqualTo(10_500);
    }

    private JsonNode get(String query) throws IOException {
        ResponseEntity<String> r = http.getForEntity(uri(query), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    private List<String> ids(String query) throws IOException {
        List<String> ids = new ArrayList<>();
        get("source=" + enc(source) + "&" + query)
                .get("hits")
                .forEach(h -> ids.add(h.get("report_id").asText()));
        return ids;
    }

    // Already percent-encoded: a URI, so the template handler does not encode it a second time.
    private java.net.URI uri(String query) {
        return java.net.URI.create(http.getRootUri() + "/api/v1/reports?" + query);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void a_scan_hands_over_every_report_once_page_after_page_and_stops_cleanly_when_the_caller_stops()
            throws IOException {
        ReportQuery bulk = ReportQueryParser.parse(java.util.Map.of("source", List.of(bulkSource)), gazetteer);
        Set<String> seen = new HashSet<>();
        long[] handed = {0};
        // 10,500 reports read 1,000 at a time: eleven pages, the next read while the current one is handed over.
        long n = search.scan(admin, bulk, 1000, r -> {
            handed[0]++;
            seen.add(r.reportId());
        });
        assertThat(n).isEqualTo(10_500).isEqualTo(handed[0]);
        assertThat(seen).hasSize(10_500).contains("B1", "B5000", "B10500");

        // A caller that stops part-way (a download cut off) stops the scan with its own error, and nothing is left
        // behind that keeps the next scan from reading everything.
        long[] before = {0};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> search.scan(admin, bulk, 1000, r -> {
                    if (++before[0] == 2500) {
                        throw new IllegalStateException("client went away");
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("client went away");
        assertThat(before[0]).isEqualTo(2500);
        assertThat(search.scan(admin, bulk, 5000, r -> {})).isEqualTo(10_500);
    }

    @Test
    void arabic_orthographic_variants_and_diacritics_are_folded() throws IOException {
        assertThat(ids("q=" + enc("محمد"))).contains("S1");
        assertThat(ids("q=" + enc("احمد"))).containsExactly("S3");
        assertThat(ids("q=" + enc("ادلب"))).containsExactly("S2");
        assertThat(ids("q=" + enc("فاطمه"))).containsExactly("S4");
    }

    @Test
    void latin_and_arabic_spellings_of_a_name_find_each_other_with_exact_matches_first() throws IOException {
        for (String q : List.of("Mohammad al-Hassan", "Muhammad Alhasan", "محمد الحسن")) {
            assertThat(ids("q=" + enc(q))).as(q).containsExactlyInAnyOrder("S1", "S2");
        }
        assertThat(ids("q=" + enc("محمد الحسن")).get(0)).isEqualTo("S1");
        assertThat(ids("q=" + enc("Muhammad Alhasan")).get(0)).isEqualTo("S2");
        assertThat(ids("q=" + enc("Khatib"))).containsExactly("S3");
    }

    @Test
    void phrases_exclusions_and_field_prefixes_narrow_the_text_search() throws IOException {
        assertThat(ids("q=" + enc("\"at a checkpoint\""))).containsExactly("S1");
        assertThat(ids("q=" + enc("Synthetic -checkpoint")))
                .doesNotContain("S1")
                .contains("S2", "S3", "S4");
        assertThat(ids("q=" + enc("narrative:university"))).containsExactly("S3");
        assertThat(ids("q=" + enc("name:university"))).isEmpty();
    }

    @Test
    void every_filter_alone_and_combined_selects_exactly_its_reports() throws IOException {
        assertThat(ids("governorate=SY02")).containsExactly("S1");
        assertThat(ids("governorate=SY02,SY07")).containsExactlyInAnyOrder("S1", "S2");
        assertThat(ids("governorate=unknown")).containsExactly("S5");
        assertThat(ids("district=SY0200")).containsExactly("S1");
        assertThat(ids("perpetrator=government")).containsExactlyInAnyOrder("S1", "S3");
        assertThat(ids("perpetrator=sdf")).containsExactly("S4");
        assertThat(ids("status=missing&status=dead")).containsExactlyInAnyOrder("S1", "S3", "S5");
        assertThat(ids("gender=female")).containsExactly("S4");
        assertThat(ids("age_group=child")).containsExactly("S3");
        assertThat(ids("age_group=unknown")).containsExactly("S5");
        assertThat(ids("has_location=true")).containsExactlyInAnyOrder("S1", "S3");
        assertThat(ids("has_location=false")).containsExactlyInAnyOrder("S2", "S4", "S5");
        assertThat(ids("perpetrator=government&gender=male&has_location=true&age_group=adult"))
                .containsExactly("S1");
        assertThat(get("source=" + enc(source)).get("total").asLong()).isEqualTo(5);
    }

    @Test
    void a_date_range_keeps_only_reports_whose_whole_interval_lies_inside_and_counts_the_rest() throws IOException {
        assertThat(ids("from=2013-01-01&to=2013-12-31")).containsExactlyInAnyOrder("S1", "S2", "S3");
        assertThat(ids("from=2013-05-01&to=2013-05-31")).containsExactlyInAnyOrder("S2", "S3");
        JsonNode may = get("source=" + enc(source) + "&from=2013-05-01&to=2013-05-31");
        // S1 ("2013") overlaps May 2013 without lying inside it; S5 has no date.
        assertThat(may.get("imprecise").asLong()).isEqualTo(2);
        assertThat(ids("from=2013-05-14&to=2013-05-14")).containsExactly("S3");
        assertThat(ids("to=2013-12-31")).containsExactlyInAnyOrder("S1", "S2", "S3");
    }

    @Test
    void totals_are_exact_past_ten_thousand_and_a_cursor_pages_without_duplicates_or_gaps() throws IOException {
        JsonNode first = get("source=" + enc(bulkSource) + "&size=1000&sort=name");
        assertThat(first.get("total").asLong()).isEqualTo(10_500);
        Set<String> seen = new HashSet<>();
        int pages = 0;
        JsonNode page = first;
        while (true) {
            pages++;
            page.get("hits")
                    .forEach(h -> assertThat(seen.add(h.get("id").asText())).isTrue());
            if (page.get("next").isNull()) {
                break;
            }
            page = get("source=" + enc(bulkSource) + "&size=1000&sort=name&cursor="
                    + page.get("next").asText());
            assertThat(page.get("total").asLong()).isEqualTo(10_500);
        }
        assertThat(pages).isEqualTo(11);
        assertThat(seen).hasSize(10_500);
    }

    @Test
    void suggestions_offer_names_and_localities_that_begin_like_the_folded_input() throws IOException {
        assertThat(search.suggest(admin, "مح", 50)).contains("مُحمّد الحسن");
        assertThat(search.suggest(admin, "احم", 50)).contains("أحمد الخطيب");
        assertThat(search.suggest(admin, "ادل", 50)).contains("إدلب");
        assertThat(search.suggest(admin, " ", 5)).isEmpty();
    }

    @Test
    void one_report_is_returned_with_its_provenance_and_an_unknown_id_is_404() throws IOException {
        String id = get("source=" + enc(source) + "&q=" + enc("Fatima"))
                .get("hits")
                .get(0)
                .get("id")
                .asText();
        JsonNode report = json.readTree(
                http.getForEntity("/api/v1/reports/" + id, String.class).getBody());
        assertThat(report.get("report_id").asText()).isEqualTo("S4");
        assertThat(report.get("provenance").get("row_number").asLong()).isEqualTo(4);
        assertThat(report.get("provenance").get("file_name").asText()).isEqualTo("search.csv");
        assertThat(http.getForEntity("/api/v1/reports/nope", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void bad_parameters_are_refused_with_400_naming_the_parameter_and_the_accepted_values() throws IOException {
        assertBad("governorate=SY99", "governorate", "SY01");
        assertBad("perpetrator=aliens", "perpetrator", "armed-opposition");
        assertBad("status=lost", "status", "missing");
        assertBad("from=2013-13-01", "from", "YYYY-MM-DD");
        assertBad("from=2014-01-01&to=2013-01-01", "from", "after");
        assertBad("size=0", "size", "1 to 1000");
        assertBad("sort=oldest", "sort", "-date");
        assertBad("has_location=maybe", "has_location", "true or false");
        assertBad("governorat=SY02", "governorat", "governorate");
        assertBad("cursor=not-a-cursor", "cursor", "next");
    }

    private void assertBad(String query, String parameter, String mentions) throws IOException {
        ResponseEntity<String> r = http.getForEntity(uri(query), String.class);
        assertThat(r.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = json.readTree(r.getBody());
        assertThat(body.get("parameter").asText()).as(query).isEqualTo(parameter);
        assertThat(body.get("error").asText()).as(query).contains(mentions);
    }
}
