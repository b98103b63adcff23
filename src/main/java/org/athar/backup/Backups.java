package org.athar.backup;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.athar.engine.EngineIndices;
import org.athar.engine.Maintenance;
import org.athar.platform.Tasks;
import org.athar.security.AuditAction;
import org.athar.security.AuditEntry.Outcome;
import org.athar.security.AuditLog;
import org.athar.security.AuditUnavailableException;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Backups of Athar's indices as Elasticsearch snapshots, and restores from them; administrators only, every step in
 * the audit log. A backup runs in the background; a restore first snapshots the live data ({@value #SAFETY_PREFIX}…)
 * so it can be undone, then replaces reports, quarantine, batches and briefings. The live audit log is never
 * overwritten (the backup's copy can be restored beside it) and users only come back when the live index is gone.
 */
@Service
public class Backups implements DisposableBean {

    /** Names of the automatic snapshots taken before a restore. */
    public static final String SAFETY_PREFIX = "athar-pre-restore-";

    /**
     * Replaced by a restore. The keys come with the reports: the row digests of restored reports were made with the
     * backup's row-digest key, so re-imports keep being recognised (a backup without keys keeps the live ones).
     */
    static final List<String> RESTORED = List.of(
            EngineIndices.REPORTS,
            EngineIndices.QUARANTINE,
            EngineIndices.BATCHES,
            EngineIndices.BRIEFINGS,
            EngineIndices.LINKS,
            EngineIndices.PERSONS,
            EngineIndices.PERSON_CLOSURES,
            EngineIndices.KEYS,
            EngineIndices.RECIPIENTS,
            EngineIndices.SENDERS,
            EngineIndices.PACKAGES,
            EngineIndices.LINKAGE_MODEL);
    /**
     * What a backup's name may be: Athar's own names ({@code athar-20261129-120000}, {@code athar-pre-restore-…}) fit.
     * A name is checked before it reaches the engine, whose snapshot API gives names such as {@code _status} or
     * {@code _all} a meaning of their own.
     */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private static final String AUDIT_COPY_PREFIX = "athar-audit-restored-";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Duration SAFETY_TIMEOUT = Duration.ofMinutes(60);
    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final BackupStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Maintenance maintenance;
    // A watch may wait an hour; stopping Athar interrupts it (the engine still finishes; only the end's audit is lost).
    private final ThreadPoolTaskExecutor watcher = Tasks.ordered("athar-backup-watch", Duration.ZERO);

    Backups(BackupStore store, AuditLog audit, Maintenance maintenance, Clock clock) {
        this.store = store;
        this.maintenance = maintenance;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts a backup and returns its name at once; its end (success or failure) is audited when it comes. */
    public String start(Viewer viewer, String clientAddress) {
        viewer.require(Permission.ADMINISTER);
        if (maintenance.current().isPresent()) {
            throw new BackupException(
                    BackupException.Kind.CONFLICT, "a restore is running; back up when it has " + "finished");
        }
        String repository = repository();
        String name = "athar-" + STAMP.format(clock.instant());
        try {
            long reports = store.count(EngineIndices.REPORTS);
            audit.record(
                    viewer,
                    clientAddress,
                    AuditAction.BACKUP,
                    Outcome.SUCCESS,
                    Map.of("backup", name, "phase", "started", "reports", Long.toString(reports)));
            store.create(repository, name, Map.of("reports", reports, "created_by", viewer.username()));
        } catch (IOException e) {
            recordQuietly(
                    viewer.username(),
                    clientAddress,
                    AuditAction.BACKUP,
                    Outcome.FAILURE,
                    Map.of("backup", name, "reason", reason(e)));
            throw translate(e, name);
        }
        watcher.submit(() -> watch(repository, name, viewer.username(), clientAddress));
        return name;
    }

    /** Athar's backups in the repository, newest first. */
    public List<Backup> list(Viewer viewer) {
        viewer.require(Permission.ADMINISTER);
        String repository = repository();
        try {
            return store.list(repository);
        } catch (IOException e) {
            throw translate(e, "");
        }
    }

    /** One backup with its progress and size. */
    public Backup get(Viewer viewer, String name) {
        viewer.require(Permission.ADMINISTER);
        requireValidName(name);
        String repository = repository();
        try {
            return store.findWithStatus(repository, name).orElseThrow(() -> notFound(name));
        } catch (IOException e) {
            throw translate(e, name);
        }
    }

    /**
     * Replaces reports, quarantine, batches and briefings by the backup's copies, after a safety snapshot of the live
     * data. {@code confirm} must repeat the backup's name. Users come back only if the live users index is missing;
     * the backup's audit log is restored as a separate index only with {@code restoreAudit}.
     */
    public RestoreResult restore(
            Viewer viewer, String clientAddress, String name, String confirm, boolean restoreAudit) {
        viewer.require(Permission.ADMINISTER);
        requireValidName(name);
        if (confirm == null || !confirm.strip().equals(name)) {
            throw new BackupException(
                    BackupException.Kind.NOT_CONFIRMED,
                    "a restore replaces the live reports, "
                            + "quarantine, import batches and briefings; to confirm, send {\"confirm\": \"" + name
                            + "\"}");
        }
        String repository = repository();
        if (!maintenance.begin("restore of backup " + name)) {
            throw new BackupException(
                    BackupException.Kind.CONFLICT, "another restore is running; wait until it " + "has finished");
        }
        String safety = SAFETY_PREFIX + STAMP.format(clock.instant());
        try {
            long importing = store.runningImports();
            if (importing > 0) {
                throw new BackupException(
                        BackupException.Kind.CONFLICT,
                        importing + " import(s) are running; a "
                                + "restore would replace the reports they are writing. Restore when they have finished "
                                + "(the Import page shows them)");
            }
            Backup snapshot = store.find(repository, name).orElseThrow(() -> notFound(name));
            if (snapshot.state() != Backup.State.SUCCESS) {
                throw new BackupException(
                        BackupException.Kind.CONFLICT,
                        "the backup " + name + " is " + snapshot.state()
                                + ", not complete; choose a backup whose state is SUCCESS");
            }
            audit.record(
                    viewer,
                    clientAddress,
                    AuditAction.RESTORE,
                    Outcome.SUCCESS,
                    Map.of("backup", name, "phase", "started", "safety_snapshot", safety));
            store.create(
                    repository,
                    safety,
                    Map.of(
                            "reports",
                            store.count(EngineIndices.REPORTS),
                            "created_by",
                            viewer.username(),
                            "before_restore_of",
                            name));
            Backup safetyInfo = store.awaitSnapshot(repository, safety, SAFETY_TIMEOUT);
            if (safetyInfo.state() != Backup.State.SUCCESS) {
                throw new BackupException(
                        BackupException.Kind.FAILED,
                        "the safety snapshot " + safety + " ended "
                                + safetyInfo.state() + ", so nothing was restored and the live data is unchanged; "
                                + "check the repository's disk space and try again");
            }
            RestoreResult result = replace(repository, name, snapshot.indices(), safety, restoreAudit);
            recordQuietly(
                    viewer.username(),
                    clientAddress,
                    AuditAction.RESTORE,
                    Outcome.SUCCESS,
                    Map.of(
                            "backup",
                            name,
                            "phase",
                            "completed",
                            "safety_snapshot",
                            safety,
                            "indices",
                            String.join(",", result.restoredIndices()),
                            "reports",
                            Long.toString(result.reports())));
            return result;
        } catch (IOException | BackupException e) {
            if (!(e instanceof BackupException b && (b.kind() == BackupException.Kind.NOT_FOUND))) {
                recordQuietly(
                        viewer.username(),
                        clientAddress,
                        AuditAction.RESTORE,
                        Outcome.FAILURE,
                        Map.of("backup", name, "safety_snapshot", safety, "reason", reason(e)));
            }
            throw e instanceof BackupException b ? b : translate(e, name);
        } finally {
            maintenance.end();
        }
    }

    private RestoreResult replace(
            String repository, String name, List<String> snapshotIndices, String safety, boolean restoreAudit)
            throws IOException {
        List<String> restore = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String alias : RESTORED) {
            List<String> fromBackup = belongingTo(alias, snapshotIndices);
            if (fromBackup.isEmpty()) {
                kept.add(alias);
                continue;
            }
            restore.addAll(fromBackup);
            remove.addAll(store.indicesBehind(alias));
            for (String index : fromBackup) {
                if (!remove.contains(index) && store.exists(index)) {
                    remove.add(index);
                }
            }
        }
        List<String> users = belongingTo(EngineIndices.USERS, snapshotIndices);
        if (store.indicesBehind(EngineIndices.USERS).isEmpty() && !users.isEmpty()) {
            restore.addAll(users);
            for (String index : users) {
                if (store.exists(index)) {
                    remove.add(index);
                }
            }
        } else {
            kept.add(EngineIndices.USERS);
        }
        kept.add(EngineIndices.AUDIT);
        // The sharing ledger records what left, like the audit log: a restore never rolls it back.
        kept.add(EngineIndices.LEDGER);
        log.warn(
                "Restoring {} from backup {} (safety snapshot {}); deleting the live {}",
                restore,
                name,
                safety,
                remove);
        store.delete(remove);
        store.restore(repository, name, restore);
        Optional<String> auditCopy = Optional.empty();
        List<String> audits = belongingTo(EngineIndices.AUDIT, snapshotIndices);
        if (restoreAudit && !audits.isEmpty()) {
            String copy = AUDIT_COPY_PREFIX + name;
            if (store.exists(copy)) {
                store.delete(List.of(copy));
            }
            store.restoreAs(repository, name, audits.get(0), copy);
            auditCopy = Optional.of(copy);
        }
        return new RestoreResult(
                name, safety, List.copyOf(restore), List.copyOf(kept), auditCopy, store.count(EngineIndices.REPORTS));
    }

    // athar-reports-v1 belongs to athar-reports; a restored audit copy (no alias) never to athar-audit.
    static List<String> belongingTo(String alias, List<String> indices) {
        return indices.stream()
                .filter(i -> i.matches(Pattern.quote(alias) + "-v\\d+"))
                .toList();
    }

    private void watch(String repository, String name, String username, String clientAddress) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("backup", name);
        details.put("phase", "completed");
        Outcome outcome;
        try {
            Backup info = store.awaitSnapshot(repository, name, Duration.ofHours(12));
            details.put("state", info.state().name());
            outcome = info.state() == Backup.State.SUCCESS ? Outcome.SUCCESS : Outcome.FAILURE;
            info.failure().ifPresent(f -> details.put("reason", f));
        } catch (IOException | RuntimeException e) {
            outcome = Outcome.FAILURE;
            details.put("reason", reason(e));
        }
        log.info("Backup {} ended: {}", name, details);
        recordQuietly(username, clientAddress, AuditAction.BACKUP, outcome, details);
    }

    private String repository() {
        try {
            return store.repository()
                    .orElseThrow(() -> new BackupException(
                            BackupException.Kind.NOT_CONFIGURED,
                            "no backup repository is configured: against an Elasticsearch cluster, register a snapshot "
                                    + "repository (shared file system, S3, …) and set athar.backup.repository "
                                    + "(ATHAR_BACKUP_REPOSITORY) to its name, or set athar.backup.location to a path listed in "
                                    + "path.repo on every node; see docs/operations.md#backups"));
        } catch (IOException e) {
            throw new BackupException(
                    BackupException.Kind.NOT_CONFIGURED,
                    "the backup repository could not be "
                            + "registered (" + reason(e) + "); check that its location is listed in path.repo on every "
                            + "node and writable by Elasticsearch; see docs/operations.md#backups",
                    e);
        }
    }

    private void recordQuietly(
            String username, String clientAddress, AuditAction action, Outcome outcome, Map<String, String> details) {
        try {
            audit.record(username, clientAddress, action, outcome, details);
        } catch (AuditUnavailableException e) {
            // AuditLog has logged it at ERROR; the backup or restore it describes has happened either way.
        }
    }

    private static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BackupException(
                    BackupException.Kind.INVALID_NAME,
                    "a backup name is 1 to 64 lower-case letters, "
                            + "digits, dots, hyphens and underscores, starting with a letter or digit (such as "
                            + "athar-20261129-120000); GET /api/v1/admin/backups lists the backups");
        }
    }

    private static BackupException notFound(String name) {
        return new BackupException(
                BackupException.Kind.NOT_FOUND,
                "there is no backup named '" + name + "'; GET /api/v1/admin/backups lists them");
    }

    private static BackupException translate(Exception e, String name) {
        if (e instanceof BackupException b) {
            return b;
        }
        if (e instanceof BackupStore.Refused refused) {
            String type = refused.type();
            if (type.contains("repository_missing")) {
                return new BackupException(
                        BackupException.Kind.NOT_CONFIGURED,
                        "the backup repository named in "
                                + "athar.backup.repository is not registered on the cluster; register it (PUT _snapshot/"
                                + "<name>) or correct the setting; see docs/operations.md#backups",
                        e);
            }
            if (type.contains("snapshot_missing")) {
                return notFound(name);
            }
            if (type.contains("concurrent_snapshot") || type.contains("invalid_snapshot_name")) {
                return new BackupException(
                        BackupException.Kind.CONFLICT,
                        "the engine refused the backup " + name + " (" + refused.getMessage()
                                + "); wait a moment and try again",
                        e);
            }
        }
        return new BackupException(
                BackupException.Kind.FAILED,
                "the engine failed during the backup or restore of " + name + " (" + reason(e)
                        + "); check the engine's logs and disk space and try again",
                e);
    }

    private static String reason(Exception e) {
        return String.valueOf(e.getMessage());
    }

    @Override
    public void destroy() {
        watcher.shutdown();
    }
}
