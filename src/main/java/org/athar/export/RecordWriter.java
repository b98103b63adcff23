package org.athar.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.athar.platform.FormulaGuard;
import org.athar.report.ReportJson;
import org.athar.report.VisibleReport;

/** Writes reports one at a time into a records file (CSV or JSON Lines), so no export holds its rows in memory. */
interface RecordWriter extends AutoCloseable {

    void write(VisibleReport report);

    /** Flushes what is buffered; the output stream stays open for its owner to close. */
    @Override
    void close() throws IOException;

    /**
     * CSV for Excel: UTF-8 with a byte order mark (so Excel reads Arabic), RFC 4180 quoting, CRLF line ends, the
     * header in the export's language and every text cell guarded by {@link FormulaGuard}.
     */
    static RecordWriter csv(RecordColumns columns, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        List<String> header = new ArrayList<>();
        columns.headers().forEach(h -> header.add(FormulaGuard.safe(h)));
        csv.printRecord(header);
        List<RecordColumns.Column> all = columns.columns();
        String[] row = new String[all.size()];
        return new RecordWriter() {
            @Override
            public void write(VisibleReport report) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = RecordColumns.text(all.get(i), report);
                }
                try {
                    csv.printRecord((Object[]) row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() throws IOException {
                csv.flush();
            }
        };
    }

    /**
     * JSON Lines: one report per line as {@code GET /api/v1/reports/{id}} returns it (identities absent and
     * {@code identities_withheld: true} when withheld), plus {@code link}, the report's page in Athar. No BOM.
     */
    static RecordWriter jsonLines(String reportLink, OutputStream out) {
        ObjectMapper json = ReportJson.newMapper();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        return new RecordWriter() {
            @Override
            public void write(VisibleReport report) {
                ObjectNode node = json.valueToTree(report);
                node.put("link", reportLink + report.id());
                try {
                    writer.write(json.writeValueAsString(node));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() throws IOException {
                writer.flush();
            }
        };
    }
}
