package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.athar.AtharIntegrationTest;
import org.athar.report.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The four consent columns (issue 21) through the running application: CSV with English headers, a workbook with
 * Arabic headers and JSON Lines are stored with their consent, bad values are rejected with row, field and reason,
 * the search filters {@code consent} and {@code share_with} count exactly the imported rows, and a records export
 * imports back with its consent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentImportApiTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    RejectedRowsCsv rejectedRows;

    private final ObjectMapper json = new ObjectMapper();
    private final String source = "Consent " + UUID.randomUUID();
    private ImportResult csvResult;
    private ImportResult xlsxResult;
    private ImportResult jsonlResult;

    @BeforeAll
    void importThreeFiles() throws IOException {
        String csv = """
                report_id,victim_name,consent_to_share,share_with,consent_date,consent_note
                C1,Consent One,yes,any,2024-03-14,Agreed by his mother at the office
                C2,Consent Two,نعم,الجميع,14/03/2024,
                C3,Consent Three,Yes,UN IIMP; SNHR,,
                C4,Consent Four,no,,,
                C5,Consent Five,لا,,,
                C6,Consent Six,unknown,,,
                C7,Consent Seven,,,,
                C8,Consent Eight,غير معروف,,,
                C9,Consent Nine,maybe,,,
                C10,Consent Ten,yes,any,2024-03,
                """;
        csvResult = importBytes(csv.getBytes(StandardCharsets.UTF_8), "consent.csv");
        xlsxResult = importBytes(workbook(), "consent.xlsx");
        String jsonl = """
                {"report_id": "J1", "victim_name": "Consent J One", "consent_to_share": "yes", "share_with": "any"}
                {"report_id": "J2", "victim_name": "Consent J Two", "consent_to_share": "", "share_with": "UN IIMP"}
                """;
        jsonlResult = importBytes(jsonl.getBytes(StandardCharsets.UTF_8), "consent.jsonl");
    }

    /** X1: yes for UN IIMP with a date; X2: no. Arabic headers only. */
    private static byte[] workbook() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("reports");
            String[][] rows = {
                {"رقم البلاغ", "اسم الضحية", "الموافقة على المشاركة", "المشاركة مع", "تاريخ الموافقة", "ملاحظة الموافقة"
                },
                {"X1", "Consent X One", "نعم", "UN IIMP", "2023-11-02", "ملاحظة"},
                {"X2", "Consent X Two", "لا", "", "", ""}
            };
            for (int i = 0; i < rows.length; i++) {
                Row row = sheet.createRow(i);
                for (int c = 0; c < rows[i].length; c++) {
                    row.createCell(c).setCellValue(rows[i][c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private ImportResult importBytes(byte[] bytes, String name) throws IOException {
        return importBytes(bytes, name, source);
    }

    private ImportResult importBytes(byte[] bytes, String name, String into) throws IOException {
        return imports.importFile(
                new ByteArrayInputStream(bytes), name, new ImportOptions(Optional.of(into), "test", false), c -> {});
    }

    @Test
    void yes_no_and_unknown_in_english_and_arabic_are_stored_and_an_empty_cell_is_unknown() throws IOException {
        assertThat(xlsxResult.rejected()).as("%s", xlsxResult.errors()).isZero();
        assertThat(jsonlResult.rejected()).as("%s", jsonlResult.errors()).isZero();
        assertThat(state("C1")).isEqualTo("yes");
        assertThat(state("C2")).isEqualTo("yes");
        assertThat(state("C4")).isEqualTo("no");
        assertThat(state("C5")).isEqualTo("no");
        assertThat(state("C6")).isEqualTo("unknown");
        assertThat(state("C7")).isEqualTo("unknown");
        assertThat(state("C8")).isEqualTo("unknown");
        assertThat(state("X1")).isEqualTo("yes");
        assertThat(state("X2")).isEqualTo("no");
        assertThat(state("J2")).as("an empty cell").isEqualTo("unknown");

        JsonNode c1 = report("C1").get("consent");
        assertThat(c1.get("share_with").get(0).asText()).isEqualTo("any");
        assertThat(c1.get("date").asText()).isEqualTo("2024-03-14");
        assertThat(c1.get("note").asText()).isEqualTo("Agreed by his mother at the office");
        assertThat(report("C2").get("consent").get("share_with").get(0).asText())
                .as("الجميع is any")
                .isEqualTo("any");
        assertThat(report("C2").get("consent").get("date").asText()).isEqualTo("2024-03-14");
        assertThat(report("C3").get("consent").get("share_with"))
                .extracting(JsonNode::asText)
                .containsExactly("UN IIMP", "SNHR");
        JsonNode x1 = report("X1").get("consent");
        assertThat(x1.get("share_with").get(0).asText()).isEqualTo("UN IIMP");
        assertThat(x1.get("date").asText()).isEqualTo("2023-11-02");
        assertThat(x1.get("note").asText()).isEqualTo("ملاحظة");
        assertThat(report("J2").get("consent").get("share_with").get(0).asText())
                .as("a contradictory row is kept as written")
                .isEqualTo("UN IIMP");
    }

    @Test
    void a_bad_state_and_a_consent_date_without_a_day_are_rejected_with_row_field_and_reason() throws IOException {
        assertThat(csvResult.indexed() + csvResult.updated() + csvResult.unchanged())
                .isEqualTo(8);
        assertThat(csvResult.rejected()).isEqualTo(2);
        assertThat(csvResult.errors())
                .extracting(RowError::row, RowError::field)
                .containsExactly(tuple(9L, "consent_to_share"), tuple(10L, "consent_date"));
        assertThat(csvResult.errors().get(0).message()).contains("'maybe'").contains("yes, no, unknown");
        assertThat(csvResult.errors().get(1).message()).contains("'2024-03'").contains("not a full date");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rejectedRows.write(csvResult.batchId(), out);
        List<CSVRecord> rejected = parse(out.toString(StandardCharsets.UTF_8));
        assertThat(rejected.get(0).getParser().getHeaderNames())
                .contains("consent_to_share", "share_with", "consent_date", "consent_note");
        assertThat(rejected)
                .extracting(r -> r.get("consent_to_share"), r -> r.get("share_with"), r -> r.get("consent_date"))
                .containsExactly(tuple("maybe", "", ""), tuple("yes", "any", "2024-03"));
    }

    @Test
    void counts_by_consent_and_by_recipient_through_the_api_match_the_imported_rows() throws IOException {
        // yes: C1 C2 C3 X1 J1; no: C4 C5 X2; unknown: C6 C7 C8 J2.
        assertThat(total("consent=yes")).isEqualTo(5);
        assertThat(total("consent=no")).isEqualTo(3);
        assertThat(total("consent=unknown")).isEqualTo(4);
        assertThat(total("consent=yes&consent=no")).isEqualTo(8);
        assertThat(total("consent=no,unknown")).isEqualTo(7);
        // share_with names the recipient or says any, whatever the state: C1 C2 C3 X1 J1 J2.
        assertThat(total("share_with=" + enc("UN IIMP"))).isEqualTo(6);
        assertThat(total("share_with=" + enc("un iimp"))).as("compared folded").isEqualTo(6);
        assertThat(total("share_with=SNHR")).isEqualTo(4);
        assertThat(total("share_with=" + enc("Another Partner"))).isEqualTo(3);
        assertThat(total("consent=yes&share_with=" + enc("UN IIMP")))
                .as("shareable with UN IIMP")
                .isEqualTo(5);

        JsonNode stats =
                get("/api/v1/stats/perpetrator?source=" + enc(source) + "&consent=yes&count=reports&profile=internal");
        assertThat(stats.get("total").asLong()).isEqualTo(5);
    }

    @Test
    void a_bad_consent_value_or_a_consent_filter_on_public_figures_is_a_400_naming_the_parameter() {
        ResponseEntity<String> bad = http.getForEntity(uri("/api/v1/reports?consent=maybe"), String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("\"parameter\":\"consent\"").contains("yes, no, unknown");

        ResponseEntity<String> twice =
                http.getForEntity(uri("/api/v1/reports?share_with=A&share_with=B"), String.class);
        assertThat(twice.getStatusCode().value()).isEqualTo(400);
        assertThat(twice.getBody()).contains("\"parameter\":\"share_with\"");

        ResponseEntity<String> publicFigures =
                http.getForEntity(uri("/api/v1/stats/perpetrator?consent=yes&profile=public"), String.class);
        assertThat(publicFigures.getStatusCode().value()).isEqualTo(400);
        assertThat(publicFigures.getBody()).contains("\"parameter\":\"consent\"");
    }

    @Test
    void a_records_export_carries_the_consent_columns_and_imports_back_with_its_consent() throws IOException {
        ResponseEntity<byte[]> r =
                http.getForEntity(uri("/api/v1/exports/records.csv?source=" + enc(source)), byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        String text = new String(r.getBody(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = parse(text);
        Map<String, CSVRecord> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(row.get("report_id"), row));
        assertThat(byId.get("C3").get("consent_to_share")).isEqualTo("yes");
        assertThat(byId.get("C3").get("share_with")).isEqualTo("UN IIMP; SNHR");
        assertThat(byId.get("C1").get("consent_date")).isEqualTo("2024-03-14");
        assertThat(byId.get("C1").get("consent_note")).isEqualTo("Agreed by his mother at the office");
        assertThat(byId.get("C7").get("consent_to_share")).isEqualTo("unknown");

        // The same rows under another source: the consent must come back from the export alone.
        String copy = "Consent copy " + UUID.randomUUID();
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        List<String> header = rows.get(0).getParser().getHeaderNames();
        try (CSVPrinter printer = new CSVPrinter(
                new OutputStreamWriter(again, StandardCharsets.UTF_8),
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (CSVRecord row : rows) {
                Map<String, String> values = new LinkedHashMap<>(row.toMap());
                values.put("source", copy);
                printer.printRecord(new ArrayList<>(values.values()));
            }
        }
        ImportResult back = importBytes(again.toByteArray(), "export.csv", copy);
        assertThat(back.rejected()).as("%s", back.errors()).isZero();
        assertThat(total(copy, "consent=yes")).isEqualTo(5);
        assertThat(total(copy, "consent=no")).isEqualTo(3);
        assertThat(total(copy, "consent=unknown")).isEqualTo(4);
        assertThat(total(copy, "consent=yes&share_with=SNHR")).isEqualTo(4);
    }

    private String state(String reportId) throws IOException {
        return report(reportId).get("consent").get("state").asText();
    }

    private JsonNode report(String reportId) throws IOException {
        return get("/api/v1/reports/" + Report.idFor(source, reportId));
    }

    private long total(String filters) throws IOException {
        return total(source, filters);
    }

    private long total(String from, String filters) throws IOException {
        return get("/api/v1/reports?size=1&source=" + enc(from) + "&" + filters)
                .get("total")
                .asLong();
    }

    private JsonNode get(String path) throws IOException {
        ResponseEntity<String> r = http.getForEntity(uri(path), String.class);
        assertThat(r.getStatusCode().value()).as("%s: %s", path, r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    private URI uri(String path) {
        return URI.create(http.getRootUri() + path);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        String body = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body))
                .getRecords();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
