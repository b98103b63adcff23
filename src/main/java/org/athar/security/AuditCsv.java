package org.athar.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.athar.platform.FormulaGuard;
import org.springframework.stereotype.Service;

/**
 * The audit log as CSV, one row per entry, newest first: UTF-8 with a BOM (so Excel reads Arabic), codes rather than
 * labels (the same in every language), details as one JSON object, and every cell guarded against formula injection
 * (a user name typed at a failed sign-in is attacker-controlled).
 */
@Service
public class AuditCsv {

    public static final List<String> HEADER =
            List.of("time", "username", "client_address", "action", "outcome", "details");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditLog audit;

    AuditCsv(AuditLog audit) {
        this.audit = audit;
    }

    /** An export of the audit log that is recorded in the log and ready to be written. */
    public interface Download {

        /** Writes the CSV to {@code out}, leaving it open. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Records the export of the entries matching {@code filter} in the log itself, before anything is sent (so nothing
     * is sent if that cannot be recorded: {@link AuditUnavailableException}); needs {@link Permission#ADMINISTER}.
     */
    public Download prepare(Viewer viewer, String clientAddress, AuditFilter filter) throws IOException {
        audit.exportedAuditLog(viewer, clientAddress, filter, audit.count(viewer, filter));
        return out -> write(viewer, filter, out);
    }

    private void write(Viewer viewer, AuditFilter filter, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(
                writer,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(HEADER.toArray(String[]::new))
                        .get());
        try {
            audit.forEach(viewer, filter, e -> {
                try {
                    csv.printRecord(
                            FormulaGuard.safe(e.time().toString()),
                            FormulaGuard.safe(e.username()),
                            FormulaGuard.safe(e.clientAddress()),
                            FormulaGuard.safe(e.action().code()),
                            FormulaGuard.safe(e.outcome().code()),
                            FormulaGuard.safe(JSON.writeValueAsString(e.details())));
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }
}
