package org.athar.platform;

import java.time.Duration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The only place Athar makes threads (ArchitectureTest keeps it so): Spring's executors and schedulers with named
 * daemon threads (a background task never keeps the JVM alive) and a stated shutdown. Each owner calls
 * {@code shutdown()} (or {@code close()}) when it stops; {@code drain} is how long that waits for running tasks to
 * finish, {@link Duration#ZERO} interrupts them at once and drops queued ones.
 *
 * <p>Not Spring beans on purpose: an {@link java.util.concurrent.Executor} bean would make Spring Boot drop its own
 * {@code applicationTaskExecutor}, which the import screen uses.
 */
public final class Tasks {

    private Tasks() {}

    /**
     * At most {@code threads} tasks at once, the others queued in order (a single thread runs them strictly one
     * after the other).
     */
    public static ThreadPoolTaskExecutor pool(String name, int threads, Duration drain) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        configure(pool, name, drain);
        pool.initialize();
        return pool;
    }

    /** One thread: tasks run one at a time, in the order they were submitted. */
    public static ThreadPoolTaskExecutor ordered(String name, Duration drain) {
        return pool(name, 1, drain);
    }

    /**
     * As many threads as there are tasks at once (none queued), each kept a minute after its task for the next one:
     * for short reads that must not wait behind each other.
     */
    public static ThreadPoolTaskExecutor elastic(String name, Duration drain) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(0);
        pool.setMaxPoolSize(Integer.MAX_VALUE);
        pool.setQueueCapacity(0);
        pool.setKeepAliveSeconds(60);
        configure(pool, name, drain);
        pool.initialize();
        return pool;
    }

    /** Runs tasks later or repeatedly on {@code threads} threads. */
    public static ThreadPoolTaskScheduler scheduler(String name, int threads, Duration drain) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(threads);
        scheduler.setRemoveOnCancelPolicy(true);
        // A task still waiting for its time when the owner stops is dropped, not run during shutdown.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        configure(scheduler, name, drain);
        scheduler.initialize();
        return scheduler;
    }

    /** A new thread for each task: for a few long-running tasks (a supervisor, a loader) that must not queue. */
    public static SimpleAsyncTaskExecutor threads(String name, Duration drain) {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(prefix(name));
        threads.setDaemon(true);
        threads.setTaskTerminationTimeout(drain.toMillis());
        return threads;
    }

    private static void configure(ExecutorConfigurationSupport executor, String name, Duration drain) {
        executor.setThreadNamePrefix(prefix(name));
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(!drain.isZero());
        executor.setAwaitTerminationMillis(drain.toMillis());
    }

    // Threads are called athar-export-1, athar-export-2, …: the name the hand-made thread had, numbered.
    private static String prefix(String name) {
        return name + "-";
    }
}
