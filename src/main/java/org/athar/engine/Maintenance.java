package org.athar.engine;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Work that replaces Athar's indices (a restore from a backup) and must not overlap with writes to them. While it
 * runs, imports are refused with its reason; it is held in this Athar instance only (see docs/operations.md).
 */
@Component
public class Maintenance {

    private final AtomicReference<String> running = new AtomicReference<>();

    /** Starts the work described by {@code what}; false when other maintenance is already running. */
    public boolean begin(String what) {
        return running.compareAndSet(null, what);
    }

    /** Ends the work started by {@link #begin}. */
    public void end() {
        running.set(null);
    }

    /** What is running, if anything. */
    public Optional<String> current() {
        return Optional.ofNullable(running.get());
    }
}
