package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReaderTest {

    @TempDir
    Path dir;

    @Test
    void cells_are_read_as_the_user_means_them() throws IOException {
        Path file = workbook(book -> {
            Sheet sheet = book.createSheet("Reports");
            header(
                    sheet,
                    "report_id",
                    "age",
                    "disappeared_on",
                    "status_date",
                    "latitude",
                    "longitude",
                    "occupation",
                    "gender");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellFormula("\"R\"&\"1\"");
            row.createCell(1).setCellValue(34);
            row.createCell(2).setCellValue(LocalDate.of(2013, 5, 4));
            row.getCell(2).setCellStyle(dateStyle(book, "m/d/yy"));
            row.createCell(3).setCellValue("2013-05");
            row.createCell(4).setCellValue(36.2);
            row.createCell(5).setCellFormula("30+7.15");
            row.createCell(6).setCellValue(1.5e20);
            row.createCell(7).setCellValue(true);
            Row second = sheet.createRow(2);
            second.createCell(0).setCellValue("R2");
            second.createCell(2).setCellValue(LocalDate.of(1999, 12, 31));
            second.getCell(2).setCellStyle(dateStyle(book, "dd.mm.yyyy"));
            second.createCell(4).setCellValue(0.000015);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        List<RawRow> rows = read(file);

        assertThat(rows.get(0).values())
                .isEqualTo(Map.of(
                        "report_id",
                        "R1",
                        "age",
                        "34",
                        "disappeared_on",
                        "2013-05-04",
                        "status_date",
                        "2013-05",
                        "latitude",
                        "36.2",
                        "longitude",
                        "37.15",
                        "occupation",
                        "150000000000000000000",
                        "gender",
                        "TRUE"));
        assertThat(rows.get(1).values())
                .isEqualTo(Map.of("report_id", "R2", "disappeared_on", "1999-12-31", "latitude", "0.000015"));
    }

    @Test
    void empty_rows_are_skipped_and_numbers_follow_excel_rows() throws IOException {
        Path file = workbook(book -> {
            Sheet sheet = book.createSheet();
            header(sheet, "report_id", "victim_name");
            sheet.createRow(1).createCell(0).setCellValue("R1");
            sheet.createRow(2).createCell(0).setCellValue("R2");
            Row blank = sheet.createRow(3);
            blank.createCell(0).setCellValue("   ");
            blank.createCell(1).setCellStyle(dateStyle(book, "m/d/yy"));
            sheet.createRow(5).createCell(0).setCellValue("R3");
        });

        assertThat(read(file))
                .extracting(row -> row.number() + ":" + row.value(Columns.REPORT_ID))
                .containsExactly("1:R1", "2:R2", "5:R3");
    }

    @Test
    void the_first_row_with_a_value_is_the_header() throws IOException {
        Path file = workbook(book -> {
            Sheet sheet = book.createSheet();
            sheet.createRow(0).createCell(0).setCellValue(" ");
            Row header = sheet.createRow(2);
            header.createCell(1).setCellValue("report_id");
            header.createCell(2).setCellValue("victim_name");
            Row data = sheet.createRow(3);
            data.createCell(1).setCellValue("R1");
            data.createCell(2).setCellValue("Ahmad");
        });

        assertThat(read(file)).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(1);
            assertThat(row.values()).isEqualTo(Map.of("report_id", "R1", "victim_name", "Ahmad"));
        });
    }

    @Test
    void arabic_headers_arabic_text_and_unknown_columns_are_read() throws IOException {
        Path file = workbook(book -> {
            Sheet sheet = book.createSheet("البلاغات");
            header(sheet, "رقم_البلاغ", "اسم الضحية", "رقم الهاتف", "", "الجهة الموثقة");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("ب-٢٢");
            row.createCell(1).setCellValue("فاطمة الزهراء");
            row.createCell(2).setCellValue("0944000000");
            row.createCell(3).setCellValue("ملاحظة بلا عنوان");
            row.createCell(4).setCellValue("رابطة عائلات قيصر");
            row.createCell(7).setCellValue("far right");
        });

        try (RowSource source = open(file)) {
            assertThat(source.unknownColumns()).containsExactly("رقم الهاتف");
            assertThat(source.next())
                    .hasValueSatisfying(row -> assertThat(row.values())
                            .isEqualTo(Map.of(
                                    "report_id",
                                    "ب-٢٢",
                                    "victim_name",
                                    "فاطمة الزهراء",
                                    "source",
                                    "رابطة عائلات قيصر")));
            assertThat(source.unknownColumns())
                    .containsExactly("رقم الهاتف", "column D (no header)", "column H (no header)");
        }
    }

    @Test
    void two_headers_for_the_same_column_are_refused() throws IOException {
        Path file = workbook(book -> header(book.createSheet(), "report_id", "Report ID"));

        assertThatThrownBy(() -> open(file))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining(
                        "names column report_id twice: 'report_id' (column A) and 'Report ID' (column B)");
    }

    @Test
    void only_the_first_sheet_is_read() throws IOException {
        Path file = workbook(book -> {
            Sheet first = book.createSheet("data");
            header(first, "report_id");
            first.createRow(1).createCell(0).setCellValue("R1");
            Sheet second = book.createSheet("lookups");
            header(second, "report_id");
            second.createRow(1).createCell(0).setCellValue("NOT-DATA");
        });

        assertThat(read(file)).extracting(row -> row.value(Columns.REPORT_ID)).containsExactly("R1");
    }

    @Test
    void dates_in_a_workbook_counting_from_1904_are_not_shifted() throws IOException {
        Path file = workbook(book -> {
            book.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
            Sheet sheet = book.createSheet();
            header(sheet, "report_id", "disappeared_on");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("R1");
            row.createCell(1).setCellValue(LocalDate.of(2012, 3, 15));
            row.getCell(1).setCellStyle(dateStyle(book, "yyyy-mm-dd"));
        });

        assertThat(read(file).get(0).value(Columns.DISAPPEARED_ON)).isEqualTo("2012-03-15");
    }

    @Test
    void an_empty_workbook_is_refused() throws IOException {
        Path file = workbook(book -> book.createSheet());

        assertThatThrownBy(() -> open(file))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageStartingWith("The first sheet of the workbook is empty");
    }

    @Test
    void a_file_that_is_not_a_workbook_is_refused_with_advice() {
        byte[] text = "report_id,victim_name\nR1,Ahmad\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Uploads.open("reports.xlsx", text))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageStartingWith("The file is not a readable .xlsx workbook")
                .hasMessageContaining("save it as an Excel workbook (.xlsx)");
    }

    @Test
    void an_old_xls_workbook_renamed_to_xlsx_is_refused_with_advice() throws IOException {
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook book = new HSSFWorkbook()) {
            header(book.createSheet(), "report_id");
            book.write(xls);
        }

        assertThatThrownBy(() -> Uploads.open("reports.XLSX", xls.toByteArray()))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("save it as an Excel workbook (.xlsx)");
    }

    @Test
    void closing_the_reader_deletes_its_temporary_copy() throws IOException {
        Path file = workbook(book -> header(book.createSheet(), "report_id"));
        long before = temporaryCopies();

        RowSource source = open(file);
        assertThat(temporaryCopies()).isEqualTo(before + 1);
        source.close();

        assertThat(temporaryCopies()).isEqualTo(before);
    }

    private interface Content {
        void write(XSSFWorkbook book);
    }

    private Path workbook(Content content) throws IOException {
        Path file = Files.createTempFile(dir, "reports", ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            content.write(book);
            book.write(out);
        }
        return file;
    }

    private static void header(Sheet sheet, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }

    private static CellStyle dateStyle(XSSFWorkbook book, String format) {
        CellStyle style = book.createCellStyle();
        style.setDataFormat(book.createDataFormat().getFormat(format));
        return style;
    }

    private static RowSource open(Path file) throws IOException {
        return RowSources.open(Files.newInputStream(file), "reports.xlsx");
    }

    private static List<RawRow> read(Path file) throws IOException {
        return Uploads.readAll(open(file));
    }

    private static long temporaryCopies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("athar-upload-"))
                    .count();
        }
    }
}
