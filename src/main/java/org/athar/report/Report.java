package org.athar.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One reported person: the document stored in the index and returned by the API. {@code id} and the
 * {@code *_folded} fields are derived on every write and ignored on read, so they cannot go stale.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
    "id",
    "report_id",
    "source",
    "victim",
    "disappearance",
    "place",
    "perpetrator",
    "status",
    "status_date",
    "narrative",
    "narrative_folded",
    "synthetic",
    "consent",
    "provenance"
})
@JsonIgnoreProperties(
        value = {"id", "narrative_folded"},
        allowGetters = true)
public record Report(
        String reportId,
        String source,
        Victim victim,
        Disappearance disappearance,
        Place place,
        Perpetrator perpetrator,
        ReportStatus status,
        Optional<LocalDate> statusDate,
        Optional<String> narrative,
        boolean synthetic,
        Provenance provenance,
        Consent consent) {

    private static final int ID_HEX_LENGTH = 32;

    public Report {
        requireText(reportId, "reportId");
        requireText(source, "source");
        Objects.requireNonNull(victim, "victim");
        Objects.requireNonNull(disappearance, "disappearance");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(perpetrator, "perpetrator");
        Objects.requireNonNull(status, "status");
        statusDate = Objects.requireNonNullElse(statusDate, Optional.empty());
        narrative = Objects.requireNonNullElse(narrative, Optional.empty());
        Objects.requireNonNull(provenance, "provenance");
        // Reports stored before consent was recorded read as unknown: shared with nobody.
        consent = Objects.requireNonNullElse(consent, Consent.UNKNOWN);
    }

    /**
     * The document id for a source's report: the same pair always gives the same id, so re-importing a
     * source replaces its earlier version instead of counting the person twice. The values are used exactly
     * as given (no trimming or folding): the source's id is the source's business.
     */
    public static String idFor(String source, String reportId) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        byte[] digest = sha256.digest((source + "\u0000" + reportId).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, ID_HEX_LENGTH / 2);
    }

    /** One digest per thread: looking the algorithm up for every id was a measurable share of an import. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256, which every Java SE must provide", e);
        }
    });

    @JsonProperty("id")
    public String id() {
        return idFor(source, reportId);
    }

    @JsonProperty("narrative_folded")
    public Optional<String> narrativeFolded() {
        return narrative.map(TextFolding::fold);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
