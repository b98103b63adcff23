package org.athar.security;

/** One thing a signed-in user may do; roles are sets of these (see {@link Role}). */
public enum Permission {
    /** Open Search and report pages (names redacted unless {@link #SEE_IDENTITIES}). */
    SEARCH,
    /** Receive victim names, Latin names, narratives and localities, and search by them. */
    SEE_IDENTITIES,
    /** Open Trends and the statistics and chart endpoints. */
    VIEW_TRENDS,
    /** Export one row per report (CSV, JSON Lines, the workbook's Records sheet). */
    EXPORT_RECORDS,
    /** Export aggregates: charts, workbooks without records, briefings. */
    EXPORT_AGGREGATES,
    /** Receive exact small counts (the {@code internal} disclosure profile); without it, always {@code public}. */
    SEE_EXACT_COUNTS,
    /** Review candidate pairs of reports of the same person: confirm or reject links (record linkage). */
    REVIEW_LINKS,
    /** Import files and read batches and their rejected rows. */
    IMPORT,
    /** Prepare a sharing package for a recipient as a draft, which someone with {@link #SHARE} sends (issue 21). */
    PREPARE_SHARE,
    /** Send sharing packages and withdrawal notices to registered recipients, and read the sharing ledger. */
    SHARE,
    /** Manage users, read the audit log, change settings, keys, recipients and senders. */
    ADMINISTER
}
