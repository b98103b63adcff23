package org.athar.ingest;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.athar.report.Gazetteer;
import org.athar.report.ReportJson;

/**
 * For the benchmark's raw side: the {@code _bulk} NDJSON of exactly the documents an import of a file writes (Athar's
 * own reader, validator and JSON mapping; the same external versions), so Elasticsearch's own indexing rate can be
 * measured on the very same documents.
 */
public final class BulkDocuments {

    /** Operations per bulk request, as the import sends them. */
    public static final int OPERATIONS_PER_REQUEST = ImportStore.BULK_OPERATIONS;
    /** Bulk requests in flight, as the import sends them. */
    public static final int CONCURRENT_REQUESTS = ImportStore.BULK_CONCURRENCY;

    private BulkDocuments() {}

    /**
     * Writes one {@code index} action and document per valid row of {@code csv} into {@code out}, for {@code index};
     * returns how many documents (rejected rows are left out: an import writes them to quarantine instead).
     */
    public static long write(Path csv, Path out, String index) throws IOException {
        // The mapper the engine client writes documents with (JacksonJsonpMapper adjusts the ObjectMapper).
        ObjectMapper json = new JacksonJsonpMapper(ReportJson.newMapper()).objectMapper();
        RowValidator validator = new RowValidator(Gazetteer.load());
        Instant now = Instant.now();
        RowValidator.BatchContext context = new RowValidator.BatchContext(
                "bench-raw",
                csv.getFileName().toString(),
                new ImportOptions(Optional.empty(), "bench", false),
                now,
                LocalDate.ofInstant(now, ZoneOffset.UTC),
                new RowDigest(new byte[RowDigestKeys.KEY_BYTES]));
        long versionBase = ImportService.versionBase(now);
        long written = 0;
        try (InputStream in = Files.newInputStream(csv);
                RowSource rows = RowSources.open(in, csv.toString());
                OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (Optional<RawRow> next = rows.next(); next.isPresent(); next = rows.next()) {
                RawRow row = next.get();
                if (validator.validate(row, context) instanceof RowValidator.Accepted a) {
                    Map<String, Object> action = new LinkedHashMap<>();
                    action.put("_index", index);
                    action.put("_id", a.report().id());
                    action.put("version", versionBase + row.number());
                    action.put("version_type", "external");
                    o.write(json.writeValueAsBytes(Map.of("index", action)));
                    o.write('\n');
                    o.write(json.writeValueAsBytes(a.report()));
                    o.write('\n');
                    written++;
                }
            }
        }
        return written;
    }
}
