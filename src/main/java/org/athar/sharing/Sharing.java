package org.athar.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.athar.report.Gazetteer;
import org.athar.search.BadParameterException;
import org.athar.search.ReportQuery;
import org.athar.security.AuditAction;
import org.athar.security.AuditEntry.Outcome;
import org.athar.security.AuditLog;
import org.athar.security.AuditUnavailableException;
import org.athar.security.ClientAddress;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * Sharing with partner institutions, the one entry for the API and the Sharing page: preview and prepare packages
 * (drafts), send them (sealed file, ledger entry), list and download them, read the ledger and send withdrawal
 * notices. Every step checks the viewer's permission here (PREPARE_SHARE to prepare and read the list, SHARE to send,
 * download, withdraw and read the ledger) and is audited as {@link AuditAction#SHARE}, refusals too.
 */
@Service
public class Sharing {

    /** Report ids one withdrawal notice may name; send several notices for more. */
    public static final int MAX_WITHDRAWAL_IDS = 10_000;

    /** How many unknown ids a refused withdrawal lists. */
    static final int LISTED_IDS = 10;

    /** A sealed file to download: its name, size and bytes. */
    public record Download(String fileName, long bytes, InputStream content) {}

    private final Recipients recipients;
    private final PackageWriter writer;
    private final PackageStore packages;
    private final PackageSender sender;
    private final Ledger ledger;
    private final SharingFiles files;
    private final AuditLog audit;
    private final Gazetteer gazetteer;
    private final Clock clock;
    /** Drafts being sent now: a second send of the same draft is refused rather than racing the first. */
    private final Set<String> sending = ConcurrentHashMap.newKeySet();

    Sharing(
            Recipients recipients,
            PackageWriter writer,
            PackageStore packages,
            PackageSender sender,
            Ledger ledger,
            SharingFiles files,
            AuditLog audit,
            Gazetteer gazetteer,
            Clock clock) {
        this.recipients = recipients;
        this.writer = writer;
        this.packages = packages;
        this.sender = sender;
        this.ledger = ledger;
        this.files = files;
        this.audit = audit;
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    /** How many reports of {@code query} would go to the recipient and how many are held back, without writing. */
    public SharePreview preview(Viewer viewer, String recipientName, ReportQuery query) throws IOException {
        viewer.require(Permission.PREPARE_SHARE);
        return writer.preview(recipient(viewer, ClientAddress.current(), "preview", recipientName), query);
    }

    /**
     * A package of the reports of {@code query} shareable with the recipient. With SHARE and not {@code draft} it is
     * sent at once; otherwise (and always for a viewer with only PREPARE_SHARE) it is a draft: counts, no file.
     */
    public SharePackage prepare(Viewer viewer, String recipientName, ReportQuery query, boolean draft)
            throws IOException {
        String address = ClientAddress.current();
        require(viewer, address, Permission.PREPARE_SHARE);
        Recipient recipient = recipient(viewer, address, "prepare", recipientName);
        String filter = FilterString.of(query);
        String packageId = PackageIds.next(clock);
        if (viewer.can(Permission.SHARE) && !draft) {
            SharePackage unsent = SharePackage.draft(
                    packageId,
                    recipient,
                    filter,
                    new SharePreview(0, new Withheld(0, 0, 0)),
                    clock.instant(),
                    viewer.username());
            return sender.send(viewer, address, unsent, recipient, query, written -> {});
        }
        SharePackage prepared = SharePackage.draft(
                packageId, recipient, filter, writer.preview(recipient, query), clock.instant(), viewer.username());
        audit.record(viewer, address, AuditAction.SHARE, Outcome.SUCCESS, SharingAudit.details("prepare", prepared));
        packages.save(prepared);
        return prepared;
    }

    /** Sends a draft on the caller's thread; {@code progress} receives the running count of reports written. */
    public SharePackage send(Viewer viewer, String packageId, LongConsumer progress) throws IOException {
        return send(viewer, ClientAddress.current(), packageId, progress);
    }

    /** As {@link #send(Viewer, String, LongConsumer)} for work off the request thread (the page's background send). */
    public SharePackage send(Viewer viewer, String address, String packageId, LongConsumer progress)
            throws IOException {
        require(viewer, address, Permission.SHARE);
        SharePackage draft = packages.find(packageId).orElseThrow(() -> new PackageNotFoundException(packageId));
        if (draft.state() != PackageState.DRAFT || !sending.add(packageId)) {
            throw new PackageNotDraftException(packageId);
        }
        try {
            Recipient recipient = recipients
                    .byId(draft.recipientId())
                    .orElseThrow(() -> new BadParameterException(
                            "recipient",
                            "the recipient " + draft.recipient() + " of this draft is no longer registered; "
                                    + "register it again and prepare a new package"));
            ReportQuery query = FilterString.parse(draft.filter(), gazetteer);
            return sender.send(viewer, address, draft, recipient, query, progress);
        } finally {
            sending.remove(packageId);
        }
    }

    /** Drafts, sent packages and withdrawal notices, newest first. */
    public List<SharePackage> packages(Viewer viewer) {
        viewer.require(Permission.PREPARE_SHARE);
        return packages.newestFirst();
    }

    public Optional<SharePackage> find(Viewer viewer, String packageId) {
        viewer.require(Permission.PREPARE_SHARE);
        return PackageIds.wellFormed(packageId) ? packages.find(packageId) : Optional.empty();
    }

    /** The sealed file of a sent package or notice; audited before its bytes are handed out. */
    public Optional<Download> download(Viewer viewer, String packageId) throws IOException {
        String address = ClientAddress.current();
        require(viewer, address, Permission.SHARE);
        Optional<SharePackage> sent = find(viewer, packageId).filter(p -> p.state() == PackageState.SENT);
        Optional<Path> file = sent.flatMap(p -> files.find(p.fileName()));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        SharePackage p = sent.get();
        audit.record(viewer, address, AuditAction.SHARE, Outcome.SUCCESS, SharingAudit.details("download", p));
        return Optional.of(new Download(p.fileName(), Files.size(file.get()), files.open(file.get())));
    }

    /** Every package and withdrawal notice sent, newest first. */
    public List<LedgerEntry> ledger(Viewer viewer) {
        require(viewer, ClientAddress.current(), Permission.SHARE);
        return ledger.newestFirst();
    }

    public Optional<LedgerEntry> ledgerEntry(Viewer viewer, String packageId) {
        require(viewer, ClientAddress.current(), Permission.SHARE);
        return PackageIds.wellFormed(packageId) ? ledger.entry(packageId) : Optional.empty();
    }

    /** The report ids the entry names (sender doc ids), streamed chunk by chunk; false if there is no such entry. */
    public boolean ledgerIds(Viewer viewer, String packageId, Consumer<String> each) {
        require(viewer, ClientAddress.current(), Permission.SHARE);
        return PackageIds.wellFormed(packageId) && ledger.forEachId(packageId, each);
    }

    /** Where one report has gone: the ledger entries naming it, newest first (the report page's section). */
    public List<LedgerEntry> sharedWith(Viewer viewer, String reportId) {
        viewer.require(Permission.PREPARE_SHARE);
        return ledger.naming(reportId);
    }

    /**
     * Sends a withdrawal notice asking the recipient to delete {@code reportIds}, each of which the ledger must show
     * was sent to that recipient.
     */
    public SharePackage withdraw(Viewer viewer, String recipientName, List<String> reportIds, String reason)
            throws IOException {
        String address = ClientAddress.current();
        require(viewer, address, Permission.SHARE);
        Recipient recipient = recipient(viewer, address, "withdraw", recipientName);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(
                reportIds == null
                        ? List.of()
                        : reportIds.stream().map(String::strip).toList()));
        if (ids.isEmpty() || ids.size() > MAX_WITHDRAWAL_IDS) {
            throw new BadParameterException(
                    "reportIds",
                    "give from 1 to " + MAX_WITHDRAWAL_IDS + " report ids to withdraw (not " + ids.size()
                            + "); send several notices for more");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadParameterException("reason", "say why the reports are withdrawn (reason), for the recipient");
        }
        Set<String> sent = ledger.sentTo(recipient, ids);
        List<String> never = ids.stream().filter(id -> !sent.contains(id)).toList();
        if (!never.isEmpty()) {
            refused(viewer, address, "withdraw", recipient.name(), "ids_not_sent");
            throw new BadParameterException(
                    "reportIds",
                    never.size() + " of the report ids were never sent to " + recipient.name() + " ("
                            + String.join(", ", never.subList(0, Math.min(LISTED_IDS, never.size())))
                            + (never.size() > LISTED_IDS ? ", …" : "")
                            + "); withdraw only ids that GET /api/v1/sharing/ledger/{packageId}/ids lists for a "
                            + "package to that recipient");
        }
        return sender.withdraw(viewer, address, recipient, ids, reason.strip());
    }

    private Recipient recipient(Viewer viewer, String address, String step, String name) {
        Optional<Recipient> found = name == null || name.isBlank() ? Optional.empty() : recipients.byName(name.strip());
        if (found.isEmpty()) {
            refused(viewer, address, step, name, "unknown_recipient");
            throw new BadParameterException(
                    "recipient",
                    "no recipient is registered under the name '" + (name == null ? "" : name.strip())
                            + "'; an administrator registers recipients with POST /api/v1/admin/recipients");
        }
        return found.get();
    }

    private void require(Viewer viewer, String address, Permission permission) {
        if (!viewer.can(permission)) {
            audit.denied(viewer, address, AuditAction.SHARE, permission);
            viewer.require(permission);
        }
    }

    private void refused(Viewer viewer, String address, String step, String recipient, String reason) {
        try {
            audit.record(
                    viewer,
                    address,
                    AuditAction.SHARE,
                    Outcome.FAILURE,
                    Map.copyOf(SharingAudit.refused(step, recipient, reason)));
        } catch (AuditUnavailableException e) {
            // Logged by the audit log; the refusal stands either way.
        }
    }
}
