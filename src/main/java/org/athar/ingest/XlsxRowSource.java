package org.athar.ingest;

import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.SAXException;

/**
 * Reads the first sheet of an .xlsx workbook as rows, streaming. The first row with a value is the header; rows
 * without any value are skipped. A row's number is its Excel row number minus the header's, so with the header on
 * Excel row 1 the user finds row 17 on Excel row 18, empty rows above it included.
 */
final class XlsxRowSource implements RowSource {

    private static final String RESAVE =
            "; open it in Excel or LibreOffice, save it as an Excel workbook (.xlsx) and " + "upload it again";

    /** What close() releases, last opened first: the sheet stream, the package, the temporary copy. */
    private final Deque<Closeable> opened;

    private final SheetRows rows;
    private final Header header;
    private final long headerRow;

    private XlsxRowSource(Deque<Closeable> opened, SheetRows rows, Header header, long headerRow) {
        this.opened = opened;
        this.rows = rows;
        this.header = header;
        this.headerRow = headerRow;
    }

    /**
     * Copies {@code in} to a temporary file first: a zip needs random access, and POI's stream-based opening would
     * hold the whole unpacked workbook in memory. Reads the header at once.
     */
    static XlsxRowSource open(InputStream in) throws IOException {
        Deque<Closeable> opened = new ArrayDeque<>();
        Path copy = Files.createTempFile("athar-upload-", ".xlsx");
        opened.push(() -> Files.deleteIfExists(copy));
        try (in) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw closedAfter(e, opened);
        }
        try {
            OPCPackage workbook = OPCPackage.open(copy.toFile(), PackageAccess.READ);
            opened.push(workbook::revert); // revert, not close: close() would try to save a read-only package
            XSSFReader reader = new XSSFReader(workbook);
            StylesTable styles = Optional.ofNullable(reader.getStylesTable()).orElseGet(StylesTable::new);
            SheetRows rows = new SheetRows(
                    firstSheet(reader),
                    new ReadOnlySharedStringsTable(workbook, false),
                    new CellValues(styles, date1904(reader)));
            opened.push(rows);
            SheetRows.Row first = firstNonEmpty(rows);
            Header header = Header.of(names(first.cells()), CellReference::convertNumToColString);
            return new XlsxRowSource(opened, rows, header, first.number());
        } catch (ImportFormatException e) {
            throw closedAfter(e, opened);
        } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            // POI reports a damaged or foreign file (an old .xls renamed, a truncated zip) through all of these.
            // POI's text may name the temporary copy; the user should see neither it nor the server's paths.
            String detail = String.valueOf(e.getMessage()).replace(copy.toString(), "the upload");
            throw closedAfter(
                    XlsxSafety.refusal(e)
                            .orElseGet(() -> new ImportFormatException(
                                    "The file is not a " + "readable .xlsx workbook (" + detail + ")" + RESAVE, e)),
                    opened);
        }
    }

    @Override
    public List<String> unknownColumns() {
        return header.unknownColumns();
    }

    @Override
    public Optional<RawRow> next() throws IOException {
        try {
            for (Optional<SheetRows.Row> next = rows.next(); next.isPresent(); next = rows.next()) {
                if (!next.get().cells().isEmpty()) {
                    Map<String, String> values = new HashMap<>();
                    next.get().cells().forEach((column, value) -> header.put(values, column, value));
                    return Optional.of(RawRow.of(next.get().number() - headerRow, values));
                }
            }
            return Optional.empty();
        } catch (XMLStreamException | NumberFormatException | IndexOutOfBoundsException e) {
            throw XlsxSafety.refusal(e)
                    .orElseGet(() -> new ImportFormatException(
                            "The sheet is damaged near Excel row " + rows.lastRow() + " (" + e.getMessage() + ")"
                                    + RESAVE,
                            e));
        }
    }

    @Override
    public void close() throws IOException {
        closeAll(opened);
    }

    private static InputStream firstSheet(XSSFReader reader) throws IOException, OpenXML4JException {
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw new ImportFormatException("The workbook has no sheet" + RESAVE);
        }
        return sheets.next();
    }

    /** Whether dates count from 1904 (workbooks from old Mac Excel), which shifts every date by four years. */
    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == START_ELEMENT && xml.getLocalName().equals("workbookPr")) {
                        String value = xml.getAttributeValue(null, "date1904");
                        return "1".equals(value) || "true".equals(value);
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        }
    }

    private static SheetRows.Row firstNonEmpty(SheetRows rows) throws XMLStreamException {
        for (Optional<SheetRows.Row> next = rows.next(); next.isPresent(); next = rows.next()) {
            if (!next.get().cells().isEmpty()) {
                return next.get();
            }
        }
        throw new ImportFormatException("The first sheet of the workbook is empty; its first row must be a header "
                + "with the canonical column names, see docs/data-format.md");
    }

    /** Header names by position; a gap between named columns is a column without a name. */
    private static List<String> names(Map<Integer, String> cells) {
        List<String> names = new ArrayList<>();
        cells.forEach((column, name) -> {
            while (names.size() < column) {
                names.add("");
            }
            names.add(name);
        });
        return names;
    }

    /** {@code failure}, after releasing everything opened; a failure to release is attached to it. */
    private static <E extends Exception> E closedAfter(E failure, Deque<Closeable> opened) {
        try {
            closeAll(opened);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private static void closeAll(Deque<Closeable> opened) throws IOException {
        IOException failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
