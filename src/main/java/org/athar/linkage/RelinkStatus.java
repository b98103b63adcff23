package org.athar.linkage;

import java.time.Instant;
import java.util.Optional;

/**
 * The state of the last full re-link: {@code state} is idle (never ran since start), running, done, failed, or
 * needed (persons leave out reports until an administrator runs it, {@code athar.linkage.automatic-relink=false});
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

    /** Persons are out of step with {@code total} reports since {@code since}, and no re-link runs. */
    public static RelinkStatus needed(long total, Instant since) {
        return new RelinkStatus("needed", 0, total, Optional.empty(), Optional.of(since), 0, 0, Optional.empty());
    }

    public boolean needed() {
        return "needed".equals(state);
    }

    public boolean running() {
        return "running".equals(state);
    }
}
