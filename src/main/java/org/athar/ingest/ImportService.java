package org.athar.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.athar.engine.Maintenance;
import org.athar.platform.Retry;
import org.athar.report.Gazetteer;
import org.athar.security.AuditLog;
import org.athar.security.AuditUnavailableException;
import org.athar.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Imports an uploaded file: every data row ends either stored as a report or in quarantine with its reasons, and the
 * counts say exactly which. Re-running a file is always safe: a report is identified by (source, report_id).
 */
@Service
public class ImportService {

    /** How many row errors a result lists; every rejected row is kept in quarantine regardless. */
    public static final int MAX_ERRORS_LISTED = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final Duration END_RECORD_RETRY = Duration.ofSeconds(5);
    private static final int END_RECORD_ATTEMPTS = 720;

    private final ImportStore store;
    private final BatchStore batches;
    private final RowDigestKeys keys;
    private final RowValidator validator;
    private final ImportLimits limits;
    private final ImportAudit audit;
    private final Maintenance maintenance;
    private final Clock clock;
    private final Retry retry;
    private final ApplicationEventPublisher events;
    /**
     * The batches this instance is running now. The web server answers before the start-up check for interrupted
     * batches has run, so an import can begin before it; such a batch is this instance's own and is not interrupted.
     */
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();

    ImportService(
            ImportStore store,
            BatchStore batches,
            RowDigestKeys keys,
            Gazetteer gazetteer,
            ImportLimits limits,
            AuditLog audit,
            Maintenance maintenance,
            Clock clock,
            Retry retry,
            ApplicationEventPublisher events) {
        this.store = store;
        this.keys = keys;
        this.events = events;
        this.maintenance = maintenance;
        this.batches = batches;
        this.validator = new RowValidator(gazetteer);
        this.limits = limits;
        this.audit = new ImportAudit(audit);
        this.clock = clock;
        this.retry = retry;
    }

    /**
     * Imports a file a user uploaded and records it in the audit log: the batch id, file name and counts, or why it
     * stopped (a short code, never the file's content). Otherwise as {@link #importFile(InputStream, String,
     * ImportOptions, Consumer)}; if the audit entry of a completed import cannot be written,
     * {@link AuditUnavailableException} says that the import itself completed.
     */
    public ImportResult importFile(
            Viewer viewer,
            String clientAddress,
            InputStream content,
            String fileName,
            ImportOptions options,
            Consumer<ImportCounts> progress) {
        return audit.audited(viewer, clientAddress, fileName, () -> importFile(content, fileName, options, progress));
    }

    /**
     * Imports rows that did not come from an uploaded file (a partner's package) through the same pipeline as an
     * upload: validation, quarantine, keyed digests, a batch, counts, progress, the audit entry and the linkage that
     * follows every batch. {@code fileName} names the batch; this method owns {@code rows} and closes it.
     */
    public ImportResult importRows(
            Viewer viewer,
            String clientAddress,
            RowSource rows,
            String fileName,
            ImportOptions options,
            Consumer<ImportCounts> progress) {
        return audit.audited(viewer, clientAddress, fileName, () -> run(rows, fileName, options, progress));
    }

    /**
     * Imports one file without an audit entry (for Athar's own loads, such as the demo data; uploads go through
     * {@link #importFile(Viewer, String, InputStream, String, ImportOptions, Consumer)}); {@code progress} hears the
     * counts as rows are confirmed. Throws {@link ImportFormatException} when the file cannot be read at all,
     * {@link ImportStoppedException} when it stops being readable part-way or has more than
     * {@code athar.import.max-rows} rows (the rows before are stored), and {@link ImportFailedException} when the
     * engine stops taking writes.
     */
    public ImportResult importFile(
            InputStream content, String fileName, ImportOptions options, Consumer<ImportCounts> progress) {
        refuseDuringMaintenance(fileName);
        RowSource rows;
        try {
            rows = RowSources.open(content, fileName);
        } catch (IOException e) {
            throw new ImportFailedException(
                    "Reading " + fileName + " failed: " + e.getMessage()
                            + ". Nothing of it is stored; re-running the same file is safe.",
                    e);
        }
        return run(rows, fileName, options, progress);
    }

