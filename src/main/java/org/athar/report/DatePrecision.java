package org.athar.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;

/** How precisely a date is known; anything coarser than a day is stored as an interval, never a made-up day. */
public enum DatePrecision implements Vocabulary {
    DAY("day", "يوم"),
    MONTH("month", "شهر"),
    YEAR("year", "سنة", "عام"),
    UNKNOWN("unknown");

    private static final VocabularyIndex<DatePrecision> INDEX =
            VocabularyIndex.of(DatePrecision.class, UNKNOWN, p -> p.texts);

    private final String code;
    private final List<String> texts;

    DatePrecision(String code, String... texts) {
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
        return "vocab.precision." + code;
    }

    /** The precision named by its code or its English or Arabic word; empty when none matches. */
    public static Optional<DatePrecision> fromText(String text) {
        return INDEX.find(text);
    }

    @JsonCreator
    static DatePrecision fromCode(String code) {
        return VocabularyIndex.byCode(DatePrecision.class, code);
    }
}
