package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.search.RedactionFixture;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code /api/v1/exports/...} over HTTP against the real engine: the bytes of the CSV and JSON Lines, the workbook
 * opened with POI (figures equal to the statistics API, native charts over the right cells, records, Arabic and
 * right-to-left), the formula guard, who may have what (403/401), and the audit entry of each file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsApiTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    private final ObjectMapper json = new ObjectMapper();
    private final ExportFixture fixture = new ExportFixture();
    private final String redactionSource = "Export Redaction " + UUID.randomUUID();
    private String scope;
    private String writer;
    private String advocacy;

    @BeforeAll
    void load() throws IOException {
        fixture.load(imports);
        RedactionFixture.importInto(imports, redactionSource);
        scope = "source=" + enc(fixture.source);
        writer = tokens.create(TestUsers.create(users, Role.WRITER).username(), "exports")
                .secret();
        advocacy = tokens.create(TestUsers.create(users, Role.ADVOCACY).username(), "exports")
                .secret();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private ResponseEntity<byte[]> asAdmin(String path) {
        return http.getForEntity(URI.create(http.getRootUri() + "/api/v1/exports/" + path), byte[].class);
    }

    private ResponseEntity<byte[]> withToken(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return anonymous.exchange(
                URI.create(anonymous.getRootUri() + "/api/v1/exports/" + path),
                HttpMethod.GET,
                new HttpEntity<>(headers),
                byte[].class);
    }

    private byte[] ok(ResponseEntity<byte[]> r) {
        assertThat(r.getStatusCode())
                .as(r.getBody() == null ? "" : new String(r.getBody(), StandardCharsets.UTF_8))
                .isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    /** The statistics API counting persons, as the workbook does by default. */
    private JsonNode stats(String path) throws IOException {
        ResponseEntity<String> r = http.getForEntity(
                URI.create(http.getRootUri() + "/api/v1/stats/" + path + (path.contains("?") ? "&" : "?")
                        + "count=persons"),
                String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    }

    private static Map<String, String> row(List<CSVRecord> records, String reportId) {
        List<String> header = records.get(0).toList();
        CSVRecord found = records.stream()
                .filter(r -> r.get(1).equals(reportId))
                .findFirst()
                .orElseThrow();
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            out.put(header.get(i), found.get(i));
        }
        return out;
    }

    @Test
    void the_csv_starts_with_a_bom_has_the_header_and_one_quoted_row_per_report_in_utf8() throws IOException {
        byte[] bytes = ok(asAdmin("records.csv?" + scope));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.substring(1))
                .startsWith(
                        "id,report_id,source,victim_name,victim_name_latin,gender,age,"
                                + "age_group,occupation,disappeared_on,disappeared_from,disappeared_to,date_precision,governorate,");
        assertThat(text).contains("\r\n").contains("سلمى الزعفرانية").contains("حي النرجسة");
        assertThat(text).contains("\"Synthetic export fixture, with a comma and \"\"quotes\"\".\"");
        List<CSVRecord> records = csv(bytes);
        assertThat(records).hasSize(ExportFixture.ROWS + 1);
        Map<String, String> e2 = row(records, "E2");
        assertThat(e2.get("disappeared_on")).isEqualTo("2015-07");
        assertThat(e2.get("disappeared_from")).isEqualTo("2015-07-01");
        assertThat(e2.get("disappeared_to")).isEqualTo("2015-07-31");
        assertThat(e2.get("date_precision")).isEqualTo("month");
        assertThat(e2.get("governorate")).isEqualTo("SY04");
        assertThat(e2.get("governorate_name")).isEqualTo("Homs");
        assertThat(e2.get("status_date")).isEqualTo("2016-01-05");
        assertThat(e2.get("link")).isEqualTo(http.getRootUri() + "/report/" + Report.idFor(fixture.source, "E2"));
        Map<String, String> e4 = row(records, "E4");
        assertThat(e4.get("date_precision")).isEqualTo("unknown");
        assertThat(e4.get("disappeared_on")).isEmpty();
        assertThat(row(records, "E3").get("disappeared_on")).isEqualTo("2016");
        assertThat(row(records, "E1").get("latitude")).isEqualTo("36.2");
    }

    @Test
    void every_text_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe_in_the_csv() throws IOException {
        Map<String, String> e1 = row(csv(ok(asAdmin("records.csv?" + scope))), "E1");
        assertThat(e1.get("occupation")).isEqualTo("'=HYPERLINK(\"http://example.invalid\",\"click\")");
        assertThat(e1.get("perpetrator_detail")).isEqualTo("'+Branch 215");
        assertThat(e1.get("narrative")).startsWith("'-Synthetic export fixture");
        Map<String, String> e2 = row(csv(ok(asAdmin("records.csv?" + scope))), "E2");
        assertThat(e2.get("occupation")).isEqualTo("'@teacher");
        assertThat(e2.get("narrative")).startsWith("Synthetic");
    }

    @Test
    void an_arabic_csv_has_the_arabic_headers_the_importer_reads_and_arabic_place_names() throws IOException {
        List<CSVRecord> records = csv(ok(asAdmin("records.csv?" + scope + "&lang=ar")));
        assertThat(records.get(0).toList()).startsWith("معرف أثر", "رقم البلاغ", "المصدر", "اسم الضحية");
        assertThat(row(records, "E2").get("اسم المحافظة")).isEqualTo("حمص");
    }

    @Test
    void json_lines_hold_one_report_per_line_with_its_link() throws IOException {
        String text = new String(ok(asAdmin("records.jsonl?" + scope)), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(ExportFixture.ROWS);
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            JsonNode report = json.readTree(line);
            ids.add(report.get("report_id").asText());
            assertThat(report.get("link").asText())
                    .endsWith("/report/" + report.get("id").asText());
            assertThat(report.get("identities_withheld").asBoolean()).isFalse();
        }
        assertThat(ids).containsExactlyInAnyOrder("E1", "E2", "E3", "E4", "E5", "E6");
        assertThat(text).contains("\"name\":\"سلمى الزعفرانية\"").contains("\"precision\":\"month\"");
    }

    @Test
    void the_workbook_figures_equal_the_statistics_api_and_each_table_has_a_native_chart_over_its_cells()
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ok(asAdmin("workbook.xlsx?" + scope))))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names)
                    .containsExactly(
                            "About",
                            "By governorate",
                            "By perpetrator",
                            "By status",
                            "Over time",
                            "Cross-tab",
                            "Records");
            assertBreakdown(wb.getSheet("By governorate"), stats("governorate?" + scope), "By governorate");
            assertBreakdown(wb.getSheet("By perpetrator"), stats("perpetrator?" + scope), "By perpetrator");
            assertBreakdown(wb.getSheet("By status"), stats("status?" + scope), "By status");
            JsonNode months = stats("month?" + scope);
            XSSFSheet time = wb.getSheet("Over time");
            assertBreakdown(time, months, "Over time");
            int n = months.get("buckets").size();
            assertThat(time.getRow(n + 2).getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(time.getRow(n + 2).getCell(2).getNumericCellValue()).isEqualTo(6);
            assertThat(time.getRow(n + 3).getCell(0).getStringCellValue()).isEqualTo("Too imprecise for a month");
            assertThat(time.getRow(n + 3).getCell(2).getNumericCellValue())
                    .isEqualTo(months.get("imprecise").asLong())
                    .isEqualTo(2);
            CTPlotArea line = chart(time).getCTChart().getPlotArea();
            assertThat(line.getLineChartArray()).hasSize(1);
            assertThat(line.getLineChartArray(0)
                            .getSerArray(0)
                            .getCat()
                            .getStrRef()
                            .getF())
                    .isEqualTo("'Over time'!$A$2:$A$" + (n + 1));

            JsonNode t = stats("crosstab?rows=governorate&columns=perpetrator&" + scope);
            XSSFSheet cross = wb.getSheet("Cross-tab");
            int cols = t.get("columns").size();
            for (int c = 0; c < cols; c++) {
                assertThat(cross.getRow(0).getCell(c + 1).getStringCellValue())
                        .isEqualTo(t.get("columns").get(c).get("label").asText());
            }
            assertThat(cross.getRow(0).getCell(cols + 1).getStringCellValue()).isEqualTo("Total");
            for (int r = 0; r < t.get("rows").size(); r++) {
                Row row = cross.getRow(r + 1);
                assertThat(row.getCell(0).getStringCellValue())
                        .isEqualTo(t.get("rows").get(r).get("label").asText());
                for (int c = 0; c < cols; c++) {
                    assertThat(row.getCell(c + 1).getNumericCellValue())
                            .isEqualTo(t.get("cells").get(r).get(c).asLong());
                }
                assertThat(row.getCell(cols + 1).getNumericCellValue())
                        .isEqualTo(t.get("rowTotals").get(r).asLong());
            }
            Row totals = cross.getRow(t.get("rows").size() + 1);
            assertThat(totals.getCell(cols + 1).getNumericCellValue())
                    .isEqualTo(t.get("total").asLong());
            CTPlotArea stacked = chart(cross).getCTChart().getPlotArea();
            assertThat(stacked.getBarChartArray(0).getSerArray()).hasSize(cols);
            int last = t.get("rows").size() + 1;
            assertThat(stacked.getBarChartArray(0)
                            .getSerArray(0)
                            .getCat()
                            .getStrRef()
                            .getF())
                    .isEqualTo("'Cross-tab'!$A$2:$A$" + last);
            assertThat(stacked.getBarChartArray(0)
                            .getSerArray(1)
                            .getVal()
                            .getNumRef()
                            .getF())
                    .isEqualTo("'Cross-tab'!$C$2:$C$" + last);
            assertThat(stacked.getBarChartArray(0).getGrouping().getVal().toString())
                    .isEqualTo("stacked");
        }
    }

    private static XSSFChart chart(XSSFSheet sheet) {
        List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
        assertThat(charts).as(sheet.getSheetName()).hasSize(1);
        return charts.get(0);
    }

    /** Labels, keys and counts row by row as the API lists them; frozen bold header, autofilter, chart ranges. */
    private static void assertBreakdown(XSSFSheet sheet, JsonNode api, String name) {
        JsonNode buckets = api.get("buckets");
        assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Persons");
        assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold())
                .isTrue();
        for (int i = 0; i < buckets.size(); i++) {
            Row row = sheet.getRow(i + 1);
            assertThat(row.getCell(0).getStringCellValue())
                    .isEqualTo(buckets.get(i).get("label").asText());
            assertThat(row.getCell(1).getStringCellValue())
                    .isEqualTo(buckets.get(i).get("key").asText());
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(2).getNumericCellValue())
                    .isEqualTo(buckets.get(i).get("count").asLong());
        }
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
        assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:C" + (buckets.size() + 1));
        assertThat(sheet.getColumnWidth(0)).isGreaterThan(10 * 256);
        CTPlotArea plot = chart(sheet).getCTChart().getPlotArea();
        var series = name.equals("Over time")
                ? plot.getLineChartArray(0).getSerArray(0).getCat().getStrRef().getF()
                : plot.getBarChartArray(0).getSerArray(0).getCat().getStrRef().getF();
        var values = name.equals("Over time")
                ? plot.getLineChartArray(0).getSerArray(0).getVal().getNumRef().getF()
                : plot.getBarChartArray(0).getSerArray(0).getVal().getNumRef().getF();
        assertThat(series).isEqualTo("'" + name + "'!$A$2:$A$" + (buckets.size() + 1));
        assertThat(values).isEqualTo("'" + name + "'!$C$2:$C$" + (buckets.size() + 1));
    }

    @Test
    void the_records_sheet_has_date_cells_a_precision_column_links_and_guarded_formulas() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ok(asAdmin("workbook.xlsx?" + scope))))) {
            XSSFSheet records = wb.getSheet("Records");
            assertThat(records.getLastRowNum()).isEqualTo(ExportFixture.ROWS);
            List<String> header = new ArrayList<>();
            records.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            Row e1 = null;
            for (int r = 1; r <= ExportFixture.ROWS; r++) {
                if (records.getRow(r)
                        .getCell(header.indexOf("report_id"))
                        .getStringCellValue()
                        .equals("E1")) {
                    e1 = records.getRow(r);
                }
            }
            assertThat(e1).isNotNull();
            Cell from = e1.getCell(header.indexOf("disappeared_from"));
            assertThat(from.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(from)).isTrue();
            assertThat(from.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2014, 2, 11));
            assertThat(e1.getCell(header.indexOf("date_precision")).getStringCellValue())
                    .isEqualTo("day");
            assertThat(e1.getCell(header.indexOf("age")).getNumericCellValue()).isEqualTo(29);
            assertThat(e1.getCell(header.indexOf("occupation")).getStringCellValue())
                    .isEqualTo("'=HYPERLINK(\"http://example.invalid\",\"click\")");
            assertThat(e1.getCell(header.indexOf("occupation")).getCellType()).isEqualTo(CellType.STRING);
            assertThat(e1.getCell(header.indexOf("perpetrator_detail")).getStringCellValue())
                    .isEqualTo("'+Branch 215");
            assertThat(e1.getCell(header.indexOf("victim_name")).getStringCellValue())
                    .isEqualTo("سلمى الزعفرانية");
            assertThat(e1.getCell(header.indexOf("link")).getStringCellValue())
                    .endsWith("/report/" + Report.idFor(fixture.source, "E1"));
            assertThat(records.getPaneInformation().isFreezePane()).isTrue();
            assertThat(records.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:");
            String about = sheetText(wb.getSheet("About"));
            assertThat(about)
                    .contains("Documented cases, not the total number of disappearances.")
                    .contains("synthetic demo data")
                    .contains(fixture.source)
                    .contains("athar-reports")
                    .contains("On the sheet Records: 6 reports");
        }
    }

    private static String sheetText(XSSFSheet sheet) {
        StringBuilder out = new StringBuilder();
        sheet.forEach(row -> row.forEach(c -> out.append(c.toString()).append('\n')));
        return out.toString();
    }

    @Test
    void an_arabic_workbook_has_arabic_sheets_and_labels_laid_out_right_to_left() throws IOException {
        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(ok(asAdmin("workbook.xlsx?" + scope + "&lang=ar"))))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("حول");
            assertThat(wb.getSheet("حسب المحافظة")).isNotNull();
            wb.forEach(s -> assertThat(((XSSFSheet) s).isRightToLeft())
                    .as(s.getSheetName())
                    .isTrue());
            JsonNode api = stats("governorate?" + scope + "&lang=ar");
            XSSFSheet sheet = wb.getSheet("حسب المحافظة");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("حلب")
                    .isEqualTo(api.get("buckets").get(0).get("label").asText());
            assertThat(sheetText(wb.getSheet("حول"))).contains("حالات موثقة، وليست العدد الكلي لحالات الاختفاء.");
            assertThat(wb.getSheet("السجلات")).isNotNull();
        }
    }

    @Test
    void a_public_workbook_writes_withheld_figures_as_text_takes_the_margins_of_the_cross_tab_and_has_no_records()
            throws IOException {
        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(ok(asAdmin("workbook.xlsx?" + scope + "&profile=public"))))) {
            assertThat(wb.getSheet("Records")).isNull();
            assertThat(sheetText(wb.getSheet("About")))
                    .contains("Not included: a workbook of public figures")
                    .contains("Withheld: fewer than 5");
            JsonNode t = stats("crosstab?rows=governorate&columns=perpetrator&profile=public&" + scope);
            XSSFSheet governorates = wb.getSheet("By governorate");
            for (int r = 0; r < t.get("rows").size(); r++) {
                Cell cell = governorates.getRow(r + 1).getCell(2);
                JsonNode total = t.get("rowTotals").get(r);
                if (total.isNull()) {
                    assertThat(cell.getStringCellValue()).isEqualTo("withheld");
                } else {
                    assertThat(cell.getNumericCellValue()).isEqualTo(total.asLong());
                }
            }
            // Six reports: every governorate count is below 5, so none is printed as a number.
            assertThat(governorates.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.STRING);
        }
    }

    @Test
    void a_writer_gets_a_workbook_of_figures_without_any_name_and_no_records() throws IOException {
        byte[] workbook = ok(withToken(writer, "workbook.xlsx?source=" + enc(redactionSource)));
        RedactionFixture.assertNoIdentityIn("a writer's workbook", ExportFixture.unzipped(workbook));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(wb.getSheet("Records")).isNull();
            assertThat(sheetText(wb.getSheet("About"))).contains("Not included: your role exports figures only");
            assertThat(wb.getSheet("By governorate").getRow(1).getCell(2).getNumericCellValue())
                    .isEqualTo(1);
        }
        // The same search finds the names in an analyst-grade workbook, so the check above can fail.
        RedactionFixture.assertAllIdentitiesIn(
                "the admin's workbook",
                ExportFixture.unzipped(ok(asAdmin("workbook.xlsx?source=" + enc(redactionSource)))));
        ResponseEntity<byte[]> csv = withToken(writer, "records.csv?source=" + enc(redactionSource));
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).contains("EXPORT_RECORDS");
        assertThat(withToken(writer, "records.jsonl?" + scope).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void advocacy_gets_the_public_workbook_and_a_403_for_internal_figures_or_records() {
        ResponseEntity<byte[]> internal = withToken(advocacy, "workbook.xlsx?" + scope + "&profile=internal");
        assertThat(internal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new String(internal.getBody(), StandardCharsets.UTF_8)).contains("SEE_EXACT_COUNTS");
        ok(withToken(advocacy, "workbook.xlsx?" + scope));
        assertThat(withToken(advocacy, "records.csv?" + scope).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anonymous_callers_get_a_401_for_every_export() {
        for (String path : List.of("records.csv", "records.jsonl", "workbook.xlsx")) {
            ResponseEntity<byte[]> r = withToken(null, path + "?" + scope);
            assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(new String(r.getBody(), StandardCharsets.UTF_8)).contains("\"error\"");
        }
    }

    @Test
    void bad_parameters_are_a_400_naming_the_parameter() throws IOException {
        for (String[] c : new String[][] {
            {"workbook.xlsx?profile=secret", "profile"},
            {"records.csv?lang=fr", "lang"},
            {"records.csv?profile=public", "profile"},
            {"workbook.xlsx?governorate=SY99", "governorate"}
        }) {
            ResponseEntity<byte[]> r = asAdmin(c[0]);
            assertThat(r.getStatusCode()).as(c[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(r.getBody()).get("parameter").asText()).isEqualTo(c[1]);
        }
    }

    @Test
    void every_export_is_in_the_audit_log_with_its_kind_filters_profile_and_row_count() throws IOException {
        ok(asAdmin("records.csv?" + scope));
        List<AuditEntry> entries = audit.find(
                        Viewer.system("test"),
                        new AuditFilter(
                                Optional.of("admin"),
                                Optional.of(AuditAction.EXPORT),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        0,
                        50)
                .entries();
        AuditEntry entry = entries.stream()
                .filter(e -> fixture.source.equals(e.details().get("source"))
                        && "records_csv".equals(e.details().get("kind")))
                .findFirst()
                .orElseThrow();
        assertThat(entry.details())
                .containsEntry("rows", "6")
                .containsEntry("profile", "internal")
                .containsEntry("lang", "en");
        assertThat(entry.clientAddress()).isEqualTo("127.0.0.1");
    }
}
