package org.athar.sharing;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.athar.search.ReportQuery;
import org.athar.security.AuditAction;
import org.athar.security.AuditEntry.Outcome;
import org.athar.security.AuditLog;
import org.athar.security.Viewer;
import org.springframework.stereotype.Component;

/**
 * Builds, seals and records one package or withdrawal notice: the ZIP is written through {@link PackageWriter} into
 * {@link OpenPgp#seal} into a temporary file whose SHA-256 is computed on the way; then the audit entry (fail closed),
 * the file's real name, the ledger entry and the package's state. A failure at any step leaves neither a ledger entry
 * nor a file (report ids already written under the failed attempt are never read: no entry names that attempt).
 */
@Component
class PackageSender {

    private final PackageWriter writer;
    private final InstallationKey key;
    private final LedgerStore ledger;
    private final PackageStore packages;
    private final SharingFiles files;
    private final AuditLog audit;
    private final Clock clock;

    PackageSender(
            PackageWriter writer,
            InstallationKey key,
            LedgerStore ledger,
            PackageStore packages,
            SharingFiles files,
            AuditLog audit,
            Clock clock) {
        this.writer = writer;
        this.key = key;
        this.ledger = ledger;
        this.packages = packages;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends {@code draft}: selects its reports again with {@code query}, writes, seals and records them. */
    SharePackage send(
            Viewer viewer,
            String address,
            SharePackage draft,
            Recipient recipient,
            ReportQuery query,
            LongConsumer progress)
            throws IOException {
        String attempt = PackageIds.random(8);
        Instant at = clock.instant();
        PackageSpec spec = new PackageSpec(draft.packageId(), at, viewer.username(), recipient, query, draft.filter());
        LedgerIds ids = new LedgerIds(ledger, draft.packageId(), attempt, LedgerKind.PACKAGE, recipient.name());
        PartnerKey to = recipient.key();
        PackageContents[] written = new PackageContents[1];
        SharingFiles.Pending pending = files.write(out -> {
            try (OutputStream sealed = OpenPgp.seal(out, key, to, literalName(draft.packageId()))) {
                written[0] = writer.write(sealed, spec, ids, progress);
            }
            ids.flush();
        });
        if (ids.count() != written[0].reports()) {
            files.discard(pending);
            throw new IllegalStateException("package " + draft.packageId() + " holds " + written[0].reports()
                    + " reports but " + ids.count() + " ids were handed to the ledger; nothing was sent");
        }
        SharePackage sent = draft.sent(written[0], pending.sha256(), at, viewer.username());
        return record(viewer, address, sent, attempt, pending);
    }

    /** Sends a withdrawal notice naming {@code reportIds} (checked by the caller to have gone to the recipient). */
    SharePackage withdraw(Viewer viewer, String address, Recipient recipient, List<String> reportIds, String reason)
            throws IOException {
        String packageId = PackageIds.next(clock);
        String attempt = PackageIds.random(8);
        Instant at = clock.instant();
        WithdrawalSpec spec = new WithdrawalSpec(packageId, at, viewer.username(), recipient, reportIds, reason);
        PartnerKey to = recipient.key();
        SharingFiles.Pending pending = files.write(out -> {
            try (OutputStream sealed = OpenPgp.seal(out, key, to, "athar-withdrawal-" + packageId + ".zip")) {
                writer.writeWithdrawal(sealed, spec);
            }
        });
        LedgerIds ids = new LedgerIds(ledger, packageId, attempt, LedgerKind.WITHDRAWAL, recipient.name());
        try {
            reportIds.forEach(ids);
            ids.flush();
        } catch (RuntimeException e) {
            files.discard(pending);
            throw e;
        }
        SharePackage notice = new SharePackage(
                packageId,
                LedgerKind.WITHDRAWAL,
                PackageState.SENT,
                recipient.name(),
                recipient.id(),
                recipient.fingerprint(),
                "",
                reportIds.size(),
                0,
                0,
                0,
                pending.sha256(),
                reason,
                at,
                viewer.username(),
                at,
                viewer.username());
        return record(viewer, address, notice, attempt, pending);
    }

    private SharePackage record(
            Viewer viewer, String address, SharePackage sent, String attempt, SharingFiles.Pending pending)
            throws IOException {
        try {
            audit.record(
                    viewer,
                    address,
                    AuditAction.SHARE,
                    Outcome.SUCCESS,
                    SharingAudit.details(sent.kind() == LedgerKind.PACKAGE ? "send" : "withdraw", sent));
        } catch (RuntimeException e) {
            files.discard(pending);
            throw e;
        }
        files.commit(pending, sent.fileName());
        try {
            ledger.createEntry(entry(sent), attempt);
        } catch (RuntimeException e) {
            files.remove(sent.fileName());
            throw e;
        }
        packages.save(sent);
        return sent;
    }

    static String literalName(String packageId) {
        return "athar-package-" + packageId + ".zip";
    }

    private static LedgerEntry entry(SharePackage sent) {
        return new LedgerEntry(
                sent.packageId(),
                sent.kind(),
                sent.sentAt(),
                sent.sentBy(),
                sent.recipient(),
                sent.recipientFingerprint(),
                sent.filter(),
                sent.reports(),
                sent.sha256(),
                Optional.ofNullable(sent.reason()));
    }
}
