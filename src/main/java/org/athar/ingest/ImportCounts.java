package org.athar.ingest;

/** Where an import stands: rows read, and of those stored as new, stored as updates, and rejected. */
public record ImportCounts(long received, long indexed, long updated, long rejected) {

    /** Rows read whose outcome the engine has not confirmed yet. */
    public long pending() {
        return received - indexed - updated - rejected;
    }
}
