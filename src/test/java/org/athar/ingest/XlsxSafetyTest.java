package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Hostile workbooks are refused with advice: zip bombs, and sheets that try to read files through XML entities. */
class XlsxSafetyTest {

    /** The defaults of athar.import.xlsx.*, applied as Athar applies them at start. */
    static final ImportLimits.Xlsx DEFAULTS = new ImportLimits.Xlsx(0.01, DataSize.ofMegabytes(4095), 10_000_000);

    @TempDir
    Path dir;

    @BeforeAll
    static void guards() {
        XlsxSafety.apply(DEFAULTS);
    }

    @Test
    void the_guards_are_set_explicitly_from_the_settings() {
        assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01);
        assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(4095L * 1024 * 1024);
        assertThat(ZipSecureFile.getMaxTextSize()).isEqualTo(10_000_000);
    }

    @Test
    void a_small_workbook_that_expands_a_thousand_fold_is_refused_as_a_zip_bomb() throws IOException {
        byte[] bomb = CraftedWorkbooks.bomb(50_000_000);
        assertThat(bomb.length).as("small on disk").isLessThan(200_000);

        assertThatThrownBy(() -> Uploads.readAll(Uploads.open("bomb.xlsx", bomb)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageStartingWith("The workbook was refused")
                .hasMessageContaining("expands to more than 100 times")
                .hasMessageContaining("athar.import.xlsx.min-inflate-ratio")
                .hasMessageContaining("zip bomb");
    }

    @Test
    void a_genuine_workbook_of_thousands_of_rows_passes_the_guards() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("reports");
            List<String> header = List.of("report_id", "victim_name", "age", "governorate", "narrative");
            for (int r = 0; r <= 5000; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < header.size(); c++) {
                    row.createCell(c).setCellValue(r == 0 ? header.get(c) : header.get(c) + " " + r * 7919 % 10007);
                }
            }
            book.write(out);
        }

        List<RawRow> rows = Uploads.readAll(Uploads.open("genuine.xlsx", out.toByteArray()));

        assertThat(rows).hasSize(5000);
        assertThat(rows.get(4999).value(Columns.REPORT_ID)).isEqualTo("report_id " + 5000 * 7919 % 10007);
    }

    @Test
    void a_sheet_declaring_an_external_entity_never_reads_the_file() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-7f3a", StandardCharsets.UTF_8);
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>report_id</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>victim_name</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>R1</t></is></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"
                + "</sheetData></worksheet>";
        byte[] workbook = CraftedWorkbooks.with(Map.of(CraftedWorkbooks.SHEET, sheet));

        assertThatThrownBy(() -> Uploads.readAll(Uploads.open("xxe.xlsx", workbook)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("\"xxe\"")
                .hasMessageNotContaining("SECRET-7f3a");
    }

    @Test
    void shared_strings_declaring_an_external_entity_never_read_the_file() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-9b1c", StandardCharsets.UTF_8);
        String strings = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4\" uniqueCount=\"4\">"
                + "<si><t>report_id</t></si><si><t>victim_name</t></si><si><t>R1</t></si><si><t>&xxe;</t></si></sst>";
        byte[] workbook = CraftedWorkbooks.with(Map.of(CraftedWorkbooks.SHARED_STRINGS, strings));

        assertThatThrownBy(() -> Uploads.readAll(Uploads.open("xxe.xlsx", workbook)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("DOCTYPE is disallowed")
                .hasMessageNotContaining("SECRET-9b1c");
    }
}
