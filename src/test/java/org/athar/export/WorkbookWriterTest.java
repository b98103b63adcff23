package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.CrossTab;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Heading;
import org.athar.i18n.Messages;
import org.athar.report.AgeGroup;
import org.athar.report.Disappearance;
import org.athar.report.Gazetteer;
import org.athar.report.Gender;
import org.athar.report.Perpetrator;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Place;
import org.athar.report.Provenance;
import org.athar.report.Report;
import org.athar.report.ReportDate;
import org.athar.report.ReportStatus;
import org.athar.report.Victim;
import org.athar.report.VisibleReport;
import org.athar.search.Dimension;
import org.junit.jupiter.api.Test;

/**
 * The workbook writer on its own (no engine): records roll over to "Records (2)" and on when a sheet is full (with the
 * limit lowered from Excel's 1,048,576 rows), every report is written exactly once, and the stacked cross-tab chart
 * overlaps its segments.
 */
class WorkbookWriterTest {

    private static final Messages MESSAGES = new Messages();
    private static final Gazetteer GAZETTEER = Gazetteer.load();
    static final String SOURCE_LINE = "Source: Athar · sources: Writer Test Org · generated 6 December 2026";
    static final String CAVEAT = "Documented cases, not the total number of disappearances.";

    static VisibleReport report(int n) {
        Report r = new Report(
                "W" + n,
                "Writer Test Org",
                new Victim(
                        "Synthetic Person " + n,
                        Optional.empty(),
                        Gender.FEMALE,
                        Optional.of(30),
                        AgeGroup.ADULT,
                        Optional.empty()),
                Disappearance.of(ReportDate.day(LocalDate.of(2013, 3, 1 + n % 28))),
                new Place("SY02", Place.UNKNOWN, Optional.empty(), Optional.empty()),
                new Perpetrator(PerpetratorCategory.GOVERNMENT, Optional.empty()),
                ReportStatus.MISSING,
                Optional.empty(),
                Optional.of(n % 2 == 0 ? "=1+1 synthetic" : "Synthetic narrative"),
                true,
                new Provenance(
                        "b1",
                        "test.csv",
                        n + 1,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        "test",
                        "0".repeat(64),
                        Provenance.KEYED),
                null);
        return VisibleReport.full(r);
    }

    static WorkbookWriter.Content content(List<VisibleReport> reports) {
        Breakdown governorates = new Breakdown(
                Dimension.GOVERNORATE,
                DisclosureProfile.INTERNAL,
                OptionalLong.of(reports.size()),
                OptionalLong.of(0),
                List.of(new Bucket("SY02", "Aleppo", OptionalLong.of(reports.size()))));
        CrossTab t = new CrossTab(
                Dimension.GOVERNORATE,
                Dimension.PERPETRATOR,
                DisclosureProfile.INTERNAL,
                List.of(new Heading("SY02", "Aleppo")),
                List.of(new Heading("government", "Government"), new Heading("isis", "ISIS")),
                List.of(List.of(OptionalLong.of(reports.size()), OptionalLong.of(0))),
                List.of(OptionalLong.of(reports.size())),
                List.of(OptionalLong.of(reports.size()), OptionalLong.of(0)),
                OptionalLong.of(reports.size()),
                OptionalLong.of(0));
        RecordColumns columns = new RecordColumns(MESSAGES, GAZETTEER, Messages.ENGLISH, "http://athar.test/report/");
        WorkbookWriter.Records records = new WorkbookWriter.Records("Records", columns, each -> reports.forEach(each));
        return new WorkbookWriter.Content(
                Messages.ENGLISH,
                false,
                "About",
                List.<String[]>of(new String[] {"Title"}),
                List.of(new WorkbookWriter.Table(
                        "By governorate",
                        "Reports by governorate",
                        List.of("Governorate", "Code", "Reports"),
                        governorates,
                        false,
                        List.of())),
                "Cross-tab",
                "Reports by governorate and perpetrator",
                "Total",
                t,
                Optional.of(records),
                Optional.empty(),
                SOURCE_LINE,
                CAVEAT);
    }

