package org.athar.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The family's consent to sharing the report (issue 21): the state, whom it may go to ({@link #ANY} or the names of
 * recipients as the family or the documenter wrote them), when it was given and a note. {@code share_with_folded}
 * is derived on every write (the names folded as {@link TextFolding#fold} does) and ignored on read, so a recipient
 * named "UN IIMP" matches "un iimp" and cannot go stale.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(
        value = {"share_with_folded"},
        allowGetters = true)
public record Consent(ConsentState state, List<String> shareWith, Optional<LocalDate> date, Optional<String> note) {

    /** The {@code share_with} value that lets the report go to every registered recipient. */
    public static final String ANY = "any";

    /** What a report without any consent information has: it is shared with nobody. */
    public static final Consent UNKNOWN =
            new Consent(ConsentState.UNKNOWN, List.of(), Optional.empty(), Optional.empty());

    public Consent {
        Objects.requireNonNull(state, "state");
        shareWith = List.copyOf(Objects.requireNonNullElse(shareWith, List.of()));
        date = Objects.requireNonNullElse(date, Optional.empty());
        note = Objects.requireNonNullElse(note, Optional.empty());
    }

    /** The folded names of {@link #shareWith}, stored for the recipient filter; {@link #ANY} stays {@code any}. */
    @JsonProperty("share_with_folded")
    public List<String> shareWithFolded() {
        return shareWith.stream().map(Consent::foldRecipient).distinct().toList();
    }

    /** Whether the report may go to {@code recipient}: an explicit yes and {@code any} or the recipient's name. */
    public boolean allows(String recipient) {
        if (state != ConsentState.YES) {
            return false;
        }
        List<String> folded = shareWithFolded();
        return folded.contains(ANY) || folded.contains(foldRecipient(recipient));
    }

    /** A recipient's name as the index and {@link #allows} compare it: folded, so case and spelling variants match. */
    public static String foldRecipient(String name) {
        return TextFolding.fold(name.strip());
    }
}
