package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.athar.ingest.BadFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Fault 6, bad files through {@code POST /api/v1/imports}: truncated, binary, Windows-1256, 100 MB, zip-bomb, 10,000
 * columns, formula-laden. Each gets an error naming the row and field or the file-level reason, and the reports already
 * stored are byte for byte the same afterwards. Uploads stream from files under /tmp, deleted at the end; memory is
 * checked separately with a small heap ({@code BadFilesMemoryTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadFilesApiTest extends AtharIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseline = "Bad Files Baseline " + UUID.randomUUID();
    private Path dir;
    private Map<String, Path> files;
    private Map<String, String> stored;

    @Autowired
    ElasticsearchClient engine;

    @LocalServerPort
    int port;

    @BeforeAll
    void writeFilesAndImportABaseline() throws Exception {
        dir = Files.createTempDirectory("athar-bl-badfiles");
        long started = System.nanoTime();
        files = BadFiles.write(dir);
        System.out.printf(
                "Bad files written in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000, files.keySet());
        Path good = Files.writeString(
                dir.resolve("baseline.csv"),
                "report_id,victim_name,governorate,narrative\n"
                        + "B1,Synthetic Baseline One,Aleppo,kept as it is\nB2,سامر الخطيب,Homs,يبقى كما هو\n",
                StandardCharsets.UTF_8);
        assertThat(upload(good, "baseline.csv", baseline).statusCode()).isEqualTo(200);
    }

    @BeforeEach
    void rememberStoredReports() throws IOException {
        stored = everyReport();
        assertThat(stored).isNotEmpty();
    }

    @AfterEach
    void storedReportsAreUnchanged() throws IOException {
        Map<String, String> now = everyReport();
        assertThat(now.keySet()).containsAll(stored.keySet());
        stored.forEach(
                (id, source) -> assertThat(now.get(id)).as("report %s", id).isEqualTo(source));
    }

    @AfterAll
    void deleteFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void a_truncated_workbook_is_refused_as_unreadable_and_stores_nothing() throws Exception {
        Reply reply = send("truncated.xlsx");
        assertThat(reply.status).isEqualTo(400);
        assertThat(reply.error()).contains("workbook").containsAnyOf("damaged", "truncated", "not a", "cannot");
        assertThat(reply.body.get("parameter").asText()).isEqualTo("file");
        assertThat(reply.body.get("type").asText()).isEqualTo("urn:athar:problem:file-unreadable");
        assertThat(reply.body.get("detail").asText()).isEqualTo(reply.error());
        assertThat(storedFrom(reply.source)).isZero();
    }

    @Test
    void a_truncated_csv_keeps_the_complete_row_and_rejects_the_cut_one_naming_it() throws Exception {
        Reply reply = send("truncated.csv");
        assertThat(reply.status).isEqualTo(200);
        assertThat(reply.body.get("indexed").asLong()).isEqualTo(1);
        assertThat(reply.body.get("rejected").asLong()).isEqualTo(1);
        JsonNode error = reply.body.get("errors").get(0);
        assertThat(error.get("row").asLong()).isEqualTo(2);
        assertThat(error.get("message").asText()).containsIgnoringCase("quote");
        assertThat(storedFrom(reply.source)).isEqualTo(1);
    }

    @Test
    void random_bytes_are_refused_whatever_the_extension() throws Exception {
        Reply csv = send("random.csv");
        assertThat(csv.status).isEqualTo(400);
        assertThat(csv.error()).contains("not UTF-8");
        Reply xlsx = send("random.xlsx");
        assertThat(xlsx.status).isEqualTo(400);
        assertThat(xlsx.error())
                .contains("not a readable .xlsx workbook")
                .doesNotContain("/tmp")
                .doesNotContain(System.getProperty("java.io.tmpdir"));
        assertThat(storedFrom(csv.source) + storedFrom(xlsx.source)).isZero();
    }

    @Test
    void arabic_in_windows_1256_is_refused_with_advice_and_never_stored_as_mojibake() throws Exception {
        Reply reply = send("windows-1256.csv");
        assertThat(reply.status).isEqualTo(400);
        assertThat(reply.error())
                .contains("not UTF-8")
                .contains("Windows-1256")
                .contains("data row 1")
                .contains("save it again as UTF-8");
        assertThat(storedFrom(reply.source)).isZero();
    }

    @Test
    void a_100_mb_row_is_rejected_by_row_number_and_the_rows_around_it_are_kept() throws Exception {
        assertThat(Files.size(files.get("huge.csv"))).isGreaterThan(BadFiles.HUGE_BYTES);
        long started = System.nanoTime();
        Reply reply = send("huge.csv");
        System.out.printf("100 MB upload answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(reply.status).isEqualTo(200);
        assertThat(reply.body.get("indexed").asLong()).isEqualTo(2);
        assertThat(reply.body.get("rejected").asLong()).isEqualTo(1);
        JsonNode error = reply.body.get("errors").get(0);
        assertThat(error.get("row").asLong()).isEqualTo(2);
        assertThat(error.get("message").asText()).contains("longer than");
        assertThat(storedFrom(reply.source)).isEqualTo(2);
    }

    @Test
    void a_zip_bomb_workbook_is_refused_naming_the_guard_and_its_setting() throws Exception {
        assertThat(Files.size(files.get("bomb.xlsx"))).isLessThan(200_000);
        Reply reply = send("bomb.xlsx");
        assertThat(reply.status).isEqualTo(400);
        assertThat(reply.error()).contains("zip bomb").contains("athar.import.xlsx.min-inflate-ratio");
        assertThat(storedFrom(reply.source)).isZero();
    }

    @Test
    void ten_thousand_columns_import_the_known_ones_and_the_batch_names_the_dropped_ones() throws Exception {
        Reply reply = send("wide.csv");
        assertThat(reply.status).isEqualTo(200);
        assertThat(reply.body.get("indexed").asLong()).isEqualTo(3);
        assertThat(reply.body.get("rejected").asLong()).isZero();
        assertThat(storedFrom(reply.source)).isEqualTo(3);
        HttpResponse<String> batch = client.send(
                HttpRequest.newBuilder(uri(
                                "/api/v1/imports/" + reply.body.get("batchId").asText()))
                        .header("Authorization", auth())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode unknown = json.readTree(batch.body()).get("unknown_columns");
        assertThat(unknown).as("the batch names every column it dropped").hasSize(BadFiles.WIDE_COLUMNS - 3);
        assertThat(unknown.get(0).asText()).isEqualTo("extra_4");
    }

    @Test
    void formulas_are_stored_as_the_text_written_and_exported_defused() throws Exception {
        Reply csv = send("formulas.csv");
        assertThat(csv.status).isEqualTo(200);
        assertThat(csv.body.get("rejected").asLong()).isZero();
        Map<String, JsonNode> reports = reportsFrom(csv.source);
        assertThat(reports).hasSize(BadFiles.FORMULAS.length);
        for (int i = 0; i < BadFiles.FORMULAS.length; i++) {
            JsonNode report = reports.get("F" + (i + 1));
            assertThat(report.at("/victim/name").asText()).isEqualTo(BadFiles.FORMULAS[i]);
            assertThat(report.at("/narrative").asText()).isEqualTo(BadFiles.FORMULAS[i]);
        }

        Reply xlsx = send("formulas.xlsx");
        assertThat(xlsx.status).isEqualTo(200);
        Map<String, JsonNode> fromWorkbook = reportsFrom(xlsx.source);
        assertThat(fromWorkbook).hasSize(BadFiles.FORMULAS.length + 1);
        for (int i = 0; i < BadFiles.FORMULAS.length; i++) {
            assertThat(fromWorkbook.get("FX" + (i + 1)).at("/narrative").asText())
                    .isEqualTo(BadFiles.FORMULAS[i]);
        }
        // A real formula cell is never evaluated: Athar reads only a cached result, and this file has none.
        assertThat(fromWorkbook
                        .get("FX" + (BadFiles.FORMULAS.length + 1))
                        .path("narrative")
                        .isMissingNode())
                .isTrue();

        HttpResponse<String> export = client.send(
                HttpRequest.newBuilder(uri("/api/v1/exports/records.csv?source="
                                + java.net.URLEncoder.encode(csv.source, StandardCharsets.UTF_8)))
                        .header("Authorization", auth())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        for (String line : export.body()
                .lines()
                .skip(1)
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList()) {
            for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                String value = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
                assertThat(value)
                        .as("an exported cell never starts a formula")
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("@");
            }
        }
        assertThat(export.body()).contains("'=HYPERLINK(");
    }

    private record Reply(int status, JsonNode body, String source) {
        String error() {
            return body.path("error").asText();
        }
    }

    private Reply send(String name) throws Exception {
        String source = "Bad Files " + name + " " + UUID.randomUUID();
        HttpResponse<String> response = upload(files.get(name), name, source);
        JsonNode body = json.readTree(response.body());
        System.out.printf(
                "%s -> %d %s%n",
                name,
                response.statusCode(),
                response.body().substring(0, Math.min(600, response.body().length())));
        return new Reply(response.statusCode(), body, source);
    }

    /** A multipart upload streamed from the file (never read into memory here). */
    private HttpResponse<String> upload(Path file, String name, String source) throws Exception {
        String boundary = "athar" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(
                        uri("/api/v1/imports?source=" + java.net.URLEncoder.encode(source, StandardCharsets.UTF_8)))
                .header("Authorization", auth())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String auth() {
        return "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private long storedFrom(String source) throws IOException {
        engine.indices().refresh(r -> r.index(EngineIndices.REPORTS));
        return engine.count(c -> c.index(EngineIndices.REPORTS)
                        .query(q -> q.term(t -> t.field("source").value(source))))
                .count();
    }

    private Map<String, JsonNode> reportsFrom(String source) throws IOException {
        engine.indices().refresh(r -> r.index(EngineIndices.REPORTS));
        Map<String, JsonNode> reports = new TreeMap<>();
        for (Hit<JsonNode> hit : engine.search(
                        s -> s.index(EngineIndices.REPORTS)
                                .size(100)
                                .query(q -> q.term(t -> t.field("source").value(source))),
                        JsonNode.class)
                .hits()
                .hits()) {
            reports.put(hit.source().get("report_id").asText(), hit.source());
        }
        return reports;
    }

    /** The baseline's reports: id → source JSON as stored. */
    private Map<String, String> everyReport() throws IOException {
        engine.indices().refresh(r -> r.index(EngineIndices.REPORTS));
        Map<String, String> docs = new TreeMap<>();
        List<Hit<JsonNode>> hits = engine.search(
                        s -> s.index(EngineIndices.REPORTS)
                                .size(1_000)
                                .query(q -> q.term(t -> t.field("source").value(baseline))),
                        JsonNode.class)
                .hits()
                .hits();
        hits.forEach(h -> docs.put(h.id(), h.source().toString()));
        return docs;
    }
}
