package org.athar.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.athar.report.Gazetteer;
import org.athar.report.Report;

/** For tests without an engine: the reports an import of a CSV or workbook would store (Athar's own reader and validator). */
public final class CsvReports {

    private CsvReports() {}

    public static List<Report> read(InputStream in, String fileName) throws IOException {
        RowValidator validator = new RowValidator(Gazetteer.load());
        Instant now = Instant.now();
        RowValidator.BatchContext context = new RowValidator.BatchContext(
                "test",
                fileName,
                new ImportOptions(Optional.empty(), "test", false),
                now,
                LocalDate.ofInstant(now, ZoneOffset.UTC),
                new RowDigest(new byte[RowDigestKeys.KEY_BYTES]));
        List<Report> out = new ArrayList<>();
        try (RowSource rows = RowSources.open(in, fileName)) {
            for (Optional<RawRow> next = rows.next(); next.isPresent(); next = rows.next()) {
                if (validator.validate(next.get(), context) instanceof RowValidator.Accepted a) {
                    out.add(a.report());
                }
            }
        }
        return out;
    }
}
