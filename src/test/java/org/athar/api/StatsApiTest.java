package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.athar.AtharIntegrationTest;
import org.athar.analytics.StatisticsFixture;
import org.athar.ingest.ImportService;
import org.athar.security.CurrentViewer;
import org.athar.security.Role;
import org.athar.security.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/v1/stats/...} over HTTP: the JSON shapes and figures, labels by language, 400s and 403s. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsApiTest extends AtharIntegrationTest {

    private static final Viewer WRITER = new Viewer("writer", Set.of(Role.WRITER));
    private static final AtomicReference<Viewer> VIEWER = new AtomicReference<>(WRITER);

    /** The signed-in user of each request, switchable by the test. */
    @TestConfiguration
    static class Viewers {
        @Bean
        @Primary
        CurrentViewer testViewer() {
            return VIEWER::get;
        }
    }

    @Autowired
    ImportService imports;

    @Autowired
    ElasticsearchClient client;

    private final ObjectMapper json = new ObjectMapper();
    private final StatisticsFixture fixture = new StatisticsFixture();
    private String scope;

    @BeforeAll
    void load() throws IOException {
        fixture.load(imports, client);
        scope = "source=" + enc(fixture.sourceA) + "&source=" + enc(fixture.sourceB);
    }

    @AfterEach
    void signInAgain() {
        VIEWER.set(WRITER);
    }

    private ResponseEntity<String> call(String path, String query) {
        return http.getForEntity(URI.create(http.getRootUri() + "/api/v1/" + path + "?" + query), String.class);
    }

    private JsonNode get(String path, String query) throws IOException {
        ResponseEntity<String> r = call(path, scope + "&" + query);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
        return out;
    }

    @Test
    void a_breakdown_answers_with_the_documented_keys_and_every_bucket() throws IOException {
        JsonNode b = get("stats/governorate", "lang=en");
        assertThat(b.fieldNames())
                .toIterable()
                .containsExactly("dimension", "profile", "counts", "total", "imprecise", "buckets");
        assertThat(b.get("counts").asText())
                .as("this API counts reports unless asked")
                .isEqualTo("reports");
        assertThat(b.get("dimension").asText()).isEqualTo("governorate");
        assertThat(b.get("profile").asText()).isEqualTo("internal");
        assertThat(b.get("total").asLong()).isEqualTo(11);
        assertThat(b.get("imprecise").asLong()).isZero();
        JsonNode first = b.get("buckets").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("key", "label", "count", "suppressed");
        assertThat(first.get("label").asText()).isEqualTo("Aleppo");
        assertThat(first.get("suppressed").asBoolean()).isFalse();
        assertThat(texts(b.get("buckets"), "key")).containsExactly("SY02", "SY01", "unknown", "SY04", "SY07");
        assertThat(texts(b.get("buckets"), "count")).containsExactly("4", "3", "2", "1", "1");
    }

    @Test
    void a_monthly_series_in_arabic_has_arabic_month_names_western_digits_and_its_imprecise_count() throws IOException {
        JsonNode b = get("stats/month", "lang=ar");
        assertThat(texts(b.get("buckets"), "key"))
                .containsExactly(
                        "2012-11", "2012-12", "2013-01", "2013-02", "2013-03", "2013-04", "2013-05", "2013-06",
                        "2013-07", "2013-08");
        assertThat(texts(b.get("buckets"), "count")).containsExactly("2", "0", "1", "0", "3", "0", "0", "0", "0", "1");
        assertThat(b.get("buckets").get(4).get("label").asText()).isEqualTo("آذار 2013");
        assertThat(b.get("imprecise").asLong()).isEqualTo(4);
        assertThat(b.get("total").asLong()).isEqualTo(11);
    }

    @Test
    void a_cross_tab_answers_with_cells_a_parallel_suppression_matrix_and_totals() throws IOException {
        JsonNode t = get("stats/crosstab", "rows=year&columns=governorate&lang=en");
        assertThat(t.fieldNames())
                .toIterable()
                .contains(
                        "rows",
                        "columns",
                        "cells",
                        "suppressedCells",
                        "rowTotals",
                        "columnTotals",
                        "total",
                        "imprecise",
                        "profile");
        assertThat(texts(t.get("rows"), "key")).containsExactly("2010", "2011", "2012", "2013");
        assertThat(texts(t.get("columns"), "label")).containsExactly("Aleppo", "Damascus", "Homs", "Idleb", "Unknown");
        assertThat(t.get("cells").toString()).isEqualTo("[[0,0,0,0,1],[0,0,0,0,0],[1,0,1,0,0],[3,2,0,1,0]]");
        assertThat(t.get("suppressedCells").toString())
                .isEqualTo(
                        "[[false,false,false,false,false],"
                                + "[false,false,false,false,false],[false,false,false,false,false],[false,false,false,false,false]]");
        assertThat(t.get("rowTotals").toString()).isEqualTo("[1,0,2,6]");
        assertThat(t.get("columnTotals").toString()).isEqualTo("[4,2,1,1,1]");
        assertThat(t.get("total").asLong()).isEqualTo(11);
        assertThat(t.get("imprecise").asLong()).isEqualTo(2);
        assertThat(t.get("profile").asText()).isEqualTo("internal");
    }

    @Test
    void the_dashboard_holds_the_series_three_breakdowns_and_the_cross_tab_equal_to_their_own_endpoints()
            throws IOException {
        JsonNode d = get("stats/dashboard", "granularity=quarter&rows=governorate&columns=perpetrator&lang=ar");
        List<String> fields = new ArrayList<>();
        d.fieldNames().forEachRemaining(fields::add);
        assertThat(fields.subList(0, 7))
                .containsExactly("profile", "counts", "series", "governorate", "perpetrator", "status", "crosstab");
        // Then the persons figure with its range, once linkage has persons in scope (other tests share the engine).
        assertThat(fields.subList(7, fields.size()))
                .isIn(List.of(), List.of("persons", "personsIfPendingConfirmed", "pendingPairs"));
        assertThat(d.get("series")).isEqualTo(get("stats/quarter", "lang=ar"));
        assertThat(d.get("governorate")).isEqualTo(get("stats/governorate", "lang=ar"));
        assertThat(d.get("perpetrator")).isEqualTo(get("stats/perpetrator", "lang=ar"));
        assertThat(d.get("status")).isEqualTo(get("stats/status", "lang=ar"));
        assertThat(d.get("crosstab")).isEqualTo(get("stats/crosstab", "rows=governorate&columns=perpetrator&lang=ar"));
        assertThat(texts(d.get("series").get("buckets"), "count")).containsExactly("2", "4", "0", "1");
    }

    @Test
    void filters_are_read_as_the_reports_endpoint_reads_them_and_give_its_total() throws IOException {
        String filters = "governorate=SY02&from=2013-01-01&to=2013-12-31&q=checkpoint";
        // Free text needs a role that sees names (a writer's text query is refused by both endpoints).
        VIEWER.set(new Viewer("analyst", Set.of(Role.ANALYST)));
        JsonNode reports;
        JsonNode stats;
        try {
            reports = get("reports", filters);
            stats = get("stats/perpetrator", filters);
        } finally {
            VIEWER.set(WRITER);
        }
        assertThat(reports.get("total").asLong()).isEqualTo(2);
        assertThat(stats.get("total").asLong()).isEqualTo(reports.get("total").asLong());
        assertThat(texts(stats.get("buckets"), "key")).containsExactly("government", "isis");
    }

    @Test
    void a_bad_dimension_or_parameter_is_a_400_naming_the_parameter() throws IOException {
        assertBadParameter("stats/colour", "", "dimension");
        assertBadParameter("stats/crosstab", "columns=status", "rows");
        assertBadParameter("stats/crosstab", "rows=status", "columns");
        assertBadParameter("stats/crosstab", "rows=status&columns=status", "columns");
        assertBadParameter("stats/crosstab", "rows=status&columns=colour", "columns");
        assertBadParameter("stats/dashboard", "granularity=governorate", "granularity");
        assertBadParameter("stats/dashboard", "rows=gender&columns=gender", "columns");
        assertBadParameter("stats/status", "lang=fr", "lang");
        assertBadParameter("stats/status", "colour=red", "colour");
        assertBadParameter("stats/status", "governorate=SY99", "governorate");
        assertBadParameter("stats/status", "from=2013-13-01", "from");
    }

    private void assertBadParameter(String path, String query, String parameter) throws IOException {
        ResponseEntity<String> r = call(path, query);
        assertThat(r.getStatusCode()).as(path + "?" + query).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = json.readTree(r.getBody());
        assertThat(body.get("parameter").asText()).as(r.getBody()).isEqualTo(parameter);
        assertThat(body.get("error").asText()).as(r.getBody()).isNotBlank();
    }

    @Test
    void a_viewer_without_the_trends_permission_gets_a_403_and_no_figure() throws IOException {
        VIEWER.set(new Viewer("nobody", Set.of()));
        for (String path : List.of("stats/governorate", "stats/crosstab", "stats/dashboard")) {
            ResponseEntity<String> r = call(path, scope + "&rows=governorate&columns=status");
            assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(json.readTree(r.getBody()).get("error").asText()).contains("VIEW_TRENDS");
            assertThat(r.getBody()).doesNotContain("SY02");
        }
        VIEWER.set(new Viewer("advocate", Set.of(Role.ADVOCACY)));
        assertThat(call("stats/governorate", scope).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
