package org.athar.export;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.athar.platform.FormulaGuard;

/**
 * The Records sheets of a workbook, streamed one report per row: typed cells (dates as dates, numbers as numbers,
 * text through the formula guard), rolling over to "Records (2)" and on when a sheet is full, each sheet with its
 * header, frozen, filtered and sized.
 */
final class RecordSheets {

    private final SXSSFWorkbook wb;
    private final boolean rightToLeft;
    private final WorkbookWriter.Records records;
    private final List<String> header;
    private final WorkbookWriter.Styles styles;
    private final int maxRowsPerSheet;
    private SXSSFSheet sheet;
    private int number;
    private int next;

    RecordSheets(
            SXSSFWorkbook wb,
            boolean rightToLeft,
            WorkbookWriter.Records records,
            WorkbookWriter.Styles styles,
            int maxRowsPerSheet) {
        this.wb = wb;
        this.rightToLeft = rightToLeft;
        this.records = records;
        this.header = records.columns().headers();
        this.styles = styles;
        this.maxRowsPerSheet = maxRowsPerSheet;
    }

    /** Writes every report the scan hands over; {@code progress} hears how many are written so far. */
    void write(LongConsumer progress) throws IOException {
        List<RecordColumns.Column> columns = records.columns().columns();
        open();
        long[] written = {0};
        records.scan().run(report -> {
            Row row = nextRow();
            for (int c = 0; c < columns.size(); c++) {
                RecordColumns.Column column = columns.get(c);
                Optional<?> value = column.value().apply(report);
                if (value.isEmpty()) {
                    continue;
                }
                Cell cell = row.createCell(c);
                // A cell without a style of its own is written with its column's, which SXSSF looks up in the
                // sheet's column definitions for every cell: two thirds of a million-row export. The default style,
                // set here, writes the same XML.
                cell.setCellStyle(styles.plain);
                Object v = value.get();
                switch (column.kind()) {
                    case TEXT -> cell.setCellValue(FormulaGuard.safe(v.toString()));
                    case NUMBER -> cell.setCellValue(((Number) v).doubleValue());
                    case DATE -> {
                        cell.setCellValue((LocalDate) v);
                        cell.setCellStyle(styles.date);
                    }
                    case BOOLEAN -> cell.setCellValue((Boolean) v);
                    case INSTANT -> {
                        cell.setCellValue(LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
                        cell.setCellStyle(styles.dateTime);
                    }
                }
            }
            if (++written[0] % 1000 == 0) {
                progress.accept(written[0]);
            }
        });
        close();
        progress.accept(written[0]);
    }

    private Row nextRow() {
        if (next == maxRowsPerSheet) {
            close();
            open();
        }
        return sheet.createRow(next++);
    }

    private void close() {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(next - 1, 1), 0, header.size() - 1));
    }

    private void open() {
        number++;
        String name = records.sheet();
        sheet = wb.createSheet(number == 1 ? name : name + " (" + number + ")");
        sheet.setRightToLeft(rightToLeft);
        Row row = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            WorkbookWriter.text(row, c, header.get(c), styles.header);
            sheet.setColumnWidth(c, Math.min(40, Math.max(12, header.get(c).length() + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
        next = 1;
    }
}
