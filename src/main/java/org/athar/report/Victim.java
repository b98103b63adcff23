package org.athar.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The disappeared person as the source describes them. The {@code *_folded} fields are derived from the
 * names on every write and ignored on read, so they can never disagree with the names.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
    "name",
    "name_latin",
    "name_folded",
    "name_latin_folded",
    "name_skeleton",
    "gender",
    "age",
    "age_group",
    "occupation"
})
@JsonIgnoreProperties(
        value = {"name_folded", "name_latin_folded", "name_skeleton"},
        allowGetters = true)
public record Victim(
        String name,
        Optional<String> nameLatin,
        Gender gender,
        Optional<Integer> age,
        AgeGroup ageGroup,
        Optional<String> occupation) {

    public Victim {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            // A person who cannot be named cannot be searched for or told apart from another record.
            throw new IllegalArgumentException("a victim needs a name as written in the source");
        }
        nameLatin = Objects.requireNonNullElse(nameLatin, Optional.empty());
        Objects.requireNonNull(gender, "gender");
        age = Objects.requireNonNullElse(age, Optional.empty());
        Objects.requireNonNull(ageGroup, "ageGroup");
        occupation = Objects.requireNonNullElse(occupation, Optional.empty());
        if (age.isPresent() && AgeGroup.of(age.get()) != ageGroup) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "age %d is in age group %s, not %s",
                    age.get(),
                    AgeGroup.of(age.get()).code(),
                    ageGroup.code()));
        }
    }

    @JsonProperty("name_folded")
    public String nameFolded() {
        return TextFolding.fold(name);
    }

    @JsonProperty("name_latin_folded")
    public Optional<String> nameLatinFolded() {
        return nameLatin.map(TextFolding::fold);
    }

    /** The cross-script consonant skeleton of the name and of its Latin spelling, for Latin↔Arabic search. */
    @JsonProperty("name_skeleton")
    public String nameSkeleton() {
        return (NameSkeleton.of(name) + " " + nameLatin.map(NameSkeleton::of).orElse("")).strip();
    }
}
