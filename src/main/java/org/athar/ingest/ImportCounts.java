package org.athar.ingest;

/**
 * Where an import stands: rows read, and of those stored as new, stored as updates, the same as the stored report's
 * row (written again, counted apart), and rejected.
 */
public record ImportCounts(long received, long indexed, long updated, long unchanged, long rejected) {}
