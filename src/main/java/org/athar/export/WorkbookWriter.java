package org.athar.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.CrossTab;
import org.athar.analytics.Disclosure;
import org.athar.analytics.Heading;
import org.athar.platform.FormulaGuard;
import org.athar.report.VisibleReport;

/**
 * Writes the workbook: About, the breakdown sheets, Over time and the cross-tab as real tables (numbers in number
 * cells, bold frozen header, autofilter, fitted widths) each with a native Excel chart (POI XDDF) over its cells,
 * then the Records sheets ({@link RecordSheets}) streamed through SXSSF with a window of {@value #WINDOW} rows.
 */
final class WorkbookWriter {

    /** Excel's limit: 1,048,576 rows per sheet, the header included. */
    static final int EXCEL_MAX_ROWS = 1_048_576;

    static final int WINDOW = 100;

    /** One aggregate sheet: its name, the chart title, the header texts and the figures. */
    record Table(
            String sheet,
            String chartTitle,
            List<String> header,
            Breakdown breakdown,
            boolean time,
            List<Note> notes) {}

    /** A line under a table: a label with its figure (a total, the imprecise count) or a sentence alone. */
    record Note(String label, Optional<OptionalLong> figure) {}

    /**
     * What the workbook holds; {@code records} absent when the Records sheet is left out; {@code withheldNote} the
     * footnote on withheld figures (public profile), written under every table that shows "withheld";
     * {@code chartSource} and {@code chartCaveat} the source line and caveat every chart carries under its title.
     */
    record Content(
            Locale locale,
            boolean rightToLeft,
            String aboutSheet,
            List<String[]> about,
            List<Table> tables,
            String crossTabSheet,
            String crossTabTitle,
            String totalLabel,
            CrossTab crossTab,
            Optional<Records> records,
            Optional<String> withheldNote,
            String chartSource,
            String chartCaveat) {}

    /** The Records sheets: base name, columns and the scan that hands over every report. */
    record Records(String sheet, RecordColumns columns, Scan scan) {}

    /** Hands every report to the consumer (a scan of {@code ReportSearch}). */
    interface Scan {
        void run(Consumer<VisibleReport> each) throws IOException;
    }

    private final int maxRowsPerSheet;

    /** @param maxRowsPerSheet rows per Records sheet, the header included ({@link #EXCEL_MAX_ROWS} in production) */
    WorkbookWriter(int maxRowsPerSheet) {
        if (maxRowsPerSheet < 2 || maxRowsPerSheet > EXCEL_MAX_ROWS) {
            throw new IllegalArgumentException(
                    "a sheet holds 2 to " + EXCEL_MAX_ROWS + " rows, not " + maxRowsPerSheet);
        }
        this.maxRowsPerSheet = maxRowsPerSheet;
    }

