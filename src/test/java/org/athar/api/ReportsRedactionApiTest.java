package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.search.RedactionFixture;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/v1/reports} and {@code /{id}} as each role (the current viewer switched per test, standing in for
 * sign-in): the response bytes of a WRITER hold no fixture identity, ADVOCACY gets 403 JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class ReportsRedactionApiTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    SwitchableViewer viewer;

    private final ObjectMapper json = new ObjectMapper();
    private final String source = "Redaction API Test " + UUID.randomUUID();

    @BeforeAll
    void importFixtures() throws IOException {
        RedactionFixture.importInto(imports, source);
    }

    @AfterEach
    void backToAdmin() {
        viewer.reset();
    }

    private ResponseEntity<byte[]> get(String pathAndQuery) {
        return http.getForEntity(URI.create(http.getRootUri() + pathAndQuery), byte[].class);
    }

    private String reports(String query) {
        return "/api/v1/reports?source=" + enc(source) + query;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void a_writer_searching_the_api_receives_no_name_latin_name_locality_or_narrative() throws IOException {
        viewer.actAs(Role.WRITER);

        ResponseEntity<byte[]> first = get(reports("&size=2&sort=date"));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        RedactionFixture.assertNoIdentityIn("GET /api/v1/reports as WRITER", first.getBody());
        JsonNode page = json.readTree(first.getBody());
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("hits")).hasSize(2).allSatisfy(h -> {
            assertThat(h.get("identities_withheld").asBoolean()).isTrue();
            assertThat(h.get("victim").has("name")).isFalse();
        });
        String next = page.get("next").asText();
        RedactionFixture.assertNoIdentityIn("the cursor given to a WRITER", RedactionFixture.cursorContent(next));
        ResponseEntity<byte[]> second = get(reports("&size=2&sort=date&cursor=" + next));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(second.getBody()).get("hits")).hasSize(1);
        RedactionFixture.assertNoIdentityIn("the second page as WRITER", second.getBody());
    }

    @Test
    void a_writer_reading_one_report_receives_it_without_identities() throws IOException {
        viewer.actAs(Role.WRITER);
        for (String reportId : List.of("RD1", "RD2", "RD3")) {
            ResponseEntity<byte[]> r = get("/api/v1/reports/" + Report.idFor(source, reportId));
            assertThat(r.getStatusCode()).as(reportId).isEqualTo(HttpStatus.OK);
            RedactionFixture.assertNoIdentityIn("GET /api/v1/reports/{id} of " + reportId + " as WRITER", r.getBody());
            assertThat(json.readTree(r.getBody()).get("report_id").asText()).isEqualTo(reportId);
        }
    }

    @Test
    void a_writer_asking_for_free_text_or_name_order_gets_403_json_that_does_not_repeat_the_text() throws IOException {
        viewer.actAs(Role.WRITER);
        for (String typed : List.of("Orvandel Baqshish", "زمرد", "تل الزعرور")) {
            ResponseEntity<byte[]> r = get(reports("&q=" + enc(typed)));
            assertThat(r.getStatusCode()).as(typed).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(r.getHeaders().getContentType()).isNotNull();
            assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
            JsonNode body = json.readTree(r.getBody());
            assertThat(body.get("type").asText()).isEqualTo("urn:athar:problem:identity-withheld");
            assertThat(body.get("instance").asText())
                    .as("the path, never the query")
                    .isEqualTo("/api/v1/reports");
            assertThat(body.get("error").asText()).startsWith("Free-text search looks into names and narratives");
            assertThat(body.get("parameter").asText()).isEqualTo("q");
            RedactionFixture.assertNoIdentityIn("the refusal of q=" + typed, r.getBody());
        }
        ResponseEntity<byte[]> byName = get(reports("&sort=name"));
        assertThat(byName.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json.readTree(byName.getBody()).get("parameter").asText()).isEqualTo("sort");
    }

    /** The row digests of the fixture as an administrator reads them: 64 hex digits each. */
    private List<String> storedDigests() throws IOException {
        viewer.reset();
        List<String> digests = new java.util.ArrayList<>();
        for (String reportId : List.of("RD1", "RD2", "RD3")) {
            JsonNode one = json.readTree(
                    get("/api/v1/reports/" + Report.idFor(source, reportId)).getBody());
            digests.add(one.get("provenance").get("content_hash").asText());
        }
        assertThat(digests).allSatisfy(d -> assertThat(d).matches("[0-9a-f]{64}"));
        return digests;
    }

    @Test
    void a_writer_receives_no_row_digest_from_the_search_or_from_one_report() throws IOException {
        List<String> digests = storedDigests();
        viewer.actAs(Role.WRITER);

        List<ResponseEntity<byte[]>> answers = new java.util.ArrayList<>(List.of(get(reports("&size=10"))));
        for (String reportId : List.of("RD1", "RD2", "RD3")) {
            answers.add(get("/api/v1/reports/" + Report.idFor(source, reportId)));
        }
        for (ResponseEntity<byte[]> answer : answers) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            String text = new String(answer.getBody(), StandardCharsets.UTF_8);
            assertThat(text)
                    .doesNotContain("content_hash")
                    .doesNotContain("hash_scheme")
                    .contains("batch_id");
            for (String digest : digests) {
                assertThat(text).doesNotContain(digest);
            }
        }
    }

    @Test
    void advocacy_gets_403_json_from_search_and_from_one_report() throws IOException {
        viewer.actAs(Role.ADVOCACY);
        for (String path : List.of(
                reports(""), reports("&q=" + enc("Orvandel")), "/api/v1/reports/" + Report.idFor(source, "RD1"))) {
            ResponseEntity<byte[]> r = get(path);
            assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(json.readTree(r.getBody()).get("error").asText())
                    .as(path)
                    .contains("SEARCH");
            RedactionFixture.assertNoIdentityIn("ADVOCACY's answer to " + path, r.getBody());
        }
    }

    @Test
    void an_analyst_receives_the_names_through_the_same_endpoints() throws IOException {
        viewer.actAs(Role.ANALYST);
        ResponseEntity<byte[]> page = get(reports("&size=10"));
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        RedactionFixture.assertAllIdentitiesIn("GET /api/v1/reports as ANALYST", page.getBody());
        ResponseEntity<byte[]> byName = get(reports("&q=" + enc("Orvandel")));
        assertThat(json.readTree(byName.getBody())
                        .get("hits")
                        .get(0)
                        .get("victim")
                        .get("name")
                        .asText())
                .isEqualTo("Orvandel Baqshish");
        ResponseEntity<byte[]> one = get("/api/v1/reports/" + Report.idFor(source, "RD3"));
        assertThat(new String(one.getBody(), StandardCharsets.UTF_8)).contains("Marbleford", "نوفل الطرنجاني");
    }
}
