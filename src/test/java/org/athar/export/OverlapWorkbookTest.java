package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.athar.analytics.SourceOverlap;
import org.athar.i18n.Messages;
import org.athar.linkage.Overlap;
import org.junit.jupiter.api.Test;

/**
 * The overlap workbook on its own (no engine): three sources whose patterns are known, read back with POI as a user's
 * spreadsheet would: the pairwise table, the capture patterns in the layout multiple-systems estimation reads, the
 * line saying persons are counted, and the Arabic sheets right to left.
 */
class OverlapWorkbookTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);

    /** A: 5 alone, B: 3 alone, C: 2 alone, A+B: 4, A+C: 1, A+B+C: 2 — 17 persons. */
    private static final Overlap OVERLAP = new Overlap(
            List.of("A", "B", "C"),
            17,
            List.of(
                    new Overlap.Pattern(List.of("A"), 5), new Overlap.Pattern(List.of("B"), 3),
                    new Overlap.Pattern(List.of("C"), 2), new Overlap.Pattern(List.of("A", "B"), 4),
                    new Overlap.Pattern(List.of("A", "C"), 1), new Overlap.Pattern(List.of("A", "B", "C"), 2)));

    private static XSSFWorkbook write(String lang) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OverlapWorkbook(new Messages())
                .write(SourceOverlap.of(OVERLAP), "ar".equals(lang) ? Messages.ARABIC : Messages.ENGLISH, DAY, "", out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static long number(Row row, int column) {
        return (long) row.getCell(column).getNumericCellValue();
    }

    @Test
    void the_overlap_sheet_has_documented_only_by_and_shared_persons_for_every_pair_of_sources() throws IOException {
        try (XSSFWorkbook wb = write("en")) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet sheet = wb.getSheet("Overlap");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("persons", "17", "2026-11-29");
            Row header = sheet.getRow(OverlapWorkbook.HEADER_ROW);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Source");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Persons documented");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Only by this source");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("Shared with B");
            Row a = sheet.getRow(OverlapWorkbook.HEADER_ROW + 1);
            Row b = sheet.getRow(OverlapWorkbook.HEADER_ROW + 2);
            Row c = sheet.getRow(OverlapWorkbook.HEADER_ROW + 3);
            assertThat(a.getCell(0).getStringCellValue()).isEqualTo("A");
            assertThat(List.of(number(a, 1), number(a, 2), number(a, 4), number(a, 5)))
                    .containsExactly(12L, 5L, 6L, 3L);
            assertThat(List.of(number(b, 1), number(b, 2), number(b, 3), number(b, 5)))
                    .containsExactly(9L, 3L, 6L, 2L);
            assertThat(List.of(number(c, 1), number(c, 2), number(c, 3), number(c, 4)))
                    .containsExactly(5L, 2L, 3L, 2L);
            Row total = sheet.getRow(OverlapWorkbook.HEADER_ROW + 5);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("All persons");
            assertThat(number(total, 1)).isEqualTo(17);
            assertThat(sheet.isRightToLeft()).isFalse();
        }
    }

    @Test
    void the_patterns_sheet_has_one_zero_one_column_per_source_and_the_persons_of_each_pattern() throws IOException {
        try (XSSFWorkbook wb = write("en")) {
            XSSFSheet sheet = wb.getSheet("Patterns");
            Row header = sheet.getRow(OverlapWorkbook.HEADER_ROW);
            assertThat(List.of(
                            header.getCell(0).getStringCellValue(),
                            header.getCell(1).getStringCellValue(),
                            header.getCell(2).getStringCellValue(),
                            header.getCell(3).getStringCellValue()))
                    .containsExactly("A", "B", "C", "Persons");
            long sum = 0;
            StringBuilder histories = new StringBuilder();
            for (int r = OverlapWorkbook.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                histories
                        .append(number(row, 0))
                        .append(number(row, 1))
                        .append(number(row, 2))
                        .append('=')
                        .append(number(row, 3))
                        .append(' ');
                sum += number(row, 3);
            }
            assertThat(histories.toString().strip()).isEqualTo("100=5 010=3 001=2 110=4 101=1 111=2");
            assertThat(sum).isEqualTo(17);
        }
    }

    @Test
    void the_arabic_workbook_has_arabic_sheets_and_labels_right_to_left() throws IOException {
        try (XSSFWorkbook wb = write("ar")) {
            XSSFSheet overlap = wb.getSheet("التداخل");
            XSSFSheet patterns = wb.getSheet("الأنماط");
            assertThat(overlap).isNotNull();
            assertThat(patterns).isNotNull();
            assertThat(overlap.isRightToLeft()).isTrue();
            assertThat(patterns.isRightToLeft()).isTrue();
            assertThat(overlap.getRow(OverlapWorkbook.HEADER_ROW).getCell(1).getStringCellValue())
                    .isEqualTo("الأشخاص الموثَّقون");
            assertThat(overlap.getRow(1).getCell(0).getStringCellValue()).contains("أشخاص", "17");
            assertThat(number(overlap.getRow(OverlapWorkbook.HEADER_ROW + 1), 1))
                    .isEqualTo(12);
        }
    }
}
