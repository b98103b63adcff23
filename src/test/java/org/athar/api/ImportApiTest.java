package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.athar.report.Report;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** {@code POST /api/v1/imports} over HTTP with real files: exact response keys, counts, formats, bad uploads. */
class ImportApiTest extends AtharIntegrationTest {

    @Autowired
    ElasticsearchClient client;

    private final ObjectMapper json = new ObjectMapper();
    private final String source = "API Test Org " + UUID.randomUUID();

    private ResponseEntity<String> upload(String fileName, byte[] content, String sourceParam) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        String url = "/api/v1/imports" + (sourceParam == null ? "" : "?source={s}");
        return sourceParam == null
                ? http.postForEntity(url, new HttpEntity<>(body, headers), String.class)
                : http.postForEntity(url, new HttpEntity<>(body, headers), String.class, sourceParam);
    }

    @Test
    void a_json_lines_upload_answers_with_exactly_the_documented_keys_and_counts() throws Exception {
        String jsonl = """
                {"report_id": "J1", "victim_name": "سامر الخطيب", "gender": "ذكر", "disappeared_on": "14/05/2013", "governorate": "Halab"}
                {"report_id": "J2", "victim_name": "Rana Synthetic", "age": 29, "governorate": "Deir Ezzor", "status": "detained"}
                not json at all
                {"report_id": "J4", "victim_name": "Bad Place", "governorate": "Atlantis"}
                """;
        ResponseEntity<String> response = upload("reports.jsonl", jsonl.getBytes(StandardCharsets.UTF_8), source);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.fieldNames())
                .toIterable()
                .containsExactly("batchId", "received", "indexed", "updated", "unchanged", "rejected", "errors");
        assertThat(body.get("received").asLong()).isEqualTo(4);
        assertThat(body.get("indexed").asLong()).isEqualTo(2);
        assertThat(body.get("updated").asLong()).isZero();
        assertThat(body.get("unchanged").asLong()).isZero();
        assertThat(body.get("rejected").asLong()).isEqualTo(2);
        assertThat(body.get("errors")).hasSize(2);
        assertThat(body.get("errors").get(0).get("row").asLong()).isEqualTo(3);
        assertThat(body.get("errors").get(1).get("row").asLong()).isEqualTo(4);
        assertThat(body.get("errors").get(1).get("field").asText()).isEqualTo("governorate");
        assertThat(body.get("errors").get(1).fieldNames()).toIterable().containsExactly("row", "field", "message");

        String batchId = body.get("batchId").asText();
        ResponseEntity<String> rejected =
                http.getForEntity("/api/v1/imports/" + batchId + "/rejected.csv", String.class);
        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rejected.getBody())
                .contains("Atlantis")
                .contains("not json at all")
                .contains("reason");
        JsonNode batch = json.readTree(
                http.getForEntity("/api/v1/imports/" + batchId, String.class).getBody());
        assertThat(batch.get("status").asText()).isEqualTo("completed");
    }

    @Test
    void an_xlsx_upload_reads_date_cells_as_dates_and_numbers_as_whole_numbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("reports");
            List<String> header = List.of("report_id", "source", "victim_name", "age", "disappeared_on", "المحافظة");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("X1");
            r.createCell(1).setCellValue(source);
            r.createCell(2).setCellValue("نور الهدى");
            r.createCell(3).setCellValue(34);
            r.createCell(4).setCellValue(java.time.LocalDate.of(2013, 5, 14));
            r.getCell(4).setCellStyle(date);
            r.createCell(5).setCellValue("ريف دمشق");
            Row bad = sheet.createRow(3);
            bad.createCell(0).setCellValue("X2");
            bad.createCell(1).setCellValue(source);
            bad.createCell(2).setCellValue("Too Old");
            bad.createCell(3).setCellValue(150);
            wb.write(out);
        }
        ResponseEntity<String> response = upload("reports.xlsx", out.toByteArray(), null);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.get("indexed").asLong()).as(response.getBody()).isEqualTo(1);
        assertThat(body.get("rejected").asLong()).isEqualTo(1);
        // Excel row 4 under a header in row 1 is data row 3, as the user sees it in Excel.
        assertThat(body.get("errors").get(0).get("row").asLong()).isEqualTo(3);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("age");
        assertThat(body.get("errors").get(0).get("message").asText()).contains("150");

        Report stored = client.get(g -> g.index(EngineIndices.REPORTS).id(Report.idFor(source, "X1")), Report.class)
                .source();
        assertThat(stored.disappearance().precision().code()).isEqualTo("day");
        assertThat(stored.disappearance().date()).hasValue(java.time.LocalDate.of(2013, 5, 14));
        assertThat(stored.victim().age()).hasValue(34);
        assertThat(stored.place().governorate()).isEqualTo("SY03");
    }

    @Test
    void reports_and_the_batch_imported_through_the_api_name_the_signed_in_user_as_importer() throws Exception {
        ResponseEntity<String> response = upload(
                "who.csv",
                "report_id,victim_name\nW1,Synthetic Importer Test\n".getBytes(StandardCharsets.UTF_8),
                source);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Report stored = client.get(g -> g.index(EngineIndices.REPORTS).id(Report.idFor(source, "W1")), Report.class)
                .source();
        assertThat(stored.provenance().importedBy()).isEqualTo("admin");
        String batchId = json.readTree(response.getBody()).get("batchId").asText();
        JsonNode batch = json.readTree(
                http.getForEntity("/api/v1/imports/" + batchId, String.class).getBody());
        assertThat(batch.get("imported_by").asText()).isEqualTo("admin");
    }

    @Test
    void an_unsupported_file_type_is_refused_with_400_naming_the_parameter() throws Exception {
        ResponseEntity<String> response = upload("reports.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8), source);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.get("parameter").asText()).isEqualTo("file");
        assertThat(body.get("error").asText()).contains(".csv").contains(".xlsx");
    }

    @Test
    void rows_without_a_source_anywhere_are_rejected_with_the_reason() throws Exception {
        ResponseEntity<String> response = upload(
                "nosource.csv", "report_id,victim_name\nN1,Synthetic Person\n".getBytes(StandardCharsets.UTF_8), null);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.get("rejected").asLong()).isEqualTo(1);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("source");
    }

    @Test
    void the_api_is_described_by_openapi() throws Exception {
        JsonNode doc =
                json.readTree(http.getForEntity("/v3/api-docs", String.class).getBody());
        assertThat(doc.get("paths").has("/api/v1/imports")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/imports/{batchId}/rejected.csv"))
                .isTrue();
    }
}
