package org.athar.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * Who is alleged to have caused the disappearance, grouped as Syrian documentation teams count it.
 * The exact words of the source stay in {@code perpetrator.detail}.
 */
public enum PerpetratorCategory implements Vocabulary {
    // Security branches, the army and the pro-government militias are all counted as government forces,
    // as SNHR counts "Syrian regime forces".
    GOVERNMENT(
            "government",
            "Syrian government forces",
            "government forces",
            "Syrian regime forces",
            "regime forces",
            "regime",
            "Syrian regime",
            "Assad regime",
            "Assad forces",
            "Syrian government",
            "Syrian army",
            "Syrian Arab Army",
            "Syrian security forces",
            "Air Force Intelligence",
            "Military Intelligence",
            "Political Security",
            "State Security",
            "General Intelligence",
            "Republican Guard",
            "Fourth Division",
            "National Defence Forces",
            "National Defense Forces",
            "NDF",
            "shabiha",
            "قوات النظام السوري",
            "قوات الحكومة السورية",
            "قوات النظام",
            "النظام",
            "النظام السوري",
            "نظام الأسد",
            "قوات الأسد",
            "القوات الحكومية",
            "الحكومة السورية",
            "الجيش السوري",
            "الجيش العربي السوري",
            "جيش النظام",
            "الأمن السوري",
            "الأجهزة الأمنية",
            "المخابرات",
            "المخابرات الجوية",
            "المخابرات العسكرية",
            "الأمن العسكري",
            "الأمن السياسي",
            "أمن الدولة",
            "المخابرات العامة",
            "الحرس الجمهوري",
            "الفرقة الرابعة",
            "قوات الدفاع الوطني",
            "الدفاع الوطني",
            "الشبيحة"),
    ISIS(
            "isis",
            "ISIS",
            "ISIL",
            "IS",
            "Islamic State",
            "Daesh",
            "Da'esh",
            "Islamic State of Iraq and the Levant",
            "Islamic State of Iraq and Syria",
            "داعش",
            "تنظيم داعش",
            "تنظيم الدولة",
            "تنظيم الدولة الإسلامية",
            "الدولة الإسلامية",
            "الدولة الإسلامية في العراق والشام"),
    HTS(
            "hts",
            "HTS",
            "Hayat Tahrir al-Sham",
            "Hay'at Tahrir al-Sham",
            "Tahrir al-Sham",
            "Jabhat al-Nusra",
            "Nusra Front",
            "al-Nusra",
            "al-Nusra Front",
            "Jabhat Fateh al-Sham",
            "Jabhat Fatah al-Sham",
            "Jabhat Fateh al-Sham (ex-Nusra)",
            "هيئة تحرير الشام",
            "تحرير الشام",
            "جبهة النصرة",
            "النصرة",
            "جبهة فتح الشام"),
    ARMED_OPPOSITION(
            "armed-opposition",
            "armed opposition factions",
            "armed opposition",
            "armed opposition groups",
            "opposition factions",
            "armed opposition / Syrian National Army",
            "Syrian National Army",
            "SNA",
            "Free Syrian Army",
            "FSA",
            "الجيش الوطني السوري",
            "الجيش الوطني",
            "فصائل المعارضة المسلحة",
            "المعارضة المسلحة",
            "فصائل المعارضة",
            "الجيش الحر",
            "الجيش السوري الحر"),
    SDF(
            "sdf",
            "SDF",
            "Syrian Democratic Forces",
            "Syrian Democratic Forces (PYD)",
            "YPG",
            "PYD",
            "Asayish",
            "Kurdish Self-Management forces",
            "Autonomous Administration forces",
            "قوات سوريا الديمقراطية",
            "قوات سوريا الديموقراطية",
            "قسد",
            "وحدات حماية الشعب",
            "الأسايش",
            "قوات الإدارة الذاتية"),
    OTHER("other", "other", "other parties", "أخرى", "جهات أخرى", "أطراف أخرى"),
    UNKNOWN(
            "unknown",
            "unidentified",
            "unknown party",
            "unknown gunmen",
            "unidentified gunmen",
            "جهة مجهولة",
            "جهة غير معروفة",
            "مسلحون مجهولون");

    private static final VocabularyIndex<PerpetratorCategory> INDEX =
            VocabularyIndex.of(PerpetratorCategory.class, UNKNOWN, category -> category.texts);

    private final String code;
    private final List<String> texts;

    PerpetratorCategory(String code, String... texts) {
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
        return "vocab.perpetrator." + code;
    }

    /** The category named by its code, English or Arabic name or an alias; empty when none matches. */
    public static Optional<PerpetratorCategory> fromText(String text) {
        return INDEX.find(text);
    }

    /**
     * The category for a source's perpetrator text: unknown for blank or unknown markers, the named
     * category, otherwise {@link #OTHER} (an actor outside the listed groups, or wording to review).
     */
    public static PerpetratorCategory classify(String text) {
        return fromText(text).orElse(OTHER);
    }

    @JsonCreator
    static PerpetratorCategory fromCode(String code) {
        return VocabularyIndex.byCode(PerpetratorCategory.class, code);
    }
}
