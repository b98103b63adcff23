package org.athar.ingest;

/**
 * Published when an import has stored what it could of a file (completed, or stopped part-way with rows stored), so
 * features that derive data from reports (record linkage) can take the batch's reports into account.
 */
public record BatchImported(String batchId, long stored) {}
