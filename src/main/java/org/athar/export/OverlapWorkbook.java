package org.athar.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.athar.analytics.Disclosure;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.SourceOverlap;
import org.athar.i18n.Messages;
import org.springframework.stereotype.Component;

/**
 * The overlap of sources as a workbook: sheet Overlap (source × source shared persons, documented by each, only by
 * each) and sheet Patterns (one 1/0 column per source and a persons column: the capture histories that
 * multiple-systems estimation takes as input). Every figure counts persons (linked reports), never reports.
 */
@Component
public class OverlapWorkbook {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The row of each sheet's table header: the lines above say what is counted and when. */
    static final int HEADER_ROW = 3;

    private final Messages messages;

    public OverlapWorkbook(Messages messages) {
        this.messages = messages;
    }

    public void write(SourceOverlap overlap, Locale locale, LocalDate day, String withheldNote, OutputStream out)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookWriter.Styles styles = new WorkbookWriter.Styles(wb);
            boolean rtl = Messages.isRightToLeft(locale);
            String counted = messages.get(
                    "overlap.counted",
                    locale,
                    Disclosure.shown(overlap.persons(), locale),
                    overlap.sources().size(),
                    day.toString());
            overlapSheet(wb, overlap, locale, counted, rtl, styles);
            patternsSheet(wb, overlap, locale, counted, rtl, styles);
            if (overlap.profile() == DisclosureProfile.PUBLIC) {
                WorkbookWriter.text(wb.getSheetAt(0).createRow(2), 0, withheldNote, null);
            }
            wb.write(out);
        }
    }

    private void overlapSheet(
            XSSFWorkbook wb,
            SourceOverlap o,
            Locale locale,
            String counted,
            boolean rtl,
            WorkbookWriter.Styles styles) {
        XSSFSheet sheet = wb.createSheet(messages.get("overlap.sheet.overlap", locale));
        sheet.setRightToLeft(rtl);
        intro(sheet, messages.get("overlap.title", locale), counted, styles);
        List<String> header = new ArrayList<>(List.of(
                messages.get("overlap.col.source", locale),
                messages.get("overlap.col.documented", locale),
                messages.get("overlap.col.only", locale)));
        o.sources().forEach(s -> header.add(messages.get("overlap.col.shared-with", locale, s)));
        header(sheet, header, styles);
        int r = HEADER_ROW + 1;
        for (SourceOverlap.Row source : o.rows()) {
            Row row = sheet.createRow(r++);
            WorkbookWriter.text(row, 0, source.source(), null);
            number(row, 1, source.documentedBy(), locale, styles);
            number(row, 2, source.onlyBy(), locale, styles);
            for (int c = 0; c < o.sources().size(); c++) {
                String other = o.sources().get(c);
                number(
                        row,
                        3 + c,
                        other.equals(source.source()) ? source.documentedBy() : o.shared(source.source(), other),
                        locale,
                        styles);
            }
        }
        Row total = sheet.createRow(r + 1);
        WorkbookWriter.text(total, 0, messages.get("overlap.total", locale), styles.header);
        number(total, 1, o.persons(), locale, styles);
        finish(sheet, header.size(), r - 1);
    }

    private void patternsSheet(
            XSSFWorkbook wb,
            SourceOverlap o,
            Locale locale,
            String counted,
            boolean rtl,
            WorkbookWriter.Styles styles) {
        XSSFSheet sheet = wb.createSheet(messages.get("overlap.sheet.patterns", locale));
        sheet.setRightToLeft(rtl);
        intro(sheet, messages.get("overlap.patterns.title", locale), counted, styles);
        List<String> header = new ArrayList<>(o.sources());
        header.add(messages.get("overlap.col.persons", locale));
        header(sheet, header, styles);
        int r = HEADER_ROW + 1;
        for (SourceOverlap.Pattern p : o.patterns()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < o.sources().size(); c++) {
                row.createCell(c).setCellValue(p.sources().contains(o.sources().get(c)) ? 1 : 0);
            }
            number(row, o.sources().size(), p.persons(), locale, styles);
        }
        finish(sheet, header.size(), r - 1);
    }

    private static void intro(XSSFSheet sheet, String title, String counted, WorkbookWriter.Styles styles) {
        WorkbookWriter.text(sheet.createRow(0), 0, title, styles.title);
        WorkbookWriter.text(sheet.createRow(1), 0, counted, null);
    }

    private static void header(XSSFSheet sheet, List<String> header, WorkbookWriter.Styles styles) {
        Row row = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < header.size(); c++) {
            WorkbookWriter.text(row, c, header.get(c), styles.header);
        }
    }

    /** A figure, or the word for withheld (never a number that is not the figure). */
    private static void number(Row row, int column, OptionalLong value, Locale locale, WorkbookWriter.Styles styles) {
        if (value.isEmpty()) {
            WorkbookWriter.text(row, column, Disclosure.shown(value, locale), null);
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value.getAsLong());
        cell.setCellStyle(styles.count);
    }

    private static void finish(XSSFSheet sheet, int columns, int lastDataRow) {
        WorkbookWriter.printable(sheet);
        sheet.createFreezePane(0, HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(lastDataRow, HEADER_ROW + 1), 0, columns - 1));
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, (c == 0 ? 28 : 16) * 256);
        }
    }
}
