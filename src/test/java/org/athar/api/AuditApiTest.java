package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.athar.security.AuditAction;
import org.athar.security.AuditEntry.Outcome;
import org.athar.security.AuditLog;
import org.athar.security.Role;
import org.athar.security.Viewer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /api/v1/admin/audit} over HTTP: only administrators read it; JSON and CSV; imports leave their entries. */
class AuditApiTest extends SmallLimitsContext {

    @Autowired
    AuditLog audit;

    private final String user = "api-user-" + UUID.randomUUID();

    @Test
    void a_writer_gets_403_json_from_both_audit_endpoints_and_nothing_is_exported() throws Exception {
        viewer.set(new Viewer("writer-" + UUID.randomUUID(), Set.of(Role.WRITER)));

        for (String url : List.of("/api/v1/admin/audit", "/api/v1/admin/audit.csv", "/api/v1/admin/audit?action=fly")) {
            ResponseEntity<String> response = http.getForEntity(url, String.class);
            assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.FORBIDDEN);
            JsonNode body = json.readTree(response.getBody());
            assertThat(body.get("permission").asText()).isEqualTo("ADMINISTER");
            assertThat(body.get("error").asText()).contains("ADMINISTER");
        }
        String writer = viewer.get().username();
        viewer.reset();
        refreshAudit();
        assertThat(get("/api/v1/admin/audit?user={u}", writer).get("total").asLong())
                .isZero();
    }

    @Test
    void an_administrator_reads_filtered_entries_newest_first_with_every_field() throws Exception {
        Viewer someone = new Viewer(user, Set.of(Role.ANALYST));
        audit.signInFailed(user, "198.51.100.4", "bad_credentials");
        audit.searched(someone, "198.51.100.5", Map.of("q", List.of("سامر"), "governorate", List.of("SY02")));
        audit.viewedReport(someone, "198.51.100.5", "r-42");
        refreshAudit();

        JsonNode all = get("/api/v1/admin/audit?user={u}", user);
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("offset").asInt()).isZero();
        assertThat(all.get("limit").asInt()).isEqualTo(50);
        JsonNode newest = all.get("entries").get(0);
        assertThat(newest.fieldNames())
                .toIterable()
                .containsExactly("time", "username", "client_address", "action", "outcome", "details");
        assertThat(newest.get("action").asText()).isEqualTo("report_view");
        assertThat(newest.get("details").get("report_id").asText()).isEqualTo("r-42");
        assertThat(all.get("entries").get(2).get("outcome").asText()).isEqualTo("failure");

        JsonNode searches = get("/api/v1/admin/audit?user={u}&action=search&outcome=success", user);
        assertThat(searches.get("total").asLong()).isEqualTo(1);
        assertThat(searches.get("entries").get(0).get("details").get("q").asText())
                .isEqualTo("سامر");
        assertThat(searches.get("entries").get(0).get("client_address").asText())
                .isEqualTo("198.51.100.5");

        JsonNode second = get("/api/v1/admin/audit?user={u}&offset=1&limit=1", user);
        assertThat(second.get("entries")).hasSize(1);
        assertThat(second.get("entries").get(0).get("action").asText()).isEqualTo("search");
        assertThat(get("/api/v1/admin/audit?user={u}&from=2000-01-01&to=2000-12-31", user)
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(get("/api/v1/admin/audit?user={u}&client_address=198.51.100.4", user)
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void bad_parameters_are_400_naming_the_parameter() throws Exception {
        Map<String, String> cases = Map.of(
                "action=fly",
                "action",
                "outcome=maybe",
                "outcome",
                "from=2026-02-01&to=2026-01-01",
                "from",
                "limit=5000",
                "limit",
                "offset=9990&limit=50",
                "offset",
                "to=yesterday",
                "to",
                "colour=red",
                "colour");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ResponseEntity<String> response = http.getForEntity("/api/v1/admin/audit?" + c.getKey(), String.class);
            assertThat(response.getStatusCode()).as(c.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(response.getBody()).get("parameter").asText())
                    .as(c.getKey())
                    .isEqualTo(c.getValue());
        }
    }

    @Test
    void the_csv_is_utf8_with_a_bom_one_row_per_entry_and_its_download_is_recorded() throws Exception {
        audit.record(user, "=1+1", AuditAction.SETTING_CHANGE, Outcome.SUCCESS, Map.of("setting", "k", "value", "5"));
        audit.record(user, "192.0.2.8", AuditAction.USER_CHANGE, Outcome.DENIED, Map.of());
        refreshAudit();

        ResponseEntity<byte[]> response = http.getForEntity("/api/v1/admin/audit.csv?user={u}", byte[].class, user);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        // Issue 18 #13: named after what it holds and the day (was the generic athar-audit.csv).
        assertThat(response.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("athar-audit-log-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".csv");
        byte[] bytes = response.getBody();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = CSVFormat.RFC4180
                .parse(new StringReader(new String(bytes, StandardCharsets.UTF_8).substring(1)))
                .getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).toList())
                .containsExactly("time", "username", "client_address", "action", "outcome", "details");
        assertThat(rows.get(1).toList()).containsSubsequence(user, "192.0.2.8", "user_change", "denied", "{}");
        assertThat(rows.get(2).get(2)).isEqualTo("'=1+1");

        refreshAudit();
        JsonNode export = get(
                        "/api/v1/admin/audit?user={u}&action=export",
                        viewer.get().username())
                .get("entries")
                .get(0);
        assertThat(export.get("details").get("kind").asText()).isEqualTo("audit_csv");
        assertThat(export.get("details").get("filter_user").asText()).isEqualTo(user);
        assertThat(export.get("details").get("rows").asText()).isEqualTo("2");
        assertThat(export.get("client_address").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void an_import_through_the_api_writes_an_import_entry_with_the_batch_and_its_counts() throws Exception {
        viewer.set(new Viewer(user, Set.of(Role.ADMIN)));
        String csv = "report_id,victim_name,governorate\nA1,Synthetic One,Halab\nA2,Synthetic Two,Atlantis\n"
                + "A3,Synthetic Three,Idlib\n";
        ResponseEntity<String> response =
                upload("families.csv", csv.getBytes(StandardCharsets.UTF_8), "Audit Org " + UUID.randomUUID());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String batchId = json.readTree(response.getBody()).get("batchId").asText();

        ResponseEntity<String> refused = upload("notes.pdf", "%PDF".getBytes(StandardCharsets.UTF_8), "x");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        refreshAudit();

        JsonNode entries =
                get("/api/v1/admin/audit?user={u}&action=import", user).get("entries");
        assertThat(entries).hasSize(2);
        JsonNode failed = entries.get(0);
        assertThat(failed.get("outcome").asText()).isEqualTo("failure");
        assertThat(failed.get("details").get("reason").asText()).isEqualTo("unreadable_file");
        assertThat(failed.get("details").get("file_name").asText()).isEqualTo("notes.pdf");
        assertThat(failed.get("details").has("batch_id")).isFalse();
        JsonNode done = entries.get(1);
        assertThat(done.get("outcome").asText()).isEqualTo("success");
        assertThat(done.get("client_address").asText()).isEqualTo("127.0.0.1");
        assertThat(done.get("details").get("batch_id").asText()).isEqualTo(batchId);
        assertThat(done.get("details").get("file_name").asText()).isEqualTo("families.csv");
        assertThat(done.get("details").get("received").asText()).isEqualTo("3");
        assertThat(done.get("details").get("indexed").asText()).isEqualTo("2");
        assertThat(done.get("details").get("updated").asText()).isEqualTo("0");
        assertThat(done.get("details").get("rejected").asText()).isEqualTo("1");
        assertThat(done.get("details").toString()).doesNotContain("Synthetic");
    }
}
