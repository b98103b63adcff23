package org.athar.api;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How many chart files one user may have drawn at once ({@value #PER_USER}): a chart of up to 16 megapixels takes a
 * core for seconds and tens of megabytes, so one account cannot occupy the server with parallel requests.
 */
@Component
class ChartRenderSlots {

    static final int PER_USER = 2;

    private final ConcurrentHashMap<String, Integer> inUse = new ConcurrentHashMap<>();

    /** A slot for one render of {@code username}'s, or empty when {@value #PER_USER} of theirs are running. */
    Optional<Slot> take(String username) {
        boolean[] taken = {false};
        inUse.compute(username, (user, running) -> {
            int now = running == null ? 0 : running;
            if (now >= PER_USER) {
                return running;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0] ? Optional.of(new Slot(username)) : Optional.empty();
    }

    /** One render in progress; closing it frees the slot. */
    final class Slot implements AutoCloseable {

        private final String username;
        private boolean closed;

        private Slot(String username) {
            this.username = username;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                inUse.computeIfPresent(username, (user, running) -> running <= 1 ? null : running - 1);
            }
        }
    }

    /** Too many renders of this user's are running: 429 with a fixed sentence. */
    static final class Busy extends RuntimeException {

        static final String MESSAGE =
                "two charts of yours are being drawn already; wait until one is done and ask " + "again";

        Busy() {
            super(MESSAGE);
        }
    }
}
