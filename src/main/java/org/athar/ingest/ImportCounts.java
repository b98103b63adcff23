package org.athar.ingest;

/** Where an import stands: rows read, and of those stored as new, stored as updates, and rejected. */
public record ImportCounts(long received, long indexed, long updated, long rejected) {}