    private void refuseDuringMaintenance(String fileName) {
        Optional<String> busy = maintenance.current();
        if (busy.isPresent()) {
            throw new ImportRefusedException("A " + busy.get() + " is replacing the stored reports, so " + fileName
                    + " was not imported (nothing of it is stored). Import it again when the restore has finished.");
        }
    }

    private ImportResult run(
            RowSource source, String fileName, ImportOptions options, Consumer<ImportCounts> progress) {
        RowDigest digest;
        try {
            refuseDuringMaintenance(fileName);
            digest = keys.current();
        } catch (IOException | RuntimeException e) {
            closeQuietly(source);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new ImportFailedException(
                    "The engine did not give the key that recognises re-imported rows ("
                            + e.getMessage() + "), so nothing of " + fileName
                            + " was imported. Try again when the engine "
                            + "answers (GET /actuator/health says UP).",
                    e);
        }
        Instant started = clock.instant();
        String batchId = started.toString().replaceAll("[^0-9]", "").substring(0, 14) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        RowValidator.BatchContext context =
                new RowValidator.BatchContext(batchId, fileName, options, started, LocalDate.now(clock), digest);
        ImportBatch batch = new ImportBatch(
                batchId,
                fileName,
                options.source(),
                options.importedBy(),
                options.synthetic(),
                ImportBatch.Status.RUNNING,
                started,
                started,
                Optional.empty(),
                0,
                0,
                0,
                0,
                0,
                List.of(),
                Optional.empty());
        ImportRun run = new ImportRun(
                store,
                validator,
                context,
                versionBase(started),
                limits.maxRows(),
                progress,
                counts -> save(latest(batchId, counts)));
        runningHere.add(batchId);
        try (RowSource rows = source) {
            batch = batch.withUnknownColumns(rows.unknownColumns());
            save(batch);
            ImportResult result;
            try {
                result = run.execute(rows);
            } catch (IOException e) {
                throw new ImportFailedException(e.getMessage(), e);
            } catch (ImportFormatException e) {
                ImportStoppedException stopped = new ImportStoppedException(batchId, run.counts(), e);
                save(batch.ended(
                        ImportBatch.Status.FAILED, run.counts(), clock.instant(), Optional.of(stopped.getMessage())));
                store.refresh();
                log.warn(
                        "Import {} of {} stopped after {} rows: {}",
                        batchId,
                        fileName,
                        run.counts().received(),
                        e.getMessage());
                events.publishEvent(new BatchImported(batchId, stored(run.counts())));
                throw stopped;
            }
            ImportCounts end = new ImportCounts(
                    result.received(), result.indexed(), result.updated(), result.unchanged(), result.rejected());
            save(batch.ended(ImportBatch.Status.COMPLETED, end, clock.instant(), Optional.empty()));
            store.refresh();
            log.info(
                    "Import {} of {}: {} received, {} new, {} updated, {} unchanged, {} rejected",
                    batchId,
                    fileName,
                    result.received(),
                    result.indexed(),
                    result.updated(),
                    result.unchanged(),
                    result.rejected());
            events.publishEvent(new BatchImported(batchId, stored(end)));
            return new ImportResult(
                    result.batchId(),
                    result.received(),
                    result.indexed(),
                    result.updated(),
                    result.unchanged(),
                    result.rejected(),
                    result.errors(),
                    rows.unknownColumns());
        } catch (ImportFailedException e) {
            // Only rows the engine acknowledged count; the batch record says so once the engine takes writes again.
            ImportCounts confirmed = run.counts();
            ImportFailedException failed = new ImportFailedException(
                    String.format(
                            Locale.ROOT,
                            "Import %s of %s "
                                    + "stopped because the engine stopped answering (%s). Of the %,d rows read, the engine had "
                                    + "confirmed %,d new reports, %,d updated reports, %,d unchanged reports and %,d rejected rows: "
                                    + "those are stored. Re-running the same file is safe (it replaces, never duplicates) and "
                                    + "completes the import.",
                            batchId,
                            fileName,
                            rootCause(e),
                            confirmed.received(),
                            confirmed.indexed(),
                            confirmed.updated(),
                            confirmed.unchanged(),
                            confirmed.rejected()),
                    e);
            log.warn(failed.getMessage());
            saveWhenEngineAnswers(batch.ended(
                    ImportBatch.Status.FAILED, confirmed, clock.instant(), Optional.of(failed.getMessage())));
            throw failed;
        } catch (IOException e) {
            throw new ImportFailedException(
                    "Reading " + fileName + " or writing to the engine failed: " + e.getMessage()
                            + ". Rows confirmed before the failure are stored; re-running the same file is safe.",
                    e);
        } finally {
            runningHere.remove(batchId);
        }
    }

