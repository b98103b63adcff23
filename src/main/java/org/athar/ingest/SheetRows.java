package org.athar.ingest;

import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;

/**
 * Pulls the rows of one sheet's XML with StAX, one row in memory at a time. Pulling (rather than POI's push-style SAX
 * handler) needs no thread and no queue, and closing the stream is all it takes to stop.
 */
final class SheetRows implements Closeable {

    /** A sheet row: its Excel row number (from 1) and its non-blank cell values by column index (from 0). */
    record Row(long number, Map<Integer, String> cells) {}

    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final SharedStrings strings;
    private final CellValues values;
    private long lastRow;

    SheetRows(InputStream sheet, SharedStrings strings, CellValues values) throws XMLStreamException {
        this.sheet = sheet;
        this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
        this.strings = strings;
        this.values = values;
    }

    /** The next row element of the sheet, empty at its end; rows Excel left out (never written) are not returned. */
    Optional<Row> next() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == START_ELEMENT && xml.getLocalName().equals("row")) {
                return Optional.of(row());
            }
        }
        return Optional.empty();
    }

    /** The row being read when something went wrong, for messages. */
    long lastRow() {
        return lastRow;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            sheet.close();
        }
    }

    private Row row() throws XMLStreamException {
        // "r" is optional in the file format: without it, rows and cells follow one another.
        lastRow = attribute("r").map(Long::parseLong).orElse(lastRow + 1);
        Map<Integer, String> cells = new TreeMap<>();
        int column = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == START_ELEMENT && xml.getLocalName().equals("c")) {
                int previous = column;
                column = attribute("r").map(SheetRows::columnIndex).orElse(previous + 1);
                String value = cell();
                if (!value.isBlank()) {
                    cells.put(column, value);
                }
            } else if (event == END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
        }
        return new Row(lastRow, cells);
    }

    /** The value of the cell element the reader is on, as text; leaves the reader on its end tag. */
    private String cell() throws XMLStreamException {
        String type = attribute("t").orElse("n");
        int style = attribute("s").map(Integer::parseInt).orElse(0);
        String stored = "";
        StringBuilder inline = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == START_ELEMENT) {
                depth++;
                switch (xml.getLocalName()) {
                    case "v" -> {
                        stored = xml.getElementText();
                        depth--;
                    }
                    case "t" -> {
                        inline.append(xml.getElementText());
                        depth--;
                    }
                    case "rPh" -> {
                        skipElement(); // phonetic guide for East Asian text, not part of the value
                        depth--;
                    }
                    default -> {}
                }
            } else if (event == END_ELEMENT) {
                depth--;
            }
        }
        return switch (type) {
            case "s" ->
                stored.isBlank()
                        ? ""
                        : strings.getItemAt(Integer.parseInt(stored.strip())).getString();
            case "inlineStr" -> inline.toString();
            case "b" -> stored.isBlank() ? "" : stored.strip().equals("1") ? "TRUE" : "FALSE";
            // ISO 8601 date cells (strict files): keep the date part, as for date-formatted numbers.
            case "d" -> stored.length() >= 10 ? stored.substring(0, 10) : stored;
            // "str" is a formula's text result, "e" an error such as #N/A: both as written.
            case "str", "e" -> stored;
            default -> stored.isBlank() ? "" : values.number(stored, style);
        };
    }

    private void skipElement() throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            depth += event == START_ELEMENT ? 1 : event == END_ELEMENT ? -1 : 0;
        }
    }

    /** The column index of a cell reference such as "AB12". */
    private static int columnIndex(String reference) {
        int letters = 0;
        while (letters < reference.length() && Character.isLetter(reference.charAt(letters))) {
            letters++;
        }
        return CellReference.convertColStringToIndex(reference.substring(0, letters));
    }

    private Optional<String> attribute(String name) {
        return Optional.ofNullable(xml.getAttributeValue(null, name));
    }
}
