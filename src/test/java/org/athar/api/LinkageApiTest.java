package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.athar.ingest.ImportService;
import org.athar.linkage.LinkageReview;
import org.athar.linkage.LinkageWorker;
import org.athar.linkage.LinkedReportsFixture;
import org.athar.security.ApiTokens;
import org.athar.security.AuditAction;
import org.athar.security.AuditEntry;
import org.athar.security.AuditFilter;
import org.athar.security.AuditLog;
import org.athar.security.Role;
import org.athar.security.TestUsers;
import org.athar.security.Users;
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
import org.springframework.http.ResponseEntity;

/**
 * {@code /api/v1/linkage} on the real engine with five crafted reports in three sources: the queue, a pair, a
 * decision and its undo, the person of a report, the overlap as JSON and as a workbook POI opens, the re-link, and
 * the refusals (400 for bad input, 403 for roles without the permission, 404 for unknown ids, 409 while a re-link
 * runs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkageApiTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    LinkageWorker linkage;

    @Autowired
    LinkageReview review;

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    ElasticsearchClient client;

    private final ObjectMapper json = new ObjectMapper();
    private final LinkedReportsFixture fixture = new LinkedReportsFixture("Linkage API");
    private final Map<Role, String> tokenOf = new EnumMap<>(Role.class);

    @BeforeAll
    void reportsLinkedAndUsers() throws Exception {
        long started = System.nanoTime();
        fixture.importInto(imports);
        fixture.link(linkage, review);
        System.out.printf("LinkageApiTest: import and linking took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        for (Role role : Role.values()) {
            TestUsers.Account account = TestUsers.create(users, role);
            tokenOf.put(role, tokens.create(account.username(), "linkage").secret());
        }
    }

    private ResponseEntity<String> get(String path) {
        return http.getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> as(Role role, HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf.get(role));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return anonymous.exchange(
                path,
                method,
                new HttpEntity<>(
                        method == HttpMethod.POST ? "{\"decision\":\"confirmed\",\"note\":\"x\"}" : null, headers),
                String.class);
    }

    private void refreshAudit() throws java.io.IOException {
        client.indices().refresh(r -> r.index(EngineIndices.AUDIT));
    }

    private JsonNode body(ResponseEntity<String> r) throws Exception {
        return json.readTree(r.getBody());
    }

    @Test
    @Order(1)
    void the_queue_lists_the_pending_pair_with_its_total_score_and_features() throws Exception {
        ResponseEntity<String> r = get("/api/v1/linkage/pairs?decision=pending&size=100");
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        JsonNode page = body(r);
        long total = page.get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(1);
        // The whole queue, page by page: other tests' reports share the engine, and the queue's order is by impact.
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < Math.min(total, 10_000); from += 100) {
            body(get("/api/v1/linkage/pairs?decision=pending&size=100&from=" + from))
                    .get("pairs")
                    .forEach(p -> ids.add(p.get("id").asText()));
        }
        assertThat(ids).hasSize((int) Math.min(total, 10_000)).doesNotHaveDuplicates();
        assertThat(ids).doesNotContain(fixture.confirmedPair());
        if (total <= 10_000) {
            assertThat(ids).contains(fixture.pendingPair());
        } else {
            // The fixture's pair scores about 19 (probability ~1): a reviewer sent it back, so it has the least impact
            // and sits at the end of a queue the full suite fills beyond the 10,000 pairs the engine pages. Its
            // report's own pairs show it waiting.
            JsonNode ofReport =
                    body(get("/api/v1/linkage/reports/" + fixture.report(fixture.sourceA, "L1") + "/pairs"));
            List<String> pending = new ArrayList<>();
            ofReport.forEach(p -> {
                if (p.get("decision").asText().equals("pending")) {
                    pending.add(p.get("id").asText());
                }
            });
            assertThat(pending).contains(fixture.pendingPair());
        }
        // Pending pairs come in the review queue's order (impact: uncertainty times the reports joined; tested by
        // ReviewQueueTest), no longer highest score first; the other decisions still are.
        double previous = Double.MAX_VALUE;
        for (JsonNode p :
                body(get("/api/v1/linkage/pairs?decision=confirmed&size=100")).get("pairs")) {
            assertThat(p.get("score").asDouble()).as("highest score first").isLessThanOrEqualTo(previous);
            previous = p.get("score").asDouble();
        }
        JsonNode pair = body(get("/api/v1/linkage/pairs/" + fixture.pendingPair()));
        assertThat(pair.get("decision").asText()).isEqualTo("pending");
        assertThat(pair.get("sourceA").asText() + "|" + pair.get("sourceB").asText())
                .contains(fixture.sourceA, fixture.sourceB);
        List<String> codes = new ArrayList<>();
        pair.get("features").forEach(f -> codes.add(f.get("code").asText()));
        assertThat(codes).contains("family_name", "date", "governorate");
        assertThat(body(get("/api/v1/linkage/pairs?decision=confirmed&size=100"))
                        .get("pairs")
                        .toString())
                .contains(fixture.confirmedPair());
        JsonNode paths = body(get("/v3/api-docs")).get("paths");
        assertThat(paths.has("/api/v1/linkage/pairs/{id}/decision"))
                .as("described by OpenAPI")
                .isTrue();
        assertThat(paths.has("/api/v1/linkage/overlap.xlsx")).isTrue();
    }

    @Test
    @Order(2)
    void bad_parameters_answer_400_naming_the_parameter() throws Exception {
        ResponseEntity<String> r = get("/api/v1/linkage/pairs?decision=maybe");
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(body(r).get("parameter").asText()).isEqualTo("decision");
        assertThat(get("/api/v1/linkage/pairs?size=0").getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/linkage/pairs?from=10001").getStatusCode().value())
                .isEqualTo(400);
        // Within each bound but past the deepest page together: before, the service's message with parameter body.
        JsonNode deep = ProblemAnswers.problem(get("/api/v1/linkage/pairs?from=9990&size=20"), 400, "bad-parameter");
        assertThat(deep.get("parameter").asText()).isEqualTo("from");
        assertThat(deep.get("error").asText()).contains("from + size may be at most 10000");
        ResponseEntity<String> auto =
                post("/api/v1/linkage/pairs/" + fixture.pendingPair() + "/decision", "{\"decision\":\"auto\"}");
        assertThat(auto.getStatusCode().value()).isEqualTo(400);
        assertThat(body(auto).get("error").asText()).contains("auto");
        assertThat(post("/api/v1/linkage/pairs/" + fixture.pendingPair() + "/decision", "{}")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        ResponseEntity<String> undoWithoutNote =
                post("/api/v1/linkage/pairs/" + fixture.confirmedPair() + "/decision", "{\"decision\":\"pending\"}");
        assertThat(undoWithoutNote.getStatusCode().value())
                .as(undoWithoutNote.getBody())
                .isEqualTo(400);
        JsonNode note = ProblemAnswers.problem(undoWithoutNote, 400, "bad-parameter");
        assertThat(note.get("parameter").asText()).as("before: body").isEqualTo("note");
        assertThat(note.get("error").asText()).isEqualTo(ApiErrors.NOTE_FOR_CHANGE);
        JsonNode malformed = ProblemAnswers.problem(
                post("/api/v1/linkage/pairs/" + fixture.pendingPair() + "/decision", "{\"decision\": "),
                400,
                "unreadable-body");
        assertThat(malformed.get("parameter").asText()).isEqualTo("body");
        assertThat(get("/api/v1/linkage/overlap.xlsx?lang=fr").getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    @Order(3)
    void unknown_pairs_and_reports_answer_404() throws Exception {
        ResponseEntity<String> pair = get("/api/v1/linkage/pairs/nosuch~pair");
        assertThat(pair.getStatusCode().value()).isEqualTo(404);
        assertThat(ProblemAnswers.problem(pair, 404, "not-found")
                        .get("parameter")
                        .asText())
                .isEqualTo("id");
        assertThat(body(pair).get("error").asText()).isNotBlank();
        assertThat(post("/api/v1/linkage/pairs/nosuch~pair/decision", "{\"decision\":\"confirmed\",\"note\":\"x\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(get("/api/v1/linkage/persons/" + "0".repeat(32))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    @Order(4)
    void writer_and_advocacy_get_403_on_review_endpoints_and_an_analyst_gets_the_queue() throws Exception {
        for (Role role : List.of(Role.WRITER, Role.ADVOCACY)) {
            for (String path : List.of(
                    "/api/v1/linkage/pairs",
                    "/api/v1/linkage/pairs/" + fixture.pendingPair(),
                    "/api/v1/linkage/reports/" + fixture.report(fixture.sourceA, "L1") + "/pairs")) {
                ResponseEntity<String> r = as(role, HttpMethod.GET, path);
                assertThat(r.getStatusCode().value())
                        .as("%s GET %s", role, path)
                        .isEqualTo(403);
                assertThat(r.getBody()).contains("REVIEW_LINKS");
            }
            ResponseEntity<String> decide =
                    as(role, HttpMethod.POST, "/api/v1/linkage/pairs/" + fixture.pendingPair() + "/decision");
            assertThat(decide.getStatusCode().value())
                    .as("%s POST decision", role)
                    .isEqualTo(403);
            assertThat(as(role, HttpMethod.POST, "/api/v1/linkage/relink")
                            .getStatusCode()
                            .value())
                    .isEqualTo(403);
        }
        assertThat(as(Role.ADVOCACY, HttpMethod.GET, "/api/v1/linkage/persons/" + fixture.report(fixture.sourceA, "L2"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(as(Role.WRITER, HttpMethod.GET, "/api/v1/linkage/persons/" + fixture.report(fixture.sourceA, "L2"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(as(Role.ADVOCACY, HttpMethod.GET, "/api/v1/linkage/overlap")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(as(Role.ANALYST, HttpMethod.GET, "/api/v1/linkage/pairs")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(as(Role.ANALYST, HttpMethod.POST, "/api/v1/linkage/relink")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    @Order(5)
    void the_person_of_a_report_holds_the_confirmed_reports_of_both_sources() throws Exception {
        String a = fixture.report(fixture.sourceA, "L2");
        String c = fixture.report(fixture.sourceC, "L2");
        ResponseEntity<String> r = get("/api/v1/linkage/persons/" + c);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        JsonNode person = body(r);
        assertThat(json.convertValue(person.get("reportIds"), List.class)).containsExactlyInAnyOrder(a, c);
        assertThat(json.convertValue(person.get("sources"), List.class))
                .containsExactlyInAnyOrder(fixture.sourceA, fixture.sourceC);
        JsonNode alone = body(get("/api/v1/linkage/persons/" + fixture.report(fixture.sourceA, "L3")));
        assertThat(alone.get("reportIds").size()).isEqualTo(1);
        JsonNode pairs = body(get("/api/v1/linkage/reports/" + a + "/pairs"));
        assertThat(pairs.toString()).contains(fixture.confirmedPair());
    }

    @Test
    @Order(6)
    void confirming_a_pair_links_the_person_and_undo_with_a_note_sends_it_back() throws Exception {
        String pairId = fixture.pendingPair();
        ResponseEntity<String> confirmed = post(
                "/api/v1/linkage/pairs/" + pairId + "/decision",
                "{\"decision\":\"confirmed\",\"note\":\"same name, place and day\"}");
        assertThat(confirmed.getStatusCode().value()).as(confirmed.getBody()).isEqualTo(200);
        JsonNode pair = body(confirmed);
        assertThat(pair.get("decision").asText()).isEqualTo("confirmed");
        JsonNode last = pair.get("history").get(pair.get("history").size() - 1);
        assertThat(last.get("by").asText()).isEqualTo("admin");
        assertThat(last.get("note").asText()).isEqualTo("same name, place and day");
        JsonNode person = body(get("/api/v1/linkage/persons/" + fixture.report(fixture.sourceB, "L1")));
        assertThat(person.get("reportIds").size()).isEqualTo(2);
        assertThat(person.get("disagreements").toString()).contains("status");
        refreshAudit();
        assertThat(audit.find(Viewer.system("test"), AuditFilter.all(), 0, 20).entries().stream()
                        .map(AuditEntry::action)
                        .toList())
                .contains(AuditAction.LINK_DECISION);

        ResponseEntity<String> undone = post(
                "/api/v1/linkage/pairs/" + pairId + "/decision", "{\"decision\":\"pending\",\"note\":\"second look\"}");
        assertThat(undone.getStatusCode().value()).as(undone.getBody()).isEqualTo(200);
        assertThat(body(undone).get("decision").asText()).isEqualTo("pending");
        assertThat(body(get("/api/v1/linkage/persons/" + fixture.report(fixture.sourceB, "L1")))
                        .get("reportIds")
                        .size())
                .isEqualTo(1);
    }

    @Test
    @Order(7)
    void the_overlap_counts_persons_of_each_source_and_shared_ones() throws Exception {
        JsonNode o = body(get("/api/v1/linkage/overlap"));
        assertThat(o.get("counted").asText()).isEqualTo("persons");
        Map<String, JsonNode> rows = new java.util.HashMap<>();
        o.get("table").forEach(row -> rows.put(row.get("source").asText(), row));
        JsonNode a = rows.get(fixture.sourceA);
        assertThat(a.get("documentedBy").asLong()).isEqualTo(3);
        assertThat(a.get("onlyBy").asLong()).isEqualTo(2);
        assertThat(a.get("shared").get(fixture.sourceC).asLong()).isEqualTo(1);
        assertThat(a.get("shared").get(fixture.sourceB).asLong()).isZero();
        assertThat(rows.get(fixture.sourceB).get("documentedBy").asLong()).isEqualTo(1);
    }

    @Test
    @Order(8)
    void the_overlap_workbook_opens_with_its_two_sheets_and_the_fixture_figures_and_is_audited() throws Exception {
        ResponseEntity<byte[]> r = http.getForEntity("/api/v1/linkage/overlap.xlsx?lang=en", byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        // Issue 18 #13: named after what it holds and the day (was the generic athar-overlap.xlsx).
        assertThat(r.getHeaders().getContentDisposition().getFilename())
                .isEqualTo(
                        "athar-source-overlap-persons-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getBody()))) {
            XSSFSheet overlap = wb.getSheet("Overlap");
            XSSFSheet patterns = wb.getSheet("Patterns");
            assertThat(overlap).isNotNull();
            assertThat(patterns).isNotNull();
            assertThat(overlap.getRow(1).getCell(0).getStringCellValue()).contains("persons");
            Row a = null;
            for (Row row : overlap) {
                if (row.getCell(0) != null
                        && fixture.sourceA.equals(row.getCell(0).getStringCellValue())) {
                    a = row;
                }
            }
            assertThat(a).as("a row for %s", fixture.sourceA).isNotNull();
            assertThat((long) a.getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat((long) a.getCell(2).getNumericCellValue()).isEqualTo(2);
        }
        ResponseEntity<byte[]> arabic = http.getForEntity("/api/v1/linkage/overlap.xlsx?lang=ar", byte[].class);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(arabic.getBody()))) {
            assertThat(wb.getSheet("التداخل").isRightToLeft()).isTrue();
        }
        refreshAudit();
        assertThat(audit.find(Viewer.system("test"), AuditFilter.all(), 0, 20).entries().stream()
                        .filter(e -> "overlap_xlsx".equals(e.details().get("kind")))
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(9)
    void a_relink_answers_202_and_a_second_one_while_it_runs_409() throws Exception {
        ResponseEntity<String> started = post("/api/v1/linkage/relink", "");
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        ResponseEntity<String> again = post("/api/v1/linkage/relink", "");
        if (linkage.status().running()) {
            assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(409);
            assertThat(body(again).get("error").asText()).isNotBlank();
            assertThat(ProblemAnswers.problem(again, 409, "linkage-conflict")
                            .get("error")
                            .asText())
                    .isEqualTo(ApiErrors.RELINK_RUNNING);
        } else {
            System.out.println("LinkageApiTest: the re-link finished before the second request; 409 not observed");
        }
        ResponseEntity<String> status = get("/api/v1/linkage/relink");
        assertThat(status.getStatusCode().value()).isEqualTo(200);
        assertThat(body(status).get("state").asText()).isIn("running", "done");
        long waited = System.nanoTime();
        linkage.awaitIdle(java.time.Duration.ofMinutes(10));
        System.out.printf(
                "LinkageApiTest: full re-link of the shared test engine took %d ms (%s)%n",
                (System.nanoTime() - waited) / 1_000_000, linkage.status());
        assertThat(linkage.status().state()).isEqualTo("done");
        assertThat(body(get("/api/v1/linkage/pairs/" + fixture.confirmedPair()))
                        .get("decision")
                        .asText())
                .as("a reviewer's decision survives a re-link")
                .isEqualTo("confirmed");
    }
}
