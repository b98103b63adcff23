package org.athar.sharing;

import static org.athar.sharing.PackageRefusedException.Reason.UNKNOWN_SENDER;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athar.ingest.ImportCounts;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.linkage.LinkageWorker;
import org.athar.report.Report;
import org.athar.security.AuditAction;
import org.athar.security.AuditEntry.Outcome;
import org.athar.security.AuditLog;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Receives a partner's package or withdrawal notice (issue 21): decrypts it with this installation's key, verifies
 * the signature against the registered senders and every file against the manifest, and only then imports the
 * reports through the same pipeline as an upload, or removes the withdrawn ones. A refused file leaves nothing
 * stored: no batch, no report, no quarantined row, no temporary file.
 */
@Service
public class PackageReceiver {

    private static final Logger log = LoggerFactory.getLogger(PackageReceiver.class);

    private final InstallationKey own;
    private final Senders senders;
    private final ImportService imports;
    private final ReceivedReportStore reports;
    private final LinkageWorker linkage;
    private final AuditLog audit;

    PackageReceiver(
            InstallationKey own,
            Senders senders,
            ImportService imports,
            ReceivedReportStore reports,
            LinkageWorker linkage,
            AuditLog audit) {
        this.own = own;
        this.senders = senders;
        this.imports = imports;
        this.reports = reports;
        this.linkage = linkage;
        this.audit = audit;
    }

    /**
     * Receives the file {@code in} (an OpenPGP message) uploaded as {@code fileName}. Requires {@code IMPORT}. Throws
     * {@link PackageRefusedException} (audited, nothing stored) when it is not a package for this installation from
     * a registered sender, intact.
     */
    public Received receive(Viewer viewer, String address, InputStream in, String fileName) {
        viewer.require(Permission.IMPORT);
        Path content = null;
        try {
            content = Files.createTempFile("athar-received-", ".zip");
            restrict(content);
            PartnerKey signer;
            try (OutputStream out = Files.newOutputStream(content)) {
                signer = OpenPgp.open(in, own, senders.keys(), out);
            }
            Sender sender = senders.byFingerprint(signer.fingerprint())
                    .orElseThrow(() -> ReceivedPackage.refused(UNKNOWN_SENDER, "no sender has the signing key"));
            try (ReceivedPackage pkg = ReceivedPackage.open(content, sender.fingerprint(), own.fingerprint())) {
                return pkg.withdrawal()
                        ? withdraw(viewer, address, pkg, sender, fileName)
                        : importReports(viewer, address, pkg, sender, fileName);
            }
        } catch (PackageRefusedException e) {
            log.warn("Refused the package {} ({}): {}", fileName, e.reason().code(), e.getMessage());
            audit.record(
                    viewer,
                    address,
                    AuditAction.RECEIVE,
                    Outcome.FAILURE,
                    Map.of("file_name", fileName, "reason", e.reason().code()));
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Reading the package " + fileName + " failed: " + e.getMessage()
                            + "; nothing of it is stored. Upload it again.",
                    e);
        } finally {
            delete(content);
        }
    }

    private Received importReports(Viewer viewer, String address, ReceivedPackage pkg, Sender sender, String fileName)
            throws IOException {
        PackageRows rows = new PackageRows(
                pkg.read(ReceivedPackage.REPORTS), sender.name(), sender.fingerprint(), pkg.packageId());
        ImportResult r = imports.importRows(
                viewer,
                address,
                rows,
                fileName,
                new ImportOptions(Optional.of(sender.name()), viewer.username(), false),
                (ImportCounts c) -> {});
        Map<String, String> details = details(pkg, sender, fileName, "package");
        details.put("batch_id", r.batchId());
        details.put("received", Long.toString(r.received()));
        details.put("indexed", Long.toString(r.indexed()));
        details.put("updated", Long.toString(r.updated()));
        details.put("unchanged", Long.toString(r.unchanged()));
        details.put("rejected", Long.toString(r.rejected()));
        audit.record(viewer, address, AuditAction.RECEIVE, Outcome.SUCCESS, details);
        return new Received(pkg.packageId(), "package", sender.name(), pkg.filesVerified(), Optional.of(r), 0, 0);
    }

    private Received withdraw(Viewer viewer, String address, ReceivedPackage pkg, Sender sender, String fileName)
            throws IOException {
        // A withdrawal names the ids the sender sent; they were stored as report_id under the sender's name.
        List<String> ids = pkg.withdrawnIds().stream()
                .filter(id -> !id.isBlank())
                .distinct()
                .map(id -> Report.idFor(sender.name(), id))
                .toList();
        List<String> removed = reports.delete(ids);
        linkage.onReportsRemoved(removed);
        long notHeld = ids.size() - removed.size();
        Map<String, String> details = details(pkg, sender, fileName, "withdrawal");
        details.put("removed", Long.toString(removed.size()));
        details.put("not_held", Long.toString(notHeld));
        audit.record(viewer, address, AuditAction.RECEIVE, Outcome.SUCCESS, details);
        log.info(
                "Withdrawal {} from {}: {} reports removed, {} not held",
                pkg.packageId(),
                sender.name(),
                removed.size(),
                notHeld);
        return new Received(
                pkg.packageId(),
                "withdrawal",
                sender.name(),
                pkg.filesVerified(),
                Optional.empty(),
                removed.size(),
                notHeld);
    }

    private static Map<String, String> details(ReceivedPackage pkg, Sender sender, String fileName, String kind) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("file_name", fileName);
        details.put("package_id", pkg.packageId());
        details.put("kind", kind);
        details.put("sender", sender.name());
        details.put("sender_fingerprint", sender.fingerprint());
        return details;
    }

    private static void restrict(Path file) throws IOException {
        // The decrypted package holds names: readable by Athar's own user only.
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.error("Could not delete the decrypted package {}: {}; delete it by hand", file, e.getMessage());
        }
    }
}
