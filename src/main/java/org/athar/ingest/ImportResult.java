package org.athar.ingest;

import java.util.List;

/**
 * The outcome of one upload: received = indexed + updated + rejected; indexed counts reports that did not exist
 * before the batch; errors lists every rejected row's reasons (capped at {@link ImportService#MAX_ERRORS_LISTED};
 * all are kept in quarantine).
 */
public record ImportResult(String batchId, long received, long indexed, long updated, long rejected,
        List<RowError> errors, List<String> unknownColumns) {}