    /** Writes the workbook; {@code progress} hears how many records are written so far. */
    void write(Content content, OutputStream out, LongConsumer progress) throws IOException {
        XSSFWorkbook xssf = new XSSFWorkbook();
        Styles styles = new Styles(xssf);
        about(xssf, content, styles);
        for (Table table : content.tables()) {
            breakdown(xssf, content, table, styles);
        }
        crossTab(xssf, content, styles);
        WorkbookTempFiles.usePrivateDirectory();
        SXSSFWorkbook workbook = new SXSSFWorkbook(xssf, WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            if (content.records().isPresent()) {
                new RecordSheets(
                                workbook,
                                content.rightToLeft(),
                                content.records().get(),
                                styles,
                                maxRowsPerSheet)
                        .write(progress);
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static void about(XSSFWorkbook wb, Content content, Styles styles) {
        XSSFSheet sheet = wb.createSheet(content.aboutSheet());
        sheet.setRightToLeft(content.rightToLeft());
        int r = 0;
        for (String[] line : content.about()) {
            Row row = sheet.createRow(r++);
            text(row, 0, line[0], r == 1 ? styles.title : styles.header);
            if (line.length > 1) {
                text(row, 1, line[1], styles.wrap);
            }
        }
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 100 * 256);
        printable(sheet);
    }

    /** Printed (or converted to PDF) landscape, one page wide, so a table and its chart stay on one page. */
    static void printable(Sheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    private static void breakdown(XSSFWorkbook wb, Content content, Table table, Styles styles) {
        XSSFSheet sheet = wb.createSheet(table.sheet());
        sheet.setRightToLeft(content.rightToLeft());
        header(sheet, table.header(), styles);
        List<Bucket> buckets = table.breakdown().buckets();
        int r = 1;
        for (Bucket b : buckets) {
            Row row = sheet.createRow(r++);
            text(row, 0, b.label(), null);
            text(row, 1, b.key(), null);
            figure(row, 2, b.count(), content.locale(), styles);
        }
        int last = r - 1;
        r++;
        for (Note note : table.notes()) {
            Row row = sheet.createRow(r++);
            text(row, 0, note.label(), note.figure().isPresent() ? styles.header : null);
            note.figure().ifPresent(f -> figure(row, 2, f, content.locale(), styles));
        }
        boolean withheld = buckets.stream().anyMatch(Bucket::suppressed)
                || table.notes().stream()
                        .anyMatch(n -> n.figure().filter(OptionalLong::isEmpty).isPresent());
        withheldNote(sheet, r + 1, content, withheld);
        finish(sheet, table.header(), last, columnTexts(buckets, table));
        if (!buckets.isEmpty()) {
            // Excel draws a text cell as 0: a withheld month would be a dip of the line to 0, a value it states. As
            // columns it is no column at all, and the cell beside it says "withheld".
            boolean line = table.time() && buckets.stream().noneMatch(Bucket::suppressed);
            WorkbookCharts.chart(
                    sheet,
                    lines(content, table.chartTitle()),
                    content.rightToLeft(),
                    1,
                    last,
                    0,
                    List.of(2),
                    line,
                    false,
                    4);
        }
    }

    private static List<List<String>> columnTexts(List<Bucket> buckets, Table table) {
        List<List<String>> cols = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            cols.get(i).add(table.header().get(i));
        }
        buckets.forEach(b -> {
            cols.get(0).add(b.label());
            cols.get(1).add(b.key());
            cols.get(2).add("00000000");
        });
        table.notes().stream()
                .filter(n -> n.figure().isPresent())
                .forEach(n -> cols.get(0).add(n.label()));
        return cols;
    }

    private static void crossTab(XSSFWorkbook wb, Content content, Styles styles) {
        CrossTab t = content.crossTab();
        XSSFSheet sheet = wb.createSheet(content.crossTabSheet());
        sheet.setRightToLeft(content.rightToLeft());
        List<String> header = new ArrayList<>();
        header.add("");
        t.columns().forEach(c -> header.add(c.label()));
        header.add(content.totalLabel());
        header(sheet, header, styles);
        List<List<String>> widths = new ArrayList<>();
        header.forEach(h -> widths.add(new ArrayList<>(List.of(h, "00000000"))));
        int r = 1;
        for (int i = 0; i < t.rows().size(); i++) {
            Row row = sheet.createRow(r++);
            Heading h = t.rows().get(i);
            text(row, 0, h.label(), styles.header);
            widths.get(0).add(h.label());
            for (int c = 0; c < t.columns().size(); c++) {
                figure(row, c + 1, t.cells().get(i).get(c), content.locale(), styles);
            }
            figure(row, t.columns().size() + 1, t.rowTotals().get(i), content.locale(), styles);
        }
        int last = r - 1;
        Row totals = sheet.createRow(r);
        text(totals, 0, content.totalLabel(), styles.header);
        for (int c = 0; c < t.columns().size(); c++) {
            figure(totals, c + 1, t.columnTotals().get(c), content.locale(), styles);
        }
        figure(totals, t.columns().size() + 1, t.total(), content.locale(), styles);
        boolean withheld = Stream.of(
                        t.cells().stream().flatMap(List::stream),
                        t.rowTotals().stream(),
                        t.columnTotals().stream(),
                        Stream.of(t.total()))
                .flatMap(x -> x)
                .anyMatch(OptionalLong::isEmpty);
        withheldNote(sheet, r + 2, content, withheld);
        finish(sheet, header, last, widths);
        if (!t.rows().isEmpty() && !t.columns().isEmpty()) {
            List<Integer> series = new ArrayList<>();
            for (int c = 1; c <= t.columns().size(); c++) {
                series.add(c);
            }
            WorkbookCharts.chart(
                    sheet,
                    lines(content, content.crossTabTitle()),
                    content.rightToLeft(),
                    1,
                    last,
                    0,
                    series,
                    false,
                    true,
                    header.size() + 1);
        }
    }

    /**
     * The footnote on withheld figures under a table that shows one, so a sheet copied out of the workbook still
     * says why (both reasons: a small count, or a figure withheld so that a small count cannot be worked out).
     */
    private static void withheldNote(Sheet sheet, int row, Content content, boolean withheld) {
        if (withheld) {
            content.withheldNote().ifPresent(note -> text(sheet.createRow(row), 0, note, null));
        }
    }

    private static void header(Sheet sheet, List<String> header, Styles styles) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            text(row, c, header.get(c), styles.header);
        }
    }

    private static WorkbookCharts.Lines lines(Content content, String title) {
        return new WorkbookCharts.Lines(title, content.chartSource(), content.chartCaveat());
    }

    /** Frozen header, autofilter over header and data, and widths that fit the longest text of each column. */
    private static void finish(Sheet sheet, List<String> header, int lastDataRow, List<List<String>> columns) {
        printable(sheet);
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastDataRow, 1), 0, header.size() - 1));
        for (int c = 0; c < columns.size(); c++) {
            int longest = columns.get(c).stream().mapToInt(String::length).max().orElse(8);
            sheet.setColumnWidth(c, Math.min(60, Math.max(10, longest + 4)) * 256);
        }
    }

    static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(FormulaGuard.safe(value));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A number cell, or the "withheld" text for a figure the public profile withholds. */
    private static void figure(Row row, int column, OptionalLong count, Locale locale, Styles styles) {
        Cell cell = row.createCell(column);
        if (count.isPresent()) {
            cell.setCellValue(count.getAsLong());
            cell.setCellStyle(styles.count);
        } else {
            cell.setCellValue(Disclosure.shown(count, locale));
            cell.setCellStyle(styles.withheld);
        }
    }

    /** The few cell styles of the workbook (a workbook holds at most 64,000, so they are made once). */
    static final class Styles {

        final CellStyle header;
        final CellStyle title;
        final CellStyle wrap;
        final CellStyle count;
        final CellStyle withheld;
        final CellStyle date;
        final CellStyle dateTime;
        /** The workbook's default style, set on every plain cell (see RecordSheets). */
        final CellStyle plain;

        Styles(Workbook wb) {
            plain = wb.getCellStyleAt(0);
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            count = wb.createCellStyle();
            count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            withheld = wb.createCellStyle();
            withheld.setAlignment(HorizontalAlignment.RIGHT);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        }
    }
}
