package org.athar.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;

/** What is known of the person's fate at {@code status_date}. */
public enum ReportStatus implements Vocabulary {
    // Feminine forms are listed because Arabic status columns agree with the person's gender.
    MISSING(
            "missing",
            "missing",
            "missing person",
            "disappeared",
            "forcibly disappeared",
            "enforced disappearance",
            "مفقود",
            "مفقودة",
            "مختفي قسريا",
            "مختفية قسريا",
            "مختف قسريا",
            "مخفي قسريا",
            "مغيب قسريا",
            "مغيبة قسريا",
            "مختفي",
            "مختفية",
            "اختفاء قسري"),
    DETAINED(
            "detained",
            "detained",
            "arrested",
            "in detention",
            "detainee",
            "imprisoned",
            "in prison",
            "معتقل",
            "معتقلة",
            "قيد الاعتقال",
            "محتجز",
            "محتجزة",
            "موقوف",
            "موقوفة",
            "مسجون",
            "مسجونة",
            "سجين",
            "سجينة"),
    RELEASED(
            "released",
            "released",
            "freed",
            "released from detention",
            "مفرج عنه",
            "مفرج عنها",
            "أفرج عنه",
            "أفرج عنها",
            "أطلق سراحه",
            "أطلق سراحها",
            "تم الإفراج عنه",
            "تم الإفراج عنها"),
    DEAD(
            "dead",
            "dead",
            "confirmed dead",
            "deceased",
            "died",
            "killed",
            "executed",
            "died in detention",
            "died under torture",
            "died in custody",
            "متوفى",
            "متوفاة",
            "توفي",
            "توفيت",
            "ميت",
            "ميتة",
            "قتيل",
            "قتيلة",
            "أعدم",
            "أعدمت",
            "توفي في المعتقل",
            "توفي تحت التعذيب"),
    UNKNOWN("unknown");

    private static final VocabularyIndex<ReportStatus> INDEX =
            VocabularyIndex.of(ReportStatus.class, UNKNOWN, status -> status.texts);

    private final String code;
    private final List<String> texts;

    ReportStatus(String code, String... texts) {
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
        return "vocab.status." + code;
    }

    /** The status named by its code, English or Arabic wording or an alias; empty when none matches. */
    public static Optional<ReportStatus> fromText(String text) {
        return INDEX.find(text);
    }

    @JsonCreator
    static ReportStatus fromCode(String code) {
        return VocabularyIndex.byCode(ReportStatus.class, code);
    }
}
