package org.athar.backup;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One snapshot in the backup repository as an administrator sees it. {@code state} is Elasticsearch's
 * (IN_PROGRESS, SUCCESS, PARTIAL, FAILED); {@code reports} is the report count when the backup started;
 * {@code sizeBytes} and the shard counts are filled for a single backup (they need the slower status call).
 */
public record Backup(
        String name,
        State state,
        Instant startedAt,
        Optional<Instant> finishedAt,
        List<String> indices,
        Optional<Long> reports,
        Optional<String> createdBy,
        Optional<Long> sizeBytes,
        Optional<Long> shardsDone,
        Optional<Long> shardsTotal,
        Optional<String> failure) {

    /** Where a backup stands. */
    public enum State {
        IN_PROGRESS,
        SUCCESS,
        PARTIAL,
        FAILED,
        INCOMPATIBLE;

        static State of(String engineState) {
            try {
                return engineState == null ? FAILED : valueOf(engineState);
            } catch (IllegalArgumentException e) {
                return FAILED;
            }
        }

        /** {@code backup.state.<name>}: the label's key in the message bundles. */
        public String messageKey() {
            return "backup.state." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** True for a safety snapshot taken before a restore. */
    public boolean isSafetySnapshot() {
        return name.startsWith(Backups.SAFETY_PREFIX);
    }
}
