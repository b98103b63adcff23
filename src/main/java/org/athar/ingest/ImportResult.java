package org.athar.ingest;

import java.util.List;

/**
 * The outcome of one upload: received = indexed + updated + unchanged + rejected; indexed counts reports that did not
 * exist before the batch, unchanged the rows that are the same as the stored report's row (recognised by the keyed row
 * digest, or the plain SHA-256 of reports imported before digests were keyed); errors lists every rejected row's reasons (capped at {@link ImportService#MAX_ERRORS_LISTED};
 * all are kept in quarantine).
 */
public record ImportResult(
        String batchId,
        long received,
        long indexed,
        long updated,
        long unchanged,
        long rejected,
        List<RowError> errors,
        List<String> unknownColumns) {}
