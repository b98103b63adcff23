package org.athar.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;

/** The victim's gender as the source records it. */
public enum Gender implements Vocabulary {
    MALE("male", "m", "man", "boy", "ذكر", "رجل"),
    FEMALE("female", "f", "woman", "girl", "أنثى", "امرأة", "فتاة"),
    UNKNOWN("unknown");

    private static final VocabularyIndex<Gender> INDEX = VocabularyIndex.of(Gender.class, UNKNOWN, g -> g.texts);

    private final String code;
    private final List<String> texts;

    Gender(String code, String... texts) {
        this.code = code;
        this.texts = List.of(texts);
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @Override
    public String messageKey() {
        return "vocab.gender." + code;
    }

    /** The gender named by its code, English or Arabic word or an abbreviation (m/f); unknown for blank text. */
    public static Optional<Gender> fromText(String text) {
        return INDEX.find(text);
    }

    @JsonCreator
    static Gender fromCode(String code) {
        return VocabularyIndex.byCode(Gender.class, code);
    }
}
