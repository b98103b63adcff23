package org.athar.sharing;

import java.time.Instant;
import org.athar.search.ReportQuery;

/**
 * One package to write: its id, when and by whom it was made, for whom, which reports (the search filters) and those
 * filters as a query string (without the recipient) for the manifest.
 */
public record PackageSpec(
        String packageId, Instant createdAt, String createdBy, Recipient recipient, ReportQuery query, String filter) {}
