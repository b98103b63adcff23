package org.athar.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.athar.report.Origin;

/**
 * The keys under which a row received in a partner's package carries its {@link Origin} through validation (issue
 * 21). They start with "_", like {@link Columns#RAW}, so no header of an uploaded file can produce them: only a
 * {@link RowSource} built by Athar itself (the package receiver) sets them.
 */
public final class OriginColumns {

    public static final String SENDER = "_origin_sender";
    public static final String SENDER_FINGERPRINT = "_origin_sender_fingerprint";
    public static final String PACKAGE_ID = "_origin_package_id";
    public static final String SOURCE = "_origin_source";
    public static final String REPORT_ID = "_origin_report_id";
    public static final String BATCH_ID = "_origin_batch_id";
    public static final String IMPORTED_AT = "_origin_imported_at";
    /** "true" when the sender marked the report synthetic (demo data): it stays marked here. */
    public static final String SYNTHETIC = "_origin_synthetic";

    private OriginColumns() {}

    /** The row's origin, when it names a sender, its key and the package (all three, or it has none). */
    static Optional<Origin> read(RawRow row) {
        Optional<String> sender = text(row, SENDER);
        Optional<String> fingerprint = text(row, SENDER_FINGERPRINT);
        Optional<String> packageId = text(row, PACKAGE_ID);
        if (sender.isEmpty() || fingerprint.isEmpty() || packageId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Origin(
                sender.get(),
                fingerprint.get(),
                packageId.get(),
                text(row, SOURCE),
                text(row, REPORT_ID),
                text(row, BATCH_ID),
                text(row, IMPORTED_AT).flatMap(OriginColumns::instant)));
    }

    /** Whether the row is a partner's synthetic report. */
    static boolean synthetic(RawRow row) {
        return "true".equals(row.values().get(SYNTHETIC));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            // The sender's own import time is a trace, not data: a form Athar did not write is left out.
            return Optional.empty();
        }
    }

    private static Optional<String> text(RawRow row, String key) {
        return Optional.ofNullable(row.values().get(key)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
