package org.athar.ingest;

import java.util.Optional;
import java.util.function.Supplier;
import org.athar.security.AuditLog;
import org.athar.security.Viewer;

/** Records an import a user started in the audit log: the batch, file name and counts, or why it stopped. */
final class ImportAudit {

    private final AuditLog audit;

    ImportAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** Runs {@code work} and audits its outcome (a short code for a failure, never the file's content). */
    ImportResult audited(Viewer viewer, String clientAddress, String fileName, Supplier<ImportResult> work) {
        ImportResult r;
        try {
            r = work.get();
        } catch (ImportStoppedException e) {
            ImportCounts c = e.counts();
            audit.importFailed(
                    viewer,
                    clientAddress,
                    fileName,
                    Optional.of(e.batchId()),
                    e.reason(),
                    c.received(),
                    c.indexed(),
                    c.updated(),
                    c.unchanged(),
                    c.rejected());
            throw e;
        } catch (ImportFormatException e) {
            audit.importFailed(viewer, clientAddress, fileName, Optional.empty(), "unreadable_file", 0, 0, 0, 0, 0);
            throw e;
        } catch (ImportRefusedException e) {
            audit.importFailed(viewer, clientAddress, fileName, Optional.empty(), "restore_running", 0, 0, 0, 0, 0);
            throw e;
        } catch (ImportFailedException e) {
            audit.importFailed(viewer, clientAddress, fileName, Optional.empty(), "engine_failed", 0, 0, 0, 0, 0);
            throw e;
        }
        audit.imported(
                viewer,
                clientAddress,
                r.batchId(),
                fileName,
                r.received(),
                r.indexed(),
                r.updated(),
                r.unchanged(),
                r.rejected());
        return r;
    }
}
