package org.athar.backup;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.athar.AtharIntegrationTest;
import org.athar.demo.DemoDataGenerator;
import org.athar.engine.EngineIndices;
import org.athar.security.Role;
import org.athar.security.TestUsers;
import org.athar.security.Users;
import org.athar.ui.SpringKaribu;
import org.athar.ui.admin.BackupsView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Backup and restore against the real engine: import synthetic reports, back up, lose the reports index, restore,
 * and get every document back byte for byte; the refusals (no confirmation, not an admin) and the safety snapshot.
 */
class BackupRestoreTest extends AtharIntegrationTest {

    private static final int ROWS = 3_000;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ElasticsearchClient client;

    @Autowired
    Users users;

    @Autowired
    ApplicationContext context;

    @Autowired
    org.athar.engine.Maintenance maintenance;

    @Test
    void a_lost_reports_index_comes_back_from_a_backup_with_every_document_unchanged() throws Exception {
        importDemoReports();
        Map<String, String> before = allDocuments(EngineIndices.REPORTS);
        assertThat(before).hasSizeGreaterThanOrEqualTo(ROWS);
        long searchTotalBefore = searchTotal();
        assertThat(searchTotalBefore).isEqualTo(before.size());

        long started = System.nanoTime();
        ResponseEntity<String> accepted = http.postForEntity("/api/v1/admin/backups", null, String.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String name = json.readTree(accepted.getBody()).get("name").asText();
        assertThat(name).matches("athar-\\d{8}-\\d{6}");
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/admin/backups/" + name);
        JsonNode backup = awaitBackup(name);
        System.out.printf(
                "Backup of %,d reports took %d ms (%,d bytes)%n",
                before.size(),
                (System.nanoTime() - started) / 1_000_000,
                backup.get("sizeBytes").asLong());
        assertThat(backup.get("reports").asLong()).isEqualTo(before.size());
        assertThat(backup.get("shardsDone").asLong())
                .isEqualTo(backup.get("shardsTotal").asLong())
                .isPositive();
        assertThat(json.readTree(http.getForObject("/api/v1/admin/backups", String.class))
                        .findValuesAsText("name"))
                .contains(name);

        // An account made after the backup must survive the restore: users are never rolled back.
        TestUsers.Account later = TestUsers.create(users, Role.ANALYST);

        // Disaster: the reports index is gone and an empty one was made in its place.
        List<String> live = new ArrayList<>(client.indices()
                .getAlias(a -> a.name(EngineIndices.REPORTS))
                .result()
                .keySet());
        client.indices().delete(d -> d.index(live));
        client.indices().create(c -> c.index(live.get(0)).aliases(EngineIndices.REPORTS, a -> a.isWriteIndex(true)));
        assertThat(searchTotal()).isZero();

        assertThat(restore(name, "{}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> wrongName = restore(name, "{\"confirm\": \"athar-19990101-000000\"}");
        assertThat(wrongName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(wrongName.getBody()).get("parameter").asText()).isEqualTo("confirm");
        assertThat(searchTotal()).as("a refused restore changes nothing").isZero();
        assertThat(restore("athar-19990101-000000", "{\"confirm\": \"athar-19990101-000000\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        started = System.nanoTime();
        ResponseEntity<String> restored = restore(name, "{\"confirm\": \"" + name + "\", \"restoreAudit\": true}");
        System.out.printf("Restore (with safety snapshot) took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(restored.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = json.readTree(restored.getBody());
        assertThat(result.get("reports").asLong()).isEqualTo(before.size());
        assertThat(json.convertValue(result.get("kept"), List.class))
                .contains(EngineIndices.USERS, EngineIndices.AUDIT, EngineIndices.LEDGER);

        Map<String, String> after = allDocuments(EngineIndices.REPORTS);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (Map.Entry<String, String> doc : before.entrySet()) {
            assertThat(after.get(doc.getKey())).as("document %s", doc.getKey()).isEqualTo(doc.getValue());
        }
        assertThat(searchTotal()).isEqualTo(searchTotalBefore);

        String safety = result.get("safetySnapshot").asText();
        assertThat(safety).startsWith("athar-pre-restore-");
        JsonNode safetyBackup = json.readTree(http.getForObject("/api/v1/admin/backups/" + safety, String.class));
        assertThat(safetyBackup.get("state").asText()).isEqualTo("SUCCESS");
        assertThat(safetyBackup.get("reports").asLong())
                .as("it holds the data as it was: the empty index")
                .isZero();

        assertThat(users.find(later.username()))
                .as("a user created after the backup is kept")
                .isPresent();
        String auditCopy = result.get("auditCopy").asText();
        assertThat(auditCopy).isEqualTo("athar-audit-restored-" + name);
        client.indices().refresh(r -> r.index(auditCopy, EngineIndices.AUDIT));
        assertThat(client.count(c -> c.index(auditCopy)).count()).isPositive();
        assertThat(client.count(c -> c.index(EngineIndices.AUDIT)).count())
                .as("the live audit log keeps the entries written after the backup")
                .isGreaterThan(client.count(c -> c.index(auditCopy)).count());

        JsonNode entries =
                json.readTree(http.getForObject("/api/v1/admin/audit?action=restore&limit=10", String.class));
        assertThat(entries.findValuesAsText("phase")).contains("started", "completed");
        assertThat(json.readTree(http.getForObject("/api/v1/admin/audit?action=backup&limit=10", String.class))
                        .findValuesAsText("backup"))
                .contains(name);

        // The Backups page lists the backup and its safety snapshot.
        SpringKaribu.setUp(context, Set.of(Role.ADMIN));
        try {
            UI.getCurrent().navigate(BackupsView.class);
            @SuppressWarnings("unchecked")
            Grid<Backup> grid = LocatorJ._get(Grid.class, spec -> spec.withId("backups"));
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < GridKt._size(grid.getDataCommunicator()); i++) {
                rows.add(String.join(" | ", GridKt._getFormattedRow(grid, i)));
            }
            assertThat(rows)
                    .anySatisfy(r ->
                            assertThat(r).contains(name, "Complete", String.format(Locale.ROOT, "%,d", before.size())));
            assertThat(rows).anySatisfy(r -> assertThat(r).contains(safety, "Safety snapshot"));
        } finally {
            SpringKaribu.tearDown();
        }
    }

    @Test
    void a_backup_restored_on_an_installation_with_another_key_brings_its_own_so_re_imports_stay_unchanged()
            throws Exception {
        String source = "Backup Key Test " + java.util.UUID.randomUUID();
        String csv = "report_id,source,victim_name,governorate\n"
                + "BK1," + source + ",Synthetic Backup Person One,Aleppo\n"
                + "BK2," + source + ",Synthetic Backup Person Two,Homs\n";
        assertThat(json.readTree(upload("backup-key.csv", csv).getBody())
                        .get("indexed")
                        .asLong())
                .isEqualTo(2);
        String backupKey = storedKey().orElseThrow();
        ResponseEntity<String> accepted = http.postForEntity("/api/v1/admin/backups", null, String.class);
        String name = json.readTree(accepted.getBody()).get("name").asText();
        awaitBackup(name);

        // A fresh installation made its own key at its first start, in the engine and in its data directory.
        String freshKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        client.index(i -> i.index(EngineIndices.KEYS)
                .id("row-digest")
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                .document(Map.of(
                        "key",
                        freshKey,
                        "algorithm",
                        "HmacSHA256",
                        "created_at",
                        Instant.now().toString())));
        java.nio.file.Files.writeString(keyFile(), freshKey + "\n");

        ResponseEntity<String> restored = restore(name, "{\"confirm\": \"" + name + "\"}");
        assertThat(restored.getStatusCode()).as(restored.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.convertValue(json.readTree(restored.getBody()).get("restoredIndices"), List.class))
                .anySatisfy(i -> assertThat(i.toString()).startsWith(EngineIndices.KEYS + "-v"));
        assertThat(storedKey()).contains(backupKey);

        JsonNode again = json.readTree(upload("backup-key.csv", csv).getBody());
        assertThat(again.get("unchanged").asLong()).as(again.toString()).isEqualTo(2);
        assertThat(again.get("updated").asLong()).isZero();
        assertThat(again.get("indexed").asLong()).isZero();
        assertThat(java.nio.file.Files.readString(keyFile()).strip())
                .as("the data directory follows the engine")
                .isEqualTo(backupKey);
    }

    private java.util.Optional<String> storedKey() throws java.io.IOException {
        return java.util.Optional.ofNullable(
                        client.get(g -> g.index(EngineIndices.KEYS).id("row-digest"), JsonNode.class)
                                .source())
                .map(k -> k.get("key").asText());
    }

    private static java.nio.file.Path keyFile() {
        return DATA_DIR.toAbsolutePath().normalize().resolve("keys/row-digest.key");
    }

    @Test
    void only_administrators_may_back_up_or_restore() {
        TestUsers.Account analyst = TestUsers.create(users, Role.ANALYST);
        var asAnalyst = anonymous.withBasicAuth(analyst.username(), analyst.password());
        assertThat(asAnalyst
                        .postForEntity("/api/v1/admin/backups", null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asAnalyst.getForEntity("/api/v1/admin/backups", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(asAnalyst
                        .postForEntity(
                                "/api/v1/admin/backups/athar-20260101-000000/restore",
                                new HttpEntity<>("{\"confirm\": \"athar-20260101-000000\"}", headers),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous
                        .postForEntity("/api/v1/admin/backups", null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_restore_and_an_import_never_overlap() throws Exception {
        long before = client.count(c -> c.index(EngineIndices.REPORTS)).count();
        assertThat(maintenance.begin("restore of backup athar-20260101-000000")).isTrue();
        try {
            ResponseEntity<String> refused = upload("during-restore.csv", csvOf(50));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(json.readTree(refused.getBody()).get("error").asText())
                    .contains(
                            "restore of backup athar-20260101-000000", "during-restore.csv", "nothing of it is stored");
        } finally {
            maintenance.end();
        }
        client.indices().refresh(r -> r.index(EngineIndices.REPORTS));
        assertThat(client.count(c -> c.index(EngineIndices.REPORTS)).count()).isEqualTo(before);

        // An import recorded as running: a restore would replace the reports it is writing, so it is refused.
        String id = "test-running-" + System.nanoTime();
        client.index(i -> i.index(EngineIndices.BATCHES)
                .id(id)
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                .document(Map.of("batch_id", id, "status", "running")));
        try {
            ResponseEntity<String> conflict =
                    restore("athar-20260101-000000", "{\"confirm\": \"athar-20260101-000000\"}");
            assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(json.readTree(conflict.getBody()).get("error").asText()).contains("import(s) are running");
        } finally {
            client.delete(d -> d.index(EngineIndices.BATCHES)
                    .id(id)
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        }
    }

    private ResponseEntity<String> restore(String name, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(
                "/api/v1/admin/backups/" + name + "/restore", new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode awaitBackup(String name) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            ResponseEntity<String> response = http.getForEntity("/api/v1/admin/backups/" + name, String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode backup = json.readTree(response.getBody());
            if (!"IN_PROGRESS".equals(backup.get("state").asText())) {
                assertThat(backup.get("state").asText()).isEqualTo("SUCCESS");
                return backup;
            }
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private void importDemoReports() throws Exception {
        ResponseEntity<String> response = upload("backup-test.csv", csvOf(ROWS));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode counts = json.readTree(response.getBody());
        assertThat(counts.get("rejected").asLong()).isZero();
        client.indices().refresh(r -> r.index(EngineIndices.REPORTS));
    }

    private static String csvOf(int rows) throws Exception {
        StringWriter csv = new StringWriter();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED + 8).write(csv, rows);
        return csv.toString();
    }

    private ResponseEntity<String> upload(String fileName, String csv) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/v1/imports", new HttpEntity<>(body, headers), String.class);
    }

    private long searchTotal() throws Exception {
        client.indices().refresh(r -> r.index(EngineIndices.REPORTS));
        return json.readTree(http.getForObject("/api/v1/reports?size=1", String.class))
                .get("total")
                .asLong();
    }

    /** Every document of the index: id → its source as stored (JSON text, key order as indexed). */
    private Map<String, String> allDocuments(String index) throws Exception {
        client.indices().refresh(r -> r.index(index));
        Map<String, String> docs = new HashMap<>();
        SearchResponse<JsonNode> first =
                client.search(s -> s.index(index).size(1_000).scroll(t -> t.time("1m")), JsonNode.class);
        String scrollId = first.scrollId();
        List<Hit<JsonNode>> hits = first.hits().hits();
        while (!hits.isEmpty()) {
            for (Hit<JsonNode> hit : hits) {
                docs.put(hit.id(), hit.source().toString());
            }
            String id = scrollId;
            var next = client.scroll(s -> s.scrollId(id).scroll(t -> t.time("1m")), JsonNode.class);
            scrollId = next.scrollId();
            hits = next.hits().hits();
        }
        String last = scrollId;
        client.clearScroll(c -> c.scrollId(last));
        return docs;
    }
}
