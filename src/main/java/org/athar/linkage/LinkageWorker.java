package org.athar.linkage;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.athar.ingest.BatchImported;
import org.athar.platform.Futures;
import org.athar.platform.Tasks;
import org.athar.security.AuditAction;
import org.athar.security.AuditEntry.Outcome;
import org.athar.security.AuditLog;
import org.athar.security.ClientAddress;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * The one linkage worker: the full re-link, the linking of each imported batch, the check at start-up and the
 * persons a reviewer's decision changes all run on its single thread, one job after the other, so two jobs never
 * write the same pairs or persons at once. Reports are never modified: pairs live in {@code athar-links}, persons in
 * {@code athar-persons}.
 */
@Service
public class LinkageWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LinkageWorker.class);
    /** A batch larger than this share of all reports (and than {@link #INCREMENTAL_MIN}) is linked by a full re-link. */
    static final double INCREMENTAL_SHARE = 0.25;

    static final int INCREMENTAL_MAX = 50_000;
    /** A batch up to this size is always linked incrementally, before the import answers. */
    static final int INCREMENTAL_MIN = 5_000;

    private final ReportRecordStore reports;
    private final PersonStore persons;
    private final FullRelink fullRelink;
    private final BatchLinking batches;
    private final RemovedReports removed;
    private final ReviewOrder reviewOrder;
    private final AuditLog audit;
    private final Clock clock;
    private final ThreadPoolTaskExecutor worker = Tasks.ordered("athar-linkage", Duration.ZERO);
    private final AtomicReference<RelinkStatus> status = new AtomicReference<>(RelinkStatus.idle());
    /** Set when a large import ended while a full re-link ran: one more full re-link follows. */
    private boolean relinkAgain;
    /**
     * {@code athar.linkage.automatic-relink}: whether a large import, or a start that finds persons out of step with
     * the reports, starts the full re-link by itself (the default), or only marks it needed for an administrator to
     * start when the machine can spare it (hours beyond a few million reports; docs/configuration.md).
     */
    private final boolean automaticRelink;

    LinkageWorker(
            ReportRecordStore reports,
            PersonStore persons,
            FullRelink fullRelink,
            BatchLinking batches,
            RemovedReports removed,
            ReviewOrder reviewOrder,
            AuditLog audit,
            Clock clock,
            @Value("${athar.linkage.automatic-relink:true}") boolean automaticRelink) {
        this.reports = reports;
        this.persons = persons;
        this.fullRelink = fullRelink;
        this.batches = batches;
        this.removed = removed;
        this.reviewOrder = reviewOrder;
        this.audit = audit;
        this.clock = clock;
        this.automaticRelink = automaticRelink;
    }

    /** The last full re-link's progress or outcome. */
    public RelinkStatus status() {
        return status.get();
    }

    /**
     * Starts a full re-link in the background (reviewers' decisions are kept); the status while it runs. Refused
     * with {@link RelinkRunningException} while one is running. Requires {@code ADMINISTER}.
     */
    public RelinkStatus relink(Viewer viewer) {
        viewer.require(Permission.ADMINISTER);
        String address = ClientAddress.current();
        RelinkStatus started = start();
        audit.record(viewer, address, AuditAction.RELINK, Outcome.SUCCESS, Map.of("phase", "started"));
        return started;
    }

    private synchronized RelinkStatus start() {
        if (status.get().running()) {
            throw new RelinkRunningException("A full re-link is already running ("
                    + status.get().processed() + " of " + status.get().total() + " reports); wait for it to finish");
        }
        RelinkStatus running = running(0);
        status.set(running);
        worker.submit(this::fullRelinkQuietly);
        return running;
    }

    private RelinkStatus running(long total) {
        return new RelinkStatus(
                "running", 0, total, Optional.of(clock.instant()), Optional.empty(), 0, 0, Optional.empty());
    }

    /**
     * Links the reports an import stored before the import answers, so figures counting persons include them at
     * once. A batch larger than a quarter of all reports (or than {@value #INCREMENTAL_MAX}) is linked by a full
     * re-link in the background instead; its progress is {@link #status()}.
     */
    @EventListener
    public void onBatchImported(BatchImported batch) {
        if (batch.stored() == 0) {
            return;
        }
        try {
            long total = reports.reportCount();
            if (batch.stored() > INCREMENTAL_MAX
                    || (batch.stored() > INCREMENTAL_MIN && batch.stored() > total * INCREMENTAL_SHARE)) {
                synchronized (this) {
                    if (!automaticRelink && !status.get().running()) {
                        markNeeded(total, batch.stored() + " reports imported in one batch");
                    } else if (!status.get().running()) {
                        status.set(running(total));
                        worker.submit(this::fullRelinkQuietly);
                    } else {
                        // The running re-link may have read the reports before this batch: run once more after it.
                        relinkAgain = true;
                    }
                }
            } else if (status.get().running()) {
                worker.submit(() -> linkBatchQuietly(batch.batchId())); // after the re-link; the import does not wait
            } else {
                run(() -> {
                    batches.linkBatch(batch.batchId());
                    return null;
                });
            }
        } catch (IOException | RuntimeException e) {
            log.error(
                    "Linking import {} failed ({}); a full re-link (Admin, or POST /api/v1/linkage/relink) "
                            + "brings persons up to date",
                    batch.batchId(),
                    e.toString());
        }
    }

    /**
     * Takes reports that were deleted out of pairs and persons before the caller answers (a withdrawal notice), so
     * figures counting persons no longer include them. A full re-link running meanwhile may have read them: one more
     * follows it.
     */
    public void onReportsRemoved(Collection<String> reportIds) {
        if (reportIds.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (status.get().running()) {
                relinkAgain = true;
            }
        }
        run(() -> {
            removed.unlink(reportIds);
            return null;
        });
    }

    private void linkBatchQuietly(String batchId) {
        try {
            batches.linkBatch(batchId);
        } catch (IOException | RuntimeException e) {
            log.error("Linking import {} failed ({}); a full re-link brings persons up to date", batchId, e.toString());
        }
    }

    /**
     * At start: when the persons do not account for every report (an upgrade, a crash), or were written without the
     * pending-pairs flag (an upgrade), re-link everything.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void checkAtStart() {
        worker.submit(() -> {
            try {
                long count = reports.reportCount();
                long inPersons = persons.reportsInPersons();
                // Persons written before the figure if pending pairs were confirmed existed need a re-link for it.
                long unflagged = persons.personsWithoutClosureFlag();
                boolean outOfStep = count != inPersons || unflagged > 0;
                if (outOfStep && !automaticRelink) {
                    synchronized (this) {
                        if (!status.get().running()) {
                            markNeeded(count, inPersons + " of " + count + " reports in persons at start");
                        }
                    }
                } else if (outOfStep && !status.get().running()) {
                    log.info(
                            "Persons account for {} of {} reports ({} without the pending-pairs flag); re-linking all"
                                    + " reports",
                            inPersons,
                            count,
                            unflagged);
                    status.set(running(count));
                    fullRelinkQuietly();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not check the persons against the reports at start: {}", e.toString());
            }
        });
    }

    /**
     * With automatic re-links off: persons no longer account for every report until an administrator runs the full
     * re-link; the status says so (Admin, Trends, the API), and the batch is not linked incrementally either.
     */
    private void markNeeded(long total, String why) {
        status.set(RelinkStatus.needed(total, clock.instant()));
        log.warn(
                "A full re-link of persons is needed ({}); athar.linkage.automatic-relink=false, so it waits for an"
                        + " administrator (Admin, or POST /api/v1/linkage/relink). Persons figures leave out the"
                        + " reports not yet linked",
                why);
    }

    /** Waits until every linkage job submitted so far has run (for tests and the demo loader). */
    public void awaitIdle(Duration timeout) {
        Future<?> marker = worker.submit(() -> {});
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("linkage did not finish within " + timeout, e);
        }
    }

    private void fullRelinkQuietly() {
        fullRelinkOnce();
        synchronized (this) {
            if (relinkAgain) {
                relinkAgain = false;
                status.set(running(0));
                worker.submit(this::fullRelinkQuietly);
            }
        }
    }

    private void fullRelinkOnce() {
        Instant started = status.get().startedAt().orElse(clock.instant());
        try {
            FullRelink.Outcome done = fullRelink.run(started, this::progress);
            reorderReviewQueue();
            status.set(new RelinkStatus(
                    "done",
                    done.total(),
                    done.total(),
                    Optional.of(started),
                    Optional.of(clock.instant()),
                    done.pairs(),
                    done.persons(),
                    Optional.empty()));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            log.error("The full re-link failed: {}", e.toString(), e);
            RelinkStatus s = status.get();
            status.set(new RelinkStatus(
                    "failed",
                    s.processed(),
                    s.total(),
                    Optional.of(started),
                    Optional.of(clock.instant()),
                    0,
                    0,
                    Optional.of(e.getMessage() == null ? e.toString() : e.getMessage())));
        }
    }

    /**
     * Every person is new: the re-link weighed its own pairs by them; the pairs reviewers sent back to review are
     * weighed again before decisions are taken again.
     */
    private void reorderReviewQueue() {
        try {
            reviewOrder.refreshAfterRelink();
        } catch (IOException | RuntimeException e) {
            // The persons are right; only the queue's order is stale, and the next re-link or decision mends it.
            log.warn(
                    "The review queue's order could not be computed after the re-link ({}); the persons are complete. "
                            + "Run the re-link again (Admin) to order the queue by impact",
                    e.toString());
        }
    }

    private void progress(long processed, long total) {
        RelinkStatus s = status.get();
        if (s.running()) {
            status.set(new RelinkStatus(
                    "running",
                    Math.min(processed, total),
                    total,
                    s.startedAt(),
                    Optional.empty(),
                    0,
                    0,
                    Optional.empty()));
        }
    }

    /** Runs {@code job} on the linkage thread and waits for it, so it never overlaps another linkage job. */
    <T> T run(LinkageIo.IoCall<T> job) {
        Future<T> f = worker.submit(job::call);
        try {
            return Futures.await(f, "waiting for linkage");
        } catch (IOException io) {
            throw LinkageIo.unanswered(io);
        }
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}
