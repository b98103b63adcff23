package org.athar.ingest;

import org.athar.i18n.Text;

/**
 * An import stopped part-way because the file turned out unreadable or too long; the rows before the stop are stored
 * and counted in the batch, which is marked failed with the reason.
 */
public class ImportStoppedException extends ImportFormatException {

    private final String batchId;
    private final ImportCounts counts;
    private final boolean rowLimit;

    ImportStoppedException(String batchId, ImportCounts counts, ImportFormatException cause) {
        super(
                Text.of(
                        "import.stopped",
                        cause.text(),
                        counts.received(),
                        batchId,
                        counts.indexed(),
                        counts.updated(),
                        counts.unchanged(),
                        counts.rejected()),
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
