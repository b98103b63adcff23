package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.athar.engine.EngineIndices;
import org.athar.security.Role;
import org.athar.security.Viewer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Uploads past the configured limits (64 KB, 5 rows in this context) are refused with the limit and its setting. */
class UploadLimitsApiTest extends SmallLimitsContext {

    private final String source = "Limits Org " + UUID.randomUUID();

    @Test
    void a_file_over_the_size_limit_is_refused_with_413_naming_the_limit_and_the_setting() throws Exception {
        byte[] big =
                ("report_id,victim_name\n" + "R1,Synthetic Person\n".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan(64 * 1024);

        ResponseEntity<String> response = upload("big.csv", big, source);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        JsonNode body = ProblemAnswers.problem(response, 413, "upload-too-large");
        assertThat(body.get("error").asText()).contains("larger than 64 KB").contains("athar.import.max-file-size");
        assertThat(body.get("parameter").asText()).isEqualTo("file");
    }

    @Test
    void past_the_row_limit_the_import_stops_naming_the_row_keeps_the_rows_before_and_says_so_in_the_batch()
            throws Exception {
        String user = "limits-" + UUID.randomUUID();
        viewer.set(new Viewer(user, Set.of(Role.ADMIN)));
        StringBuilder csv = new StringBuilder("report_id,victim_name\n");
        for (int i = 1; i <= 8; i++) {
            csv.append("L").append(i).append(",Synthetic Person ").append(i).append('\n');
        }

        ResponseEntity<String> response = upload("long.csv", csv.toString().getBytes(StandardCharsets.UTF_8), source);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = ProblemAnswers.problem(response, 400, "import-stopped");
        assertThat(body.get("parameter").asText()).isEqualTo("file");
        assertThat(body.get("error").asText())
                .startsWith("Data row 6 is past the limit of 5 rows per file")
                .contains("athar.import.max-rows")
                .contains("The 5 rows read before this are in import");
        String batchId = body.get("batchId").asText();

        JsonNode batch = get("/api/v1/imports/{id}", batchId);
        assertThat(batch.get("status").asText()).isEqualTo("failed");
        assertThat(batch.get("received").asLong()).isEqualTo(5);
        assertThat(batch.get("indexed").asLong()).isEqualTo(5);
        assertThat(batch.get("failure").asText()).contains("athar.import.max-rows");
        long stored = client.count(c -> c.index(EngineIndices.REPORTS)
                        .query(q -> q.term(t -> t.field("source").value(source))))
                .count();
        assertThat(stored).isEqualTo(5);

        viewer.reset();
        refreshAudit();
        JsonNode entry = get("/api/v1/admin/audit?user={u}&action=import", user)
                .get("entries")
                .get(0);
        assertThat(entry.get("outcome").asText()).isEqualTo("failure");
        assertThat(entry.get("details").get("reason").asText()).isEqualTo("row_limit");
        assertThat(entry.get("details").get("batch_id").asText()).isEqualTo(batchId);
        assertThat(entry.get("details").get("received").asText()).isEqualTo("5");
    }

    @Test
    void a_zip_bomb_upload_is_refused_with_advice() throws Exception {
        byte[] bomb = org.athar.ingest.CraftedWorkbooks.bomb(20_000_000);
        assertThat(bomb.length).isLessThan(64 * 1024);

        ResponseEntity<String> response = upload("bomb.xlsx", bomb, source);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("error").asText())
                .startsWith("The workbook was refused")
                .contains("zip bomb");
    }
}
