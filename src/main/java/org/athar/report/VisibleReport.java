package org.athar.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A report as one reader receives it: either every field, or a copy without the identities (the victim's name and
 * Latin name, the locality, the narrative and the consent note), which are then absent from the object and from its JSON, never
 * blanked or replaced by a placeholder, and {@code identities_withheld} is {@code true}.
 *
 * <p>The index's derived search fields ({@code *_folded}, {@code name_skeleton}) are never part of it: they are
 * internals of the search, and for a redacted copy they would be the names again in another form. For the same
 * reason a redacted copy has no row digest ({@code provenance.content_hash}): the row holds the name, and a digest
 * of it is one more way to test a guessed name.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
    "id",
    "report_id",
    "source",
    "identities_withheld",
    "victim",
    "disappearance",
    "place",
    "perpetrator",
    "status",
    "status_date",
    "narrative",
    "synthetic",
    "consent",
    "provenance"
})
public record VisibleReport(
        String id,
        String reportId,
        String source,
        boolean identitiesWithheld,
        Person victim,
        Disappearance disappearance,
        Whereabouts place,
        Perpetrator perpetrator,
        ReportStatus status,
        Optional<LocalDate> statusDate,
        Optional<String> narrative,
        boolean synthetic,
        Origin provenance,
        Agreement consent) {

    /**
     * The family's consent as the reader receives it: state, recipients and date for everyone who may read the
     * report; the note only with the identities (it is free text that may name people, like the narrative).
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"state", "share_with", "date", "note"})
    public record Agreement(
            ConsentState state, List<String> shareWith, Optional<LocalDate> date, Optional<String> note) {

        public Agreement {
            Objects.requireNonNull(state, "state");
            shareWith = List.copyOf(shareWith);
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(note, "note");
        }

        static Agreement of(Consent c, boolean withNote) {
            return new Agreement(c.state(), c.shareWith(), c.date(), withNote ? c.note() : Optional.empty());
        }
    }

    /** The disappeared person; {@code name} is empty exactly when identities are withheld. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"name", "name_latin", "gender", "age", "age_group", "occupation"})
    public record Person(
            Optional<String> name,
            Optional<String> nameLatin,
            Gender gender,
            Optional<Integer> age,
            AgeGroup ageGroup,
            Optional<String> occupation) {

        public Person {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(nameLatin, "nameLatin");
            Objects.requireNonNull(gender, "gender");
            Objects.requireNonNull(age, "age");
            Objects.requireNonNull(ageGroup, "ageGroup");
            Objects.requireNonNull(occupation, "occupation");
        }
    }

    /** Where the person disappeared; {@code locality} is always empty when identities are withheld. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"governorate", "district", "locality", "location"})
    public record Whereabouts(
            String governorate, String district, Optional<String> locality, Optional<GeoPoint> location) {

        public Whereabouts {
            Objects.requireNonNull(governorate, "governorate");
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(locality, "locality");
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * Where the report came from, as the reader receives it: the batch, file, row, time and importer, and the row's
     * digest with its scheme only for a reader who sees identities, and for a report received from a partner where it
     * came from there (no identity in it: sender, package, the sender's source and report id).
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({
        "batch_id",
        "file_name",
        "row_number",
        "imported_at",
        "imported_by",
        "content_hash",
        "hash_scheme",
        "origin"
    })
    public record Origin(
            String batchId,
            String fileName,
            long rowNumber,
            Instant importedAt,
            String importedBy,
            Optional<String> contentHash,
            Optional<String> hashScheme,
            Optional<org.athar.report.Origin> origin) {

        public Origin {
            Objects.requireNonNull(contentHash, "contentHash");
            Objects.requireNonNull(hashScheme, "hashScheme");
            origin = Objects.requireNonNullElse(origin, Optional.empty());
        }

        static Origin of(Provenance p, boolean withDigest) {
            return new Origin(
                    p.batchId(),
                    p.fileName(),
                    p.rowNumber(),
                    p.importedAt(),
                    p.importedBy(),
                    withDigest ? Optional.of(p.contentHash()) : Optional.empty(),
                    withDigest ? Optional.of(p.hashScheme()) : Optional.empty(),
                    p.origin());
        }
    }

    public VisibleReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(victim, "victim");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(narrative, "narrative");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(consent, "consent");
        // The guard for whoever builds one by hand later: a copy marked as withheld cannot carry an identity.
        if (identitiesWithheld
                && (victim.name().isPresent()
                        || victim.nameLatin().isPresent()
                        || place.locality().isPresent()
                        || narrative.isPresent()
                        || consent.note().isPresent()
                        || provenance.contentHash().isPresent())) {
            throw new IllegalArgumentException("a report with identities withheld must not hold a name, Latin name, "
                    + "locality, narrative, consent note or row digest; build it with VisibleReport.withoutIdentities");
        }
        if (!identitiesWithheld && victim.name().isEmpty()) {
            throw new IllegalArgumentException("a full report has the victim's name; build it with VisibleReport.full");
        }
    }

    /** Every field of {@code r}, for a reader who may see identities. */
    public static VisibleReport full(Report r) {
        Victim v = r.victim();
        Place p = r.place();
        return new VisibleReport(
                r.id(),
                r.reportId(),
                r.source(),
                false,
                new Person(Optional.of(v.name()), v.nameLatin(), v.gender(), v.age(), v.ageGroup(), v.occupation()),
                r.disappearance(),
                new Whereabouts(p.governorate(), p.district(), p.locality(), p.location()),
                r.perpetrator(),
                r.status(),
                r.statusDate(),
                r.narrative(),
                r.synthetic(),
                Origin.of(r.provenance(), true),
                Agreement.of(r.consent(), true));
    }

    /** {@code r} without the victim's names, the locality, the narrative, the consent note and the row digest. */
    public static VisibleReport withoutIdentities(Report r) {
        Victim v = r.victim();
        Place p = r.place();
        return new VisibleReport(
                r.id(),
                r.reportId(),
                r.source(),
                true,
                new Person(Optional.empty(), Optional.empty(), v.gender(), v.age(), v.ageGroup(), v.occupation()),
                r.disappearance(),
                new Whereabouts(p.governorate(), p.district(), Optional.empty(), p.location()),
                r.perpetrator(),
                r.status(),
                r.statusDate(),
                Optional.empty(),
                r.synthetic(),
                Origin.of(r.provenance(), false),
                Agreement.of(r.consent(), false));
    }
}
