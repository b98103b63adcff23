package org.athar.sharing;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.athar.platform.Tasks;
import org.athar.security.AccessDeniedException;
import org.athar.security.ClientAddress;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Sends for the Sharing page in the background, one at a time, while the page polls the count of reports written;
 * the API sends on the request's thread instead ({@link Sharing#send(Viewer, String, java.util.function.LongConsumer)}).
 */
@Service
public class SendJobs {

    private static final Logger log = LoggerFactory.getLogger(SendJobs.class);

    /** Where a send stands. */
    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * What the page shows of a send: reports written of the expected total, and the sent package once done. A failure
     * is a fixed sentence on the page; the exception goes to the server log.
     */
    public record Status(
            String id, String packageId, State state, long written, long total, Optional<SharePackage> sent) {

        public double fraction() {
            return state == State.DONE ? 1 : total == 0 ? 0 : Math.min(1, (double) written / total);
        }
    }

    private final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final String packageId;
        final long total;
        final AtomicLong written = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile Optional<SharePackage> sent = Optional.empty();

        Job(String owner, String packageId, long total) {
            this.owner = owner;
            this.packageId = packageId;
            this.total = total;
        }

        Status status() {
            return new Status(id, packageId, state, written.get(), total, sent);
        }
    }

    private final Sharing sharing;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ThreadPoolTaskExecutor pool = Tasks.ordered("athar-sharing-send", Duration.ZERO);

    SendJobs(Sharing sharing) {
        this.sharing = sharing;
    }

    /** Starts sending the draft {@code draft}; the permission is checked now (and the refusal audited). */
    public Status start(Viewer viewer, SharePackage draft) {
        if (!viewer.can(Permission.SHARE)) {
            throw new AccessDeniedException(Permission.SHARE, viewer.roles());
        }
        String address = ClientAddress.current();
        Job job = new Job(viewer.username(), draft.packageId(), draft.reports());
        jobs.put(job.id, job);
        pool.execute(() -> {
            try {
                job.sent = Optional.of(sharing.send(viewer, address, draft.packageId(), job.written::set));
                job.state = State.DONE;
            } catch (IOException | RuntimeException e) {
                log.warn("Sending package {} for {} failed", draft.packageId(), job.owner, e);
                job.state = State.FAILED;
            }
        });
        return job.status();
    }

    /** The send's status, for the viewer who started it only; a finished job is forgotten once read. */
    public Optional<Status> status(Viewer viewer, String id) {
        Optional<Job> job = Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(viewer.username()));
        job.filter(j -> j.state != State.RUNNING).ifPresent(j -> jobs.remove(j.id));
        return job.map(Job::status);
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }
}
