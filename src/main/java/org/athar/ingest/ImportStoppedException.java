package org.athar.ingest;

import java.util.Locale;

/**
 * An import stopped part-way because the file turned out unreadable or too long; the rows before the stop are stored
 * and counted in the batch, which is marked failed with the reason.
 */
public class ImportStoppedException extends ImportFormatException {

    private final String batchId;
    private final ImportCounts counts;
    private final boolean rowLimit;

    ImportStoppedException(String batchId, ImportCounts counts, ImportFormatException cause) {
        super(cause.getMessage() + String.format(Locale.ROOT, ". The %,d rows read before this are in import %s "
                + "(%,d new, %,d updated, %,d unchanged, %,d rejected); importing the corrected file again is safe.",
                counts.received(), batchId, counts.indexed(), counts.updated(), counts.unchanged(), counts.rejected()),
                cause);
        this.batchId = batchId;
        this.counts = counts;
        this.rowLimit = cause instanceof ImportRun.RowLimitException;
    }

    public String batchId() {
        return batchId;
    }

    public ImportCounts counts() {
        return counts;
    }

    /** A short code for the audit log: {@code row_limit} or {@code unreadable_file}; never the file's content. */
    public String reason() {
        return rowLimit ? "row_limit" : "unreadable_file";
    }
}
