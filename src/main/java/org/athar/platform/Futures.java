package org.athar.platform;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits for a task run on another thread and throws what the task threw, as if it had run on the caller's thread,
 * instead of the {@link ExecutionException} that wraps it.
 */
public final class Futures {

    private Futures() {}

    /**
     * The task's result. Its {@link IOException} or unchecked exception comes out as thrown, any other as the cause
     * of an {@link IOException}; an interruption while waiting is an {@link IOException} saying it was {@code
     * waitingFor} (with the thread's interrupt flag set again).
     */
    public static <T> T await(Future<T> task, String waitingFor) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + waitingFor, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * The result of a task that throws no checked exception. Its unchecked exception comes out as thrown, any other
     * as the cause of an {@link IllegalStateException}, as is an interruption while waiting.
     */
    public static <T> T awaitUnchecked(Future<T> task, String waitingFor) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + waitingFor, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
