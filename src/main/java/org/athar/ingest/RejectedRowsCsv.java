package org.athar.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.athar.i18n.Text;
import org.athar.platform.FormulaGuard;
import org.springframework.stereotype.Service;

/**
 * A batch's rejected rows as a CSV an administrator can fix and import again: the canonical columns as read, plus
 * a {@code reason} column (removed or ignored on re-import) in the downloader's language, UTF-8 with a BOM so Excel
 * reads Arabic correctly.
 */
@Service
public class RejectedRowsCsv {

    public static final String REASON = "reason";
    private final QuarantineStore quarantine;

    RejectedRowsCsv(QuarantineStore quarantine) {
        this.quarantine = quarantine;
    }

    /** The rejected rows with their reasons in English (as the API gave them before reasons were translated). */
    public void write(String batchId, OutputStream out) throws IOException {
        write(batchId, Locale.ENGLISH, out);
    }

    /** The rejected rows with their reasons in {@code language}: the language of whoever downloads the file. */
    public void write(String batchId, Locale language, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        List<String> header = new ArrayList<>(Columns.CANONICAL);
        header.add(Columns.RAW);
        header.add(REASON);
        try (CSVPrinter csv = new CSVPrinter(
                writer,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            quarantine.forEach(batchId, rejected -> {
                List<String> record = new ArrayList<>();
                header.subList(0, header.size() - 1)
                        .forEach(
                                c -> record.add(FormulaGuard.safe(rejected.raw().getOrDefault(c, ""))));
                record.add(FormulaGuard.safe(rejected.errors().stream()
                        .map(e -> Text.of(
                                        "import.csv.reason",
                                        String.valueOf(rejected.rowNumber()),
                                        e.field(),
                                        e.readable())
                                .in(language))
                        .collect(Collectors.joining(" | "))));
                try {
                    csv.printRecord(record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
