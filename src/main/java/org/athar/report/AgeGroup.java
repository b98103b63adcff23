package org.athar.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Child (under 18 at disappearance) or adult, the split every published figure reports. */
public enum AgeGroup implements Vocabulary {
    CHILD("child", "minor", "under 18", "طفل", "طفلة", "قاصر", "قاصرة"),
    ADULT("adult", "بالغ", "بالغة", "راشد", "راشدة"),
    UNKNOWN("unknown");

    /** The age from which a person counts as an adult (Convention on the Rights of the Child, art. 1). */
    public static final int ADULT_AGE = 18;
    /** The oldest age accepted as plausible at disappearance. */
    public static final int MAX_AGE = 120;

    private static final VocabularyIndex<AgeGroup> INDEX = VocabularyIndex.of(AgeGroup.class, UNKNOWN, g -> g.texts);

    private final String code;
    private final List<String> texts;

    AgeGroup(String code, String... texts) {
        this.code = code;
        this.texts = List.of(texts);
    }

    /** The group of a person of {@code ageOrNull} years; unknown when the age is not known. */
    public static AgeGroup of(Integer ageOrNull) {
        if (ageOrNull == null) {
            return UNKNOWN;
        }
        if (ageOrNull < 0 || ageOrNull > MAX_AGE) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "age %d is outside 0–%d; check the age column of the source", ageOrNull, MAX_AGE));
        }
        return ageOrNull < ADULT_AGE ? CHILD : ADULT;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @Override
    public String messageKey() {
        return "vocab.age_group." + code;
    }

    /** The group named by its code or an English or Arabic word for it; empty when none matches. */
    public static Optional<AgeGroup> fromText(String text) {
        return INDEX.find(text);
    }

    @JsonCreator
    static AgeGroup fromCode(String code) {
        return VocabularyIndex.byCode(AgeGroup.class, code);
    }
}