    @Test
    void records_roll_over_to_numbered_sheets_when_one_is_full_and_each_report_is_written_once() throws IOException {
        List<VisibleReport> reports =
                IntStream.range(0, 7).mapToObj(WorkbookWriterTest::report).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> progress = new ArrayList<>();
        new WorkbookWriter(4).write(content(reports), out, progress::add);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names)
                    .containsExactly("About", "By governorate", "Cross-tab", "Records", "Records (2)", "Records (3)");
            List<String> ids = new ArrayList<>();
            for (String name : List.of("Records", "Records (2)", "Records (3)")) {
                XSSFSheet sheet = wb.getSheet(name);
                assertThat(sheet.getRow(0).getCell(1).getStringCellValue())
                        .as(name)
                        .isEqualTo("report_id");
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    ids.add(sheet.getRow(r).getCell(1).getStringCellValue());
                }
            }
            assertThat(wb.getSheet("Records").getLastRowNum()).isEqualTo(3);
            assertThat(wb.getSheet("Records (3)").getLastRowNum()).isEqualTo(1);
            assertThat(wb.getSheet("Records (3)")
                            .getCTWorksheet()
                            .getAutoFilter()
                            .getRef())
                    .isEqualTo("A1:AL2"); // 38 columns: the four consent columns of issue 21 follow narrative
            assertThat(ids).containsExactly("W0", "W1", "W2", "W3", "W4", "W5", "W6");
            int narrative = 24;
            assertThat(wb.getSheet("Records").getRow(0).getCell(narrative).getStringCellValue())
                    .isEqualTo("narrative");
            assertThat(wb.getSheet("Records").getRow(1).getCell(narrative).getStringCellValue())
                    .isEqualTo("'=1+1 synthetic");
        }
        assertThat(progress).last().isEqualTo(7L);
    }

    @Test
    void the_cross_tab_chart_stacks_its_series_on_one_column_per_row() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WorkbookWriter(WorkbookWriter.EXCEL_MAX_ROWS).write(content(List.of(report(1))), out, n -> {});
        String xml = new String(ExportFixture.unzipped(out.toByteArray()), StandardCharsets.UTF_8);
        assertThat(xml).contains("<c:grouping val=\"stacked\"/>").contains("<c:overlap val=\"100\"/>");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var bar = wb.getSheet("Cross-tab")
                    .getDrawingPatriarch()
                    .getCharts()
                    .get(0)
                    .getCTChart()
                    .getPlotArea()
                    .getBarChartArray(0);
            assertThat(bar.getSerArray()).hasSize(2);
            assertThat(bar.getSerArray(1).getTx().getStrRef().getF()).isEqualTo("'Cross-tab'!$C$1");
        }
    }

    @Test
    void records_sheets_spill_into_a_directory_only_athars_user_can_enter_not_the_machines_shared_poifiles()
            throws IOException {
        new WorkbookWriter(4)
                .write(
                        content(IntStream.range(0, 7)
                                .mapToObj(WorkbookWriterTest::report)
                                .toList()),
                        new ByteArrayOutputStream(),
                        n -> {});
        File probe = TempFile.createTempFile("probe", ".xml");
        try {
            Path dir = probe.getParentFile().toPath();
            assertThat(dir).isNotEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "poifiles"));
            assertThat(Files.getOwner(dir).getName()).isEqualTo(System.getProperty("user.name"));
            assertThat(Files.getPosixFilePermissions(dir))
                    .containsExactlyInAnyOrder(
                            PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE);
        } finally {
            Files.delete(probe.toPath());
        }
    }

    @Test
    void a_sheet_limit_outside_what_excel_allows_is_refused_naming_the_limit() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WorkbookWriter(1_048_577))
                .hasMessageContaining("1048576");
    }

    /** A public workbook: Aleppo's 3 and Homs's 40 (its complement) withheld, with the cross-tab cells behind them. */
    static WorkbookWriter.Content publicContent(java.util.Locale locale) {
        OptionalLong withheld = OptionalLong.empty();
        Breakdown governorates = new Breakdown(
                Dimension.GOVERNORATE,
                DisclosureProfile.PUBLIC,
                OptionalLong.of(143),
                OptionalLong.of(0),
                List.of(
                        new Bucket("SY02", "Aleppo", withheld),
                        new Bucket("SY04", "Homs", withheld),
                        new Bucket("SY07", "Idleb", OptionalLong.of(100))));
        CrossTab t = new CrossTab(
                Dimension.GOVERNORATE,
                Dimension.PERPETRATOR,
                DisclosureProfile.PUBLIC,
                List.of(new Heading("SY02", "Aleppo"), new Heading("SY04", "Homs"), new Heading("SY07", "Idleb")),
                List.of(new Heading("government", "Government"), new Heading("isis", "ISIS")),
                List.of(
                        List.of(withheld, OptionalLong.of(0)),
                        List.of(withheld, OptionalLong.of(0)),
                        List.of(OptionalLong.of(100), OptionalLong.of(0))),
                List.of(withheld, withheld, OptionalLong.of(100)),
                List.of(OptionalLong.of(143), OptionalLong.of(0)),
                OptionalLong.of(143),
                OptionalLong.of(0));
        String note = org.athar.analytics.Disclosure.withheldNote(5, locale);
        return new WorkbookWriter.Content(
                locale,
                Messages.isRightToLeft(locale),
                "About",
                List.<String[]>of(new String[] {"Title"}),
                List.of(new WorkbookWriter.Table(
                        "By governorate",
                        "Persons by governorate",
                        List.of("Governorate", "Code", "Persons"),
                        governorates,
                        false,
                        List.of())),
                "Cross-tab",
                "Persons by governorate and perpetrator",
                "Total",
                t,
                Optional.empty(),
                Optional.of(note),
                SOURCE_LINE,
                CAVEAT);
    }

    static List<java.util.Locale> languages() {
        return Messages.SUPPORTED;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("languages")
    void a_withheld_figure_of_an_aggregate_sheet_reads_withheld_with_the_footnote_under_the_table(
            java.util.Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WorkbookWriter(WorkbookWriter.EXCEL_MAX_ROWS).write(publicContent(locale), out, n -> {});
        String word = Messages.isRightToLeft(locale) ? "محجوب" : "withheld";
        String note = org.athar.analytics.Disclosure.withheldNote(5, locale);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = wb.getSheet("By governorate");
            // Aleppo (3) and Homs (40, withheld so that the 3 cannot be worked out): the word, not a number, not "<5".
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo(word);
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo(word);
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(100);
            XSSFSheet crossTab = wb.getSheet("Cross-tab");
            assertThat(crossTab.getRow(1).getCell(1).getStringCellValue()).isEqualTo(word);
            assertThat(crossTab.getRow(2).getCell(3).getStringCellValue()).isEqualTo(word);
            for (XSSFSheet s : List.of(sheet, crossTab)) {
                List<String> texts = new ArrayList<>();
                s.forEach(row -> row.forEach(cell -> texts.add(cell.toString())));
                assertThat(texts).as(s.getSheetName()).contains(note).noneMatch(t -> t.contains("<"));
            }
        }
        assertThat(note).contains(Messages.isRightToLeft(locale) ? "أرقام منشورة أخرى" : "other published figures");
    }
}
