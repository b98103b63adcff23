package org.athar.ingest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One upload as it runs and after: who, what, when, its counts and how it ended. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ImportBatch(
        String batchId,
        String fileName,
        Optional<String> source,
        String importedBy,
        boolean synthetic,
        Status status,
        Instant startedAt,
        Instant updatedAt,
        Optional<Instant> finishedAt,
        long received,
        long indexed,
        long updated,
        long unchanged,
        long rejected,
        List<String> unknownColumns,
        Optional<String> failure) {

    /** Where a batch stands. */
    public enum Status {
        RUNNING,
        COMPLETED,
        FAILED,
        /** The application stopped while the batch ran; re-running the same file completes it safely. */
        INTERRUPTED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        static Status fromCode(String code) {
            return Arrays.stream(values())
                    .filter(s -> s.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown batch status " + code));
        }
    }

    ImportBatch progressed(ImportCounts counts, Instant now) {
        return new ImportBatch(
                batchId,
                fileName,
                source,
                importedBy,
                synthetic,
                status,
                startedAt,
                now,
                finishedAt,
                counts.received(),
                counts.indexed(),
                counts.updated(),
                counts.unchanged(),
                counts.rejected(),
                unknownColumns,
                failure);
    }

    ImportBatch ended(Status end, ImportCounts counts, Instant now, Optional<String> why) {
        return new ImportBatch(
                batchId,
                fileName,
                source,
                importedBy,
                synthetic,
                end,
                startedAt,
                now,
                Optional.of(now),
                counts.received(),
                counts.indexed(),
                counts.updated(),
                counts.unchanged(),
                counts.rejected(),
                unknownColumns,
                why);
    }

    ImportBatch withUnknownColumns(List<String> columns) {
        return new ImportBatch(
                batchId,
                fileName,
                source,
                importedBy,
                synthetic,
                status,
                startedAt,
                updatedAt,
                finishedAt,
                received,
                indexed,
                updated,
                unchanged,
                rejected,
                List.copyOf(columns),
                failure);
    }
}
