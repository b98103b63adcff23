package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.text.TextAlignment;
import org.apache.poi.xddf.usermodel.text.XDDFTextParagraph;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The workbook's native charts as a reader opens them (issue 18 #14): each carries its title, the source line and
 * the caveat the rendered charts carry; Arabic charts run right to left (categories from the right, value axis on
 * the right, right-aligned titles); and the count chosen (persons or reports) reaches the About sheet, the headers,
 * the chart titles and the figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbookChartsApiTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    private final ExportFixture fixture = new ExportFixture();
    private String scope;

    @BeforeAll
    void load() throws IOException {
        fixture.load(imports);
        scope = "source=" + URLEncoder.encode(fixture.source, StandardCharsets.UTF_8);
    }

    private XSSFWorkbook workbook(String query) throws IOException {
        ResponseEntity<byte[]> r = http.getForEntity(
                URI.create(http.getRootUri() + "/api/v1/exports/workbook.xlsx?" + scope + query), byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(r.getBody()));
    }

    private static List<XSSFChart> charts(XSSFWorkbook wb) {
        List<XSSFChart> out = new ArrayList<>();
        for (Sheet s : wb) {
            XSSFDrawing drawing = ((XSSFSheet) s).getDrawingPatriarch();
            if (drawing != null) {
                out.addAll(drawing.getCharts());
            }
        }
        return out;
    }

    private static List<String> titleLines(XSSFChart chart) {
        return chart.getTitle().getBody().getParagraphs().stream()
                .map(XDDFTextParagraph::getText)
                .toList();
    }

    private static String aboutValue(XSSFSheet about, String label) {
        for (var row : about) {
            if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(label)) {
                return row.getCell(1).getStringCellValue();
            }
        }
        throw new AssertionError("no line '" + label + "' in the About sheet");
    }

    @Test
    void every_chart_of_the_workbook_carries_its_title_the_source_line_and_the_caveat() throws IOException {
        try (XSSFWorkbook wb = workbook("")) {
            List<XSSFChart> charts = charts(wb);
            assertThat(charts).hasSize(5);
            for (XSSFChart chart : charts) {
                List<String> lines = titleLines(chart);
                assertThat(lines).hasSize(3);
                assertThat(lines.get(0)).startsWith("Persons by ");
                assertThat(lines.get(1)).startsWith("Source: Athar · sources: " + fixture.source + " · generated ");
                assertThat(lines.get(2)).isEqualTo("Documented cases, not the total number of disappearances.");
                assertThat(chart.getTitle().getBody().getParagraph(0).getTextAlignment())
                        .isEqualTo(TextAlignment.CENTER);
                for (XDDFChartAxis axis : chart.getAxes()) {
                    if (axis instanceof XDDFCategoryAxis) {
                        assertThat(axis.getOrientation()).isEqualTo(AxisOrientation.MIN_MAX);
                    } else if (axis instanceof XDDFValueAxis) {
                        assertThat(axis.getPosition()).isEqualTo(AxisPosition.LEFT);
                    }
                }
            }
            assertThat(titleLines(charts.get(0)).get(1))
                    .as("only the sources behind the figures")
                    .doesNotContain("Export Redaction")
                    .doesNotContain("Exports UI");
        }
    }

    @Test
    void arabic_workbook_charts_run_right_to_left_with_the_arabic_source_line_and_caveat() throws IOException {
        try (XSSFWorkbook wb = workbook("&lang=ar")) {
            wb.forEach(s -> assertThat(((XSSFSheet) s).isRightToLeft())
                    .as(s.getSheetName())
                    .isTrue());
            List<XSSFChart> charts = charts(wb);
            assertThat(charts).hasSize(5);
            for (XSSFChart chart : charts) {
                List<String> lines = titleLines(chart);
                assertThat(lines.get(0)).startsWith("الأشخاص حسب");
                assertThat(lines.get(1)).contains(fixture.source);
                assertThat(lines.get(2)).isEqualTo("حالات موثقة، وليست العدد الكلي لحالات الاختفاء.");
                for (XDDFTextParagraph p : chart.getTitle().getBody().getParagraphs()) {
                    assertThat(p.getTextAlignment()).isEqualTo(TextAlignment.RIGHT);
                    assertThat(p.isRightToLeft()).isTrue();
                }
                List<? extends XDDFChartAxis> axes = chart.getAxes();
                assertThat(axes).hasSize(2);
                for (XDDFChartAxis axis : axes) {
                    if (axis instanceof XDDFCategoryAxis) {
                        assertThat(axis.getOrientation())
                                .as("first category on the right")
                                .isEqualTo(AxisOrientation.MAX_MIN);
                    } else {
                        assertThat(axis.getPosition())
                                .as("value axis on the right")
                                .isEqualTo(AxisPosition.RIGHT);
                    }
                }
            }
        }
    }

    @Test
    void the_count_chosen_reaches_the_about_sheet_the_headers_the_chart_titles_and_the_figures() throws IOException {
        JsonNode stats = new ObjectMapper()
                .readTree(http.getForEntity(
                                URI.create(http.getRootUri() + "/api/v1/stats/governorate?count=reports&" + scope),
                                String.class)
                        .getBody());
        try (XSSFWorkbook wb = workbook("&count=reports")) {
            XSSFSheet about = wb.getSheet("About");
            assertThat(aboutValue(about, "Counted")).startsWith("Counting reports");
            assertThat(aboutValue(about, "Total reports")).isEqualTo("6");
            XSSFSheet sheet = wb.getSheet("By governorate");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Reports");
            JsonNode buckets = stats.get("buckets");
            for (int i = 0; i < buckets.size(); i++) {
                assertThat(sheet.getRow(i + 1).getCell(2).getNumericCellValue())
                        .isEqualTo(buckets.get(i).get("count").asLong());
            }
            assertThat(charts(wb))
                    .allSatisfy(c -> assertThat(titleLines(c).get(0)).startsWith("Reports by "));
        }
        try (XSSFWorkbook wb = workbook("&count=persons")) {
            assertThat(aboutValue(wb.getSheet("About"), "Counted")).startsWith("Counting persons");
            assertThat(wb.getSheet("By governorate").getRow(0).getCell(2).getStringCellValue())
                    .isEqualTo("Persons");
            // The note under the time sheet speaks of what is counted (it said "Reports whose date …" for persons).
            assertThat(sheetText(wb.getSheet("Over time")))
                    .contains("Persons whose reports give a date")
                    .doesNotContain("Reports whose date");
        }
        try (XSSFWorkbook wb = workbook("&count=reports")) {
            assertThat(sheetText(wb.getSheet("Over time"))).contains("Reports whose date");
        }
    }

    private static String sheetText(XSSFSheet sheet) {
        StringBuilder out = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                out.append(cell.getStringCellValue()).append('\n');
            }
        }));
        return out.toString();
    }
}
