package org.athar.export;

import jakarta.annotation.PreDestroy;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.athar.platform.Tasks;
import org.athar.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Service;

/**
 * Exports run as background jobs for the Exports page: the export is checked, counted and audited when it is asked
 * for, then written into a temporary file by a small pool while the page shows rows written of the total; the file
 * is handed to its owner once and deleted after the download, or after an hour if nobody fetches it.
 */
@Service
public class ExportJobs {

    /** How long a finished file waits for its download. */
    static final Duration KEEP = Duration.ofHours(1);

    private static final Duration SWEEP = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

    /** Where a job stands. */
    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * Why a job failed, as the page says it in a fixed sentence of the user's language: the exception's own text
     * (engine internals, class names) goes to the server log only.
     */
    public enum Failure {
        /** Reading from the engine or writing the file failed; trying again later may work. */
        READ_OR_WRITE,
        /** Anything else: an administrator finds the details in the server log. */
        INTERNAL;

        /** The message key of the sentence the page shows. */
        public String messageKey() {
            return "exports.failed." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What the page shows of a job. */
    public record Status(
            String id,
            ExportService.Format format,
            DownloadName name,
            State state,
            long written,
            long total,
            Optional<Failure> error) {

        /** Between 0 and 1: records written of the total (a workbook without records jumps from 0 to 1). */
        public double fraction() {
            return state == State.DONE ? 1 : total == 0 ? 0 : Math.min(1, (double) written / total);
        }
    }

    private final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final ExportService.Format format;
        final DownloadName name;
        final long total;
        final Path file;
        final AtomicLong written = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile Optional<Failure> error = Optional.empty();
        volatile Instant ended = Instant.MAX;

        Job(String owner, ExportService.Format format, DownloadName name, long total, Path file) {
            this.owner = owner;
            this.format = format;
            this.name = name;
            this.total = total;
            this.file = file;
        }

        Status status() {
            return new Status(id, format, name, state, written.get(), total, error);
        }
    }

    private final ExportService exports;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    // Two exports are written at once, the others wait their turn. Stopping interrupts them: their files are
    // deleted at once anyway.
    private final ThreadPoolTaskExecutor pool = Tasks.pool("athar-export", 2, Duration.ZERO);
    private final ThreadPoolTaskScheduler sweeper = Tasks.scheduler("athar-export-sweeper", 1, Duration.ZERO);

    ExportJobs(ExportService exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
        sweeper.scheduleWithFixedDelay(this::sweep, sweeper.getClock().instant().plus(SWEEP), SWEEP);
    }

    /**
     * Starts an export for {@code viewer}: the permission check, count and audit entry happen now (an
     * {@link org.athar.security.AccessDeniedException} stops it here), the writing in the background.
     */
    public Status start(Viewer viewer, String clientAddress, ExportService.Request request) throws IOException {
        ExportService.Prepared prepared = exports.prepare(viewer, clientAddress, request);
        // The temporary file's name says nothing about the filters: other accounts on the server may list /tmp.
        Path file = Files.createTempFile("athar-export-", "." + request.format().extension());
        Job job = new Job(viewer.username(), request.format(), prepared.name(), prepared.rows(), file);
        jobs.put(job.id, job);
        pool.execute(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                prepared.write(out, job.written::set);
                job.state = State.DONE;
            } catch (IOException | RuntimeException e) {
                log.warn("Export {} ({}) for {} failed", job.id, job.format, job.owner, e);
                job.error = Optional.of(
                        e instanceof IOException || e instanceof UncheckedIOException
                                ? Failure.READ_OR_WRITE
                                : Failure.INTERNAL);
                job.state = State.FAILED;
                delete(job);
            } finally {
                job.ended = clock.instant();
            }
        });
        return job.status();
    }

    /** The job's status, for its owner only. */
    public Optional<Status> status(Viewer viewer, String id) {
        return owned(viewer, id).map(Job::status);
    }

    /** The finished file, once: it is deleted when the stream is closed. Empty if gone, unfinished or not yours. */
    public Optional<InputStream> take(Viewer viewer, String id) throws IOException {
        Optional<Job> job = owned(viewer, id).filter(j -> j.state == State.DONE);
        if (job.isEmpty() || jobs.remove(id) == null || !Files.exists(job.get().file)) {
            return Optional.empty();
        }
        Job j = job.get();
        return Optional.of(new FilterInputStream(Files.newInputStream(j.file)) {
            @Override
            public void close() throws IOException {
                super.close();
                delete(j);
            }
        });
    }

    /** Size of the finished file in bytes, for the download's Content-Length. */
    public long size(Viewer viewer, String id) throws IOException {
        Optional<Job> job = owned(viewer, id);
        return job.isPresent() && Files.exists(job.get().file) ? Files.size(job.get().file) : -1;
    }

    private Optional<Job> owned(Viewer viewer, String id) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(viewer.username()));
    }

    /** Deletes the files of jobs that ended more than {@link #KEEP} ago. */
    void sweep() {
        Instant limit = clock.instant().minus(KEEP);
        jobs.values().removeIf(j -> {
            if (j.state != State.RUNNING && j.ended.isBefore(limit)) {
                delete(j);
                return true;
            }
            return false;
        });
    }

    private static void delete(Job job) {
        try {
            Files.deleteIfExists(job.file);
        } catch (IOException e) {
            log.warn("Could not delete the export file {}: {}", job.file, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
        sweeper.shutdown();
        jobs.values().forEach(ExportJobs::delete);
    }
}
