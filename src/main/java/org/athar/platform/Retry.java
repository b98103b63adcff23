package org.athar.platform;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Athar's one way to try something again until it works: the start-up steps that wait for the engine and the
 * records that must reach it once it answers again. Attempts run on a small shared scheduler; while one runs its
 * thread carries the name its caller gave ({@code athar-index-install}, …), so its log lines say whose it is. When
 * Athar stops, waiting attempts are dropped and a running one may finish for a few seconds.
 */
@Component
public class Retry implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Retry.class);
    private static final Duration DRAIN = Duration.ofSeconds(10);

    /** Tries no more after this many attempts; {@link #FOREVER} never gives up. */
    public static final int FOREVER = Integer.MAX_VALUE;

    private final ThreadPoolTaskScheduler scheduler = Tasks.scheduler("athar-retry", 2, DRAIN);
    private volatile boolean stopping;

    /** Retries that are still trying, so their owner can stop them. */
    public interface Attempts {
        /** No further attempt; one that is running ends on its own. */
        void cancel();
    }

    /**
     * Calls {@code attempt} every {@code delay}, the first time one delay from now, until it returns true (done) or
     * {@code limit} attempts have failed, then runs {@code gaveUp}. An attempt that throws counts as failed (logged).
     */
    public Attempts every(Duration delay, int limit, String name, BooleanSupplier attempt, Runnable gaveUp) {
        Scheduled attempts = new Scheduled(delay, limit, name, attempt, gaveUp);
        attempts.next();
        return attempts;
    }

    /** As {@link #every(Duration, int, String, BooleanSupplier, Runnable)}, until it works or Athar stops. */
    public Attempts every(Duration delay, String name, BooleanSupplier attempt) {
        return every(delay, FOREVER, name, attempt, () -> {});
    }

    private final class Scheduled implements Attempts {
        private final Duration delay;
        private final int limit;
        private final String name;
        private final BooleanSupplier attempt;
        private final Runnable gaveUp;
        private int made;
        private volatile boolean cancelled;
        private volatile ScheduledFuture<?> pending;

        Scheduled(Duration delay, int limit, String name, BooleanSupplier attempt, Runnable gaveUp) {
            this.delay = delay;
            this.limit = limit;
            this.name = name;
            this.attempt = attempt;
            this.gaveUp = gaveUp;
        }

        // One attempt at a time: the next is scheduled only once this one has failed.
        void next() {
            if (cancelled || stopping) {
                return;
            }
            try {
                pending = scheduler.schedule(
                        this::run, scheduler.getClock().instant().plus(delay));
            } catch (TaskRejectedException stopped) {
                // Athar is stopping: no more attempts.
            }
        }

        private void run() {
            Thread thread = Thread.currentThread();
            String own = thread.getName();
            thread.setName(name);
            try {
                if (cancelled || stopping) {
                    return;
                }
                made++;
                if (succeeded()) {
                    return;
                }
                if (made >= limit) {
                    gaveUp.run();
                } else {
                    next();
                }
            } finally {
                thread.setName(own);
            }
        }

        private boolean succeeded() {
            try {
                return attempt.getAsBoolean();
            } catch (RuntimeException e) {
                log.warn("{}: attempt {} failed: {}", name, made, e.getMessage());
                return false;
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            ScheduledFuture<?> waiting = pending;
            if (waiting != null) {
                waiting.cancel(false);
            }
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        scheduler.shutdown();
    }
}
