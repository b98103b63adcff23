package org.athar.sharing;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the sharing ledger: a package or withdrawal notice that left, to whom, when, by whom, with which
 * filter, how many reports and the SHA-256 of the sealed file. The report ids are kept apart, in chunks
 * ({@link Sharing#ledgerIds}).
 *
 * @param filter the search filters as a query string; empty for a withdrawal
 * @param reason why the reports are withdrawn; empty for a package
 */
public record LedgerEntry(
        String packageId,
        LedgerKind kind,
        Instant at,
        String by,
        String recipient,
        String recipientFingerprint,
        String filter,
        long reports,
        String sha256,
        Optional<String> reason) {}
