package org.athar.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a report received in a partner's package came from (issue 21): the sender as this installation registered
 * it, the fingerprint of the key that signed the package, the package id, and the report's own source, report_id,
 * import batch and time at the sender. Kept so a transfer can be traced back and a withdrawal matched.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Origin(
        String sender,
        String senderFingerprint,
        String packageId,
        Optional<String> source,
        Optional<String> reportId,
        Optional<String> batchId,
        Optional<Instant> importedAt) {

    public Origin {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(senderFingerprint, "senderFingerprint");
        Objects.requireNonNull(packageId, "packageId");
        source = Objects.requireNonNullElse(source, Optional.empty());
        reportId = Objects.requireNonNullElse(reportId, Optional.empty());
        batchId = Objects.requireNonNullElse(batchId, Optional.empty());
        importedAt = Objects.requireNonNullElse(importedAt, Optional.empty());
    }
}