    /**
     * Marks batches that were running when Athar last stopped (killed, crashed) as interrupted, with what they had
     * done; their rows are stored or not, never half-stored, and re-running the file completes them.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void markInterruptedBatches() {
        try {
            for (ImportBatch b : batches.running()) {
                if (runningHere.contains(b.batchId())) {
                    continue;
                }
                ImportCounts counts =
                        new ImportCounts(b.received(), b.indexed(), b.updated(), b.unchanged(), b.rejected());
                batches.save(
                        b.ended(
                                ImportBatch.Status.INTERRUPTED,
                                counts,
                                clock.instant(),
                                Optional.of(
                                        "Athar stopped while this import ran; re-run the same file to complete it (it is safe)")));
                log.warn(
                        "Import {} of {} was interrupted by a stop of Athar; marked as interrupted",
                        b.batchId(),
                        b.fileName());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not check for interrupted imports: {}", e.getMessage());
        }
    }

    /** How many reports are stored (after re-imports replaced earlier versions). */
    public long reportCount() throws IOException {
        return store.reportCount();
    }

    /** The batches, newest first. */
    public List<ImportBatch> recentBatches() throws IOException {
        return batches.recent(50);
    }

    public Optional<ImportBatch> batch(String batchId) throws IOException {
        return batches.find(batchId);
    }

    // Reports written by the batch (unchanged rows too: they carry the batch's provenance now), for linking.
    private static long stored(ImportCounts c) {
        return c.indexed() + c.updated() + c.unchanged();
    }

    // External versions: a later batch outranks an earlier one, a later row of a batch an earlier row.
    static long versionBase(Instant started) {
        return (started.toEpochMilli() / 10) * ImportRun.MAX_ROWS;
    }

    private ImportBatch latest(String batchId, ImportCounts counts) {
        try {
            return batches.find(batchId).orElseThrow().progressed(counts, clock.instant());
        } catch (IOException e) {
            throw new ImportFailedException("The engine stopped answering during import " + batchId, e);
        }
    }

    private static void closeQuietly(Closeable source) {
        try {
            source.close();
        } catch (IOException ignored) {
            // nothing of it was read; the refusal the caller throws is what the user needs to hear
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private void save(ImportBatch batch) {
        try {
            batches.save(batch);
        } catch (IOException e) {
            throw new ImportFailedException(
                    "The engine did not accept the record of import " + batch.batchId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records how a batch ended; when the engine is what failed, keeps trying every few seconds (for up to an hour)
     * so the Import view and the API show the batch as failed, with its confirmed counts, once the engine is back.
     */
    private void saveWhenEngineAnswers(ImportBatch end) {
        if (trySave(end)) {
            return;
        }
        retry.every(
                END_RECORD_RETRY,
                END_RECORD_ATTEMPTS,
                "athar-import-end-" + end.batchId(),
                () -> {
                    if (!trySave(end)) {
                        return false;
                    }
                    log.info(
                            "Recorded import {} as {} now that the engine answers again",
                            end.batchId(),
                            end.status().code());
                    return true;
                },
                () -> log.error(
                        "Could not record import {} as {} within an hour; it shows as running until Athar restarts, "
                                + "then as interrupted",
                        end.batchId(),
                        end.status().code()));
    }

    private boolean trySave(ImportBatch batch) {
        try {
            batches.save(batch);
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not record the end of import {} yet: {}", batch.batchId(), e.getMessage());
            return false;
        }
    }
}
