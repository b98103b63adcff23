package org.athar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The raw side of the workbook export: the documents a point-in-time + {@code search_after} read returns, written as
 * the same 39 columns with plain SXSSF (same window and compressed temporary files as Athar's writer, typed cells:
 * numbers, dates, booleans), into nowhere. No labels, no redaction, no formula guard, no second sheet: what a script
 * written straight against the engine would do.
 */
final class RawWorkbook implements AutoCloseable {

    private enum Kind {
        TEXT,
        NUMBER,
        DATE,
        INSTANT,
        BOOLEAN
    }

    private record Column(String pointer, Kind kind) {}

    /** Athar's Records columns, each read from where the engine's document holds it (codes, not labels). */
    private static final List<Column> COLUMNS = List.of(
            new Column("/id", Kind.TEXT),
            new Column("/report_id", Kind.TEXT),
            new Column("/source", Kind.TEXT),
            new Column("/victim/name", Kind.TEXT),
            new Column("/victim/name_latin", Kind.TEXT),
            new Column("/victim/gender", Kind.TEXT),
            new Column("/victim/age", Kind.NUMBER),
            new Column("/victim/age_group", Kind.TEXT),
            new Column("/victim/occupation", Kind.TEXT),
            new Column("/disappearance/date", Kind.TEXT),
            new Column("/disappearance/date", Kind.DATE),
            new Column("/disappearance/date_end", Kind.DATE),
            new Column("/disappearance/precision", Kind.TEXT),
            new Column("/place/governorate", Kind.TEXT),
            new Column("/place/governorate", Kind.TEXT),
            new Column("/place/district", Kind.TEXT),
            new Column("/place/district", Kind.TEXT),
            new Column("/place/locality", Kind.TEXT),
            new Column("/place/location/lat", Kind.NUMBER),
            new Column("/place/location/lon", Kind.NUMBER),
            new Column("/perpetrator/category", Kind.TEXT),
            new Column("/perpetrator/detail", Kind.TEXT),
            new Column("/status", Kind.TEXT),
            new Column("/status_date", Kind.DATE),
            new Column("/narrative", Kind.TEXT),
            new Column("/consent/state", Kind.TEXT),
            new Column("/consent/share_with", Kind.TEXT),
            new Column("/consent/date", Kind.DATE),
            new Column("/consent/note", Kind.TEXT),
            new Column("/identities_withheld", Kind.BOOLEAN),
            new Column("/synthetic", Kind.BOOLEAN),
            new Column("/provenance/batch_id", Kind.TEXT),
            new Column("/provenance/file_name", Kind.TEXT),
            new Column("/provenance/row_number", Kind.NUMBER),
            new Column("/provenance/imported_at", Kind.INSTANT),
            new Column("/provenance/imported_by", Kind.TEXT),
            new Column("/provenance/content_hash", Kind.TEXT),
            new Column("/id", Kind.TEXT));

    private final SXSSFWorkbook wb = new SXSSFWorkbook(100);
    private final CellStyle date;
    private final CellStyle dateTime;
    private SXSSFSheet sheet;
    private int next;
    private int sheets;
    private long written;

    RawWorkbook() {
        wb.setCompressTempFiles(true);
        date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        dateTime = wb.createCellStyle();
        dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        newSheet();
    }

    /** Writes one row per hit of a page of the engine's answer. */
    void page(JsonNode answer) {
        for (JsonNode hit : answer.path("hits").path("hits")) {
            write(hit.path("_source"));
        }
    }

    long written() {
        return written;
    }

    private void write(JsonNode doc) {
        if (next == SXSSF_MAX_ROWS) {
            newSheet();
        }
        Row row = sheet.createRow(next++);
        for (int c = 0; c < COLUMNS.size(); c++) {
            Column column = COLUMNS.get(c);
            JsonNode v = doc.at(column.pointer());
            if (v.isMissingNode() || v.isNull()) {
                continue;
            }
            Cell cell = row.createCell(c);
            switch (column.kind()) {
                case TEXT -> cell.setCellValue(v.isArray() ? join(v) : v.asText());
                case NUMBER -> cell.setCellValue(v.asDouble());
                case BOOLEAN -> cell.setCellValue(v.asBoolean());
                case DATE -> {
                    cell.setCellValue(LocalDate.parse(v.asText()));
                    cell.setCellStyle(date);
                }
                case INSTANT -> {
                    cell.setCellValue(LocalDateTime.ofInstant(Instant.parse(v.asText()), ZoneOffset.UTC));
                    cell.setCellStyle(dateTime);
                }
            }
        }
        written++;
    }

    private static final int SXSSF_MAX_ROWS = 1_048_576;

    private void newSheet() {
        sheets++;
        sheet = wb.createSheet("Records" + (sheets == 1 ? "" : " (" + sheets + ")"));
        Row header = sheet.createRow(0);
        for (int c = 0; c < COLUMNS.size(); c++) {
            header.createCell(c).setCellValue(COLUMNS.get(c).pointer());
        }
        next = 1;
    }

    private static String join(JsonNode array) {
        StringBuilder out = new StringBuilder();
        array.forEach(v -> out.append(out.isEmpty() ? "" : ";").append(v.asText()));
        return out.toString();
    }

    /** Writes the finished workbook to {@code out}. */
    void finish(OutputStream out) throws IOException {
        wb.write(out);
    }

    @Override
    public void close() {
        wb.dispose();
    }
}
