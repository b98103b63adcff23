package org.athar.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a report came from: the import batch, file and row, when and by whom, and the digest of the row as read
 * with the scheme that made it ({@link #KEYED} or, for reports imported before digests were keyed, {@link #LEGACY});
 * for a report received in a partner's package, its {@link Origin} at the sender.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Provenance(
        String batchId,
        String fileName,
        long rowNumber,
        Instant importedAt,
        String importedBy,
        String contentHash,
        String hashScheme,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Origin> origin) {

    /** HMAC-SHA-256 with the installation's secret key: cannot be recomputed from a guessed row without the key. */
    public static final String KEYED = "hmac-sha256";
    /**
     * Plain SHA-256 of the row, as stored before digests were keyed (documents without {@code hash_scheme}): anyone
     * who can guess the row can recompute it, so it is replaced by the keyed digest when the row is imported again.
     */
    public static final String LEGACY = "sha256";

    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    /** The provenance of a report imported here from a file (not received from a partner). */
    public Provenance(
            String batchId,
            String fileName,
            long rowNumber,
            Instant importedAt,
            String importedBy,
            String contentHash,
            String hashScheme) {
        this(batchId, fileName, rowNumber, importedAt, importedBy, contentHash, hashScheme, Optional.empty());
    }

    public Provenance {
        origin = Objects.requireNonNullElse(origin, Optional.empty());
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(importedAt, "importedAt");
        Objects.requireNonNull(importedBy, "importedBy");
        Objects.requireNonNull(contentHash, "contentHash");
        if (rowNumber < 1) {
            throw new IllegalArgumentException("row numbers start at 1, got " + rowNumber);
        }
        if (!HEX_256.matcher(contentHash).matches()) {
            throw new IllegalArgumentException(
                    "content hash must be 64 lower-case hex digits (256 bits), got '" + contentHash + "'");
        }
        // A stored document from before keyed digests has no scheme: its digest is the plain SHA-256.
        hashScheme = hashScheme == null ? LEGACY : hashScheme;
        if (!hashScheme.equals(KEYED) && !hashScheme.equals(LEGACY)) {
            throw new IllegalArgumentException(
                    "hash scheme must be " + KEYED + " or " + LEGACY + ", got '" + hashScheme + "'");
        }
    }

    /** Whether the digest is keyed, so that nobody without the installation's key can test a guessed row against it. */
    public boolean keyed() {
        return KEYED.equals(hashScheme);
    }
}
