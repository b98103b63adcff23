package org.athar.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.athar.i18n.Text;

/**
 * Reads a UTF-8 CSV file (comma or semicolon, told apart by the header line) as rows. Row numbers count data records
 * from 1; blank lines and records whose values are all empty are not data rows. A record with a quote that is never
 * closed becomes one unreadable row holding the rest of the file, so nothing after it is imported half-parsed.
 */
final class CsvRowSource implements RowSource {

    private final Reader reader;
    private final CsvRecords records;
    private final CSVFormat format;
    private final Header header;
    private long number;

    /** Reads the header at once, so a file that cannot be imported is refused before any row is read. */
    CsvRowSource(InputStream in) throws IOException {
        reader = Utf8Text.reader(in);
        records = new CsvRecords(reader);
        try {
            CsvRecords.Text first = firstRecord();
            char delimiter = delimiterOf(first.text());
            records.delimiter(delimiter);
            format = CSVFormat.RFC4180
                    .builder()
                    .setDelimiter(delimiter)
                    .setIgnoreSurroundingSpaces(true)
                    .get();
            header = Header.of(headerNames(first.text()), position -> String.valueOf(position + 1));
        } catch (CharacterCodingException e) {
            reader.close();
            throw Utf8Text.notUtf8InHeader();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public List<String> unknownColumns() {
        return header.unknownColumns();
    }

    @Override
    public Optional<RawRow> next() throws IOException {
        try {
            for (Optional<CsvRecords.Text> next = records.next(); next.isPresent(); next = records.next()) {
                Optional<RawRow> row = row(next.get());
                if (row.isPresent()) {
                    return row;
                }
            }
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw Utf8Text.notUtf8(number + 1);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** The row a record makes, or empty if the record is blank and so not a data row. */
    private Optional<RawRow> row(CsvRecords.Text record) {
        String text = record.text();
        if (text.isBlank()) {
            return Optional.empty();
        }
        if (record.problem().isPresent()) {
            return Optional.of(
                    RawRow.unreadable(++number, text, record.problem().get()));
        }
        List<String> values;
        try {
            values = parse(text);
        } catch (IOException e) {
            return Optional.of(RawRow.unreadable(++number, text, "not valid CSV: " + e.getMessage()));
        }
        int used = lastNonBlank(values) + 1;
        if (used == 0) {
            return Optional.empty();
        }
        number++;
        if (used > header.size()) {
            return Optional.of(RawRow.unreadable(
                    number,
                    text,
                    "row has " + used + " values but the header has "
                            + header.size() + " columns (a value with a " + format.getDelimiterString()
                            + " in it must be in quotes)"));
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < used; i++) {
            header.put(row, i, values.get(i));
        }
        return Optional.of(RawRow.of(number, row));
    }

    /** The values of one record's text, parsed by commons-csv. */
    private List<String> parse(String text) throws IOException {
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<CSVRecord> parsed = parser.getRecords();
            if (parsed.size() != 1) {
                // Only if the splitter and commons-csv disagree on quoting; the row is then kept unread, not guessed.
                throw new IOException("it reads as " + parsed.size() + " records");
            }
            return parsed.get(0).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private List<String> headerNames(String text) {
        try {
            return parse(text);
        } catch (IOException e) {
            throw new ImportFormatException(
                    "The header line is not valid CSV (" + e.getMessage()
                            + "); the first line must hold the column names separated by commas, see docs/data-format.md",
                    e);
        }
    }

    private CsvRecords.Text firstRecord() throws IOException {
        for (Optional<CsvRecords.Text> next = records.next(); next.isPresent(); next = records.next()) {
            if (next.get().problem().isPresent()) {
                throw new ImportFormatException("The header line cannot be read: "
                        + next.get().problem().get()
                        + "; the first line must hold the column names, see docs/data-format.md");
            }
            if (!next.get().text().isBlank()) {
                return next.get();
            }
        }
        throw new ImportFormatException(Text.of("import.error.empty-file"));
    }

    /** Semicolon if it occurs more often than the comma outside quotes (Excel in Arabic and European locales). */
    private static char delimiterOf(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean inQuotes = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && c == ',') {
                commas++;
            } else if (!inQuotes && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static int lastNonBlank(List<String> values) {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (!values.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
