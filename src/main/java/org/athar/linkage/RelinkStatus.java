package org.athar.linkage;

import java.time.Instant;
import java.util.Optional;

/**
 * The state of the last full re-link: {@code state} is idle (never ran since start), running, done or failed;
 * {@code processed} of {@code total} reports read; when done, the candidate pairs kept and the persons found.
 */
public record RelinkStatus(
        String state,
        long processed,
        long total,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        long pairs,
        long persons,
        Optional<String> error) {

    public static RelinkStatus idle() {
        return new RelinkStatus("idle", 0, 0, Optional.empty(), Optional.empty(), 0, 0, Optional.empty());
    }

    public boolean running() {
        return "running".equals(state);
    }
}
