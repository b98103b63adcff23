package org.athar.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * Whether the family agreed to the report being shared outside the organisation that holds it. Anything but an
 * explicit yes keeps the report at home: {@link #UNKNOWN} is what an empty cell, and every report imported before
 * consent was recorded, means.
 */
public enum ConsentState implements Vocabulary {
    // The labels of vocabulary.properties are among the texts, so an export written with labels re-imports.
    YES(
            "yes",
            "y",
            "agreed",
            "consented",
            "consent to share",
            "نعم",
            "موافق",
            "موافقة",
            "وافق",
            "وافقت",
            "موافقة على المشاركة"),
    NO(
            "no",
            "n",
            "refused",
            "withdrawn",
            "no consent",
            "لا",
            "رفض",
            "رفضت",
            "غير موافق",
            "غير موافقة",
            "مسحوبة",
            "لا موافقة"),
    UNKNOWN(
            "unknown",
            "not asked",
            "consent unknown",
            "غير معروف",
            "غير معروفة",
            "لم يسأل",
            "لم تسأل",
            "الموافقة غير معروفة");

    private static final VocabularyIndex<ConsentState> INDEX =
            VocabularyIndex.of(ConsentState.class, UNKNOWN, s -> s.texts);

    private final String code;
    private final List<String> texts;

    ConsentState(String code, String... texts) {
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
        return "vocab.consent." + code;
    }

    /** The state named by its code or an English or Arabic word for it; unknown for blank text. */
    public static Optional<ConsentState> fromText(String text) {
        return INDEX.find(text);
    }

    @JsonCreator
    static ConsentState fromCode(String code) {
        return VocabularyIndex.byCode(ConsentState.class, code);
    }
}
