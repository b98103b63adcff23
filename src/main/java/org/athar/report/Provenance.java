package org.athar.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** Where a report came from: the import batch, file and row, when and by whom, and the row's content hash. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Provenance(
        String batchId, String fileName, long rowNumber, Instant importedAt, String importedBy, String contentHash) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Provenance {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(importedAt, "importedAt");
        Objects.requireNonNull(importedBy, "importedBy");
        Objects.requireNonNull(contentHash, "contentHash");
        if (rowNumber < 1) {
            throw new IllegalArgumentException("row numbers start at 1, got " + rowNumber);
        }
        if (!SHA_256_HEX.matcher(contentHash).matches()) {
            throw new IllegalArgumentException("content hash must be 64 lower-case hex digits (SHA-256), got '"
                    + contentHash + "'");
        }
    }
}
