package org.athar.demo;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;

/**
 * The words sources use for gender, status, perpetrator and occupation. Every wording here is one of the
 * aliases Athar's vocabularies accept, so the demo file imports cleanly (checked by the tests).
 */
final class DemoVocabulary {

    /** An English and an Arabic wording of the same value. */
    record Pair(String en, String ar) {
        String in(boolean arabic) {
            return arabic ? ar : en;
        }
    }

    private static final Map<PerpetratorCategory, List<String>> PERPETRATOR_EN = Map.of(
            PerpetratorCategory.GOVERNMENT,
                    List.of(
                            "Syrian regime forces",
                            "government forces",
                            "Syrian government forces",
                            "regime forces",
                            "Syrian army",
                            "government"),
            PerpetratorCategory.ISIS, List.of("ISIS", "Islamic State", "Daesh", "isis"),
            PerpetratorCategory.HTS, List.of("Hay'at Tahrir al-Sham", "HTS", "hts"),
            PerpetratorCategory.ARMED_OPPOSITION,
                    List.of("armed opposition factions", "Syrian National Army", "armed-opposition"),
            PerpetratorCategory.SDF, List.of("Syrian Democratic Forces", "SDF", "sdf"),
            PerpetratorCategory.UNKNOWN, List.of("unknown", "", "unidentified gunmen", "unknown party"));

    private static final Map<PerpetratorCategory, List<String>> PERPETRATOR_AR = Map.of(
            PerpetratorCategory.GOVERNMENT,
                    List.of(
                            "قوات النظام السوري",
                            "قوات النظام",
                            "القوات الحكومية",
                            "الأجهزة الأمنية",
                            "قوات الحكومة السورية"),
            PerpetratorCategory.ISIS, List.of("تنظيم داعش", "داعش", "تنظيم الدولة"),
            PerpetratorCategory.HTS, List.of("هيئة تحرير الشام", "تحرير الشام"),
            PerpetratorCategory.ARMED_OPPOSITION, List.of("فصائل المعارضة المسلحة", "الجيش الوطني السوري"),
            PerpetratorCategory.SDF, List.of("قوات سوريا الديمقراطية", "قسد"),
            PerpetratorCategory.UNKNOWN, List.of("مجهول", "جهة مجهولة", "", "مسلحون مجهولون"));

    // HTS was formed in January 2017 out of Jabhat al-Nusra, the Syrian National Army at the end of 2017 out of
    // Free Syrian Army factions: sources write the name the group had at the time.
    private static final int HTS_FORMED = 2017;
    private static final int SNA_FORMED = 2018;
    private static final List<String> NUSRA_EN = List.of("Jabhat al-Nusra", "Nusra Front", "Jabhat Fateh al-Sham");
    private static final List<String> NUSRA_AR = List.of("جبهة النصرة", "النصرة");
    private static final List<String> FSA_EN = List.of("Free Syrian Army", "FSA", "armed opposition factions");
    private static final List<String> FSA_AR = List.of("الجيش السوري الحر", "الجيش الحر", "فصائل المعارضة المسلحة");
    private static final Pair NUSRA_IN_PROSE = new Pair("Jabhat al-Nusra", "جبهة النصرة");

    /** The perpetrator as a narrative names it. */
    private static final Map<PerpetratorCategory, Pair> PERPETRATOR_IN_PROSE = Map.of(
            PerpetratorCategory.GOVERNMENT, new Pair("government forces", "قوات النظام"),
            PerpetratorCategory.ISIS, new Pair("ISIS members", "عناصر من تنظيم داعش"),
            PerpetratorCategory.HTS, new Pair("Hay'at Tahrir al-Sham", "هيئة تحرير الشام"),
            PerpetratorCategory.ARMED_OPPOSITION, new Pair("an armed opposition faction", "فصيل معارض مسلح"),
            PerpetratorCategory.SDF, new Pair("the SDF", "قوات سوريا الديمقراطية"),
            PerpetratorCategory.UNKNOWN, new Pair("unidentified gunmen", "مسلحين مجهولين"));

    // Real institutions (branches, units, prisons) as families name them; never a person.
    static final List<Pair> GOVERNMENT_DETAILS = List.of(
            new Pair("Air Force Intelligence", "المخابرات الجوية"),
            new Pair("Air Force Intelligence, Mezzeh airport", "فرع التحقيق في المخابرات الجوية - مطار المزة"),
            new Pair("Military Intelligence Branch 215", "فرع 215 - الأمن العسكري"),
            new Pair("Military Intelligence Branch 235 (Palestine Branch)", "فرع فلسطين"),
            new Pair("Military Intelligence Branch 227", "فرع المنطقة 227"),
            new Pair("Political Security Branch", "شعبة الأمن السياسي"),
            new Pair("General Intelligence Branch 251", "فرع الخطيب 251"),
            new Pair("State Security", "أمن الدولة"),
            new Pair("Fourth Division", "الفرقة الرابعة"),
            new Pair("Republican Guard", "الحرس الجمهوري"),
            new Pair("National Defence Forces", "قوات الدفاع الوطني"),
            new Pair("Military Police", "الشرطة العسكرية"),
            new Pair("Saydnaya Military Prison", "سجن صيدنايا العسكري"),
            new Pair("Military Intelligence checkpoint", "حاجز للأمن العسكري"));

    static final List<Pair> OCCUPATIONS_MALE = List.of(
            new Pair("student", "طالب"),
            new Pair("teacher", "معلم"),
            new Pair("farmer", "مزارع"),
            new Pair("engineer", "مهندس"),
            new Pair("doctor", "طبيب"),
            new Pair("worker", "عامل"),
            new Pair("driver", "سائق"),
            new Pair("merchant", "تاجر"),
            new Pair("lawyer", "محام"),
            new Pair("carpenter", "نجار"),
            new Pair("pharmacist", "صيدلاني"),
            new Pair("soldier", "عسكري"),
            new Pair("civil servant", "موظف"),
            new Pair("tailor", "خياط"));

    static final List<Pair> OCCUPATIONS_FEMALE = List.of(
            new Pair("student", "طالبة"),
            new Pair("teacher", "معلمة"),
            new Pair("nurse", "ممرضة"),
            new Pair("housewife", "ربة منزل"),
            new Pair("engineer", "مهندسة"),
            new Pair("doctor", "طبيبة"),
            new Pair("civil servant", "موظفة"),
            new Pair("pharmacist", "صيدلانية"));

    private static final Pair SCHOOL_STUDENT_MALE = new Pair("student", "طالب");
    private static final Pair SCHOOL_STUDENT_FEMALE = new Pair("student", "طالبة");

    private DemoVocabulary() {}

    static String gender(Gender gender, boolean arabic, SplittableRandom random) {
        return switch (gender) {
            case MALE -> arabic ? "ذكر" : pick(random, "male", "male", "Male", "M");
            case FEMALE -> arabic ? "أنثى" : pick(random, "female", "female", "Female", "F");
            case UNKNOWN -> "";
        };
    }

    /** The status, in Arabic agreeing with the person's gender as Arabic status columns do. */
    static String status(ReportStatus status, Gender gender, boolean arabic, SplittableRandom random) {
        boolean female = gender == Gender.FEMALE;
        if (arabic) {
            return switch (status) {
                case MISSING -> female ? pick(random, "مفقودة", "مختفية قسريا") : pick(random, "مفقود", "مختفي قسريا");
                case DETAINED -> female ? "معتقلة" : "معتقل";
                case RELEASED -> female ? "مفرج عنها" : "مفرج عنه";
                case DEAD -> female ? "متوفاة" : pick(random, "متوفى", "توفي في المعتقل");
                case UNKNOWN -> pick(random, "مجهول", "");
            };
        }
        return switch (status) {
            case MISSING -> pick(random, "missing", "missing", "forcibly disappeared");
            case DETAINED -> pick(random, "detained", "arrested");
            case RELEASED -> "released";
            case DEAD -> pick(random, "dead", "died in detention");
            case UNKNOWN -> pick(random, "unknown", "");
        };
    }

    /** The perpetrator column: one of the wordings of the category, as the group was called in {@code year}. */
    static String perpetrator(PerpetratorCategory category, int year, boolean arabic, SplittableRandom random) {
        List<String> wordings;
        if (category == PerpetratorCategory.HTS && year < HTS_FORMED) {
            wordings = arabic ? NUSRA_AR : NUSRA_EN;
        } else if (category == PerpetratorCategory.ARMED_OPPOSITION && year < SNA_FORMED) {
            wordings = arabic ? FSA_AR : FSA_EN;
        } else {
            wordings = (arabic ? PERPETRATOR_AR : PERPETRATOR_EN).get(category);
        }
        return wordings.get(random.nextInt(wordings.size()));
    }

    /** The perpetrator as a narrative names it. */
    static String perpetratorInProse(PerpetratorCategory category, int year, boolean arabic) {
        Pair prose = category == PerpetratorCategory.HTS && year < HTS_FORMED
                ? NUSRA_IN_PROSE
                : PERPETRATOR_IN_PROSE.get(category);
        return prose.in(arabic);
    }

    /** An occupation fitting the person: children are pupils, and the lists differ by gender. */
    static Pair occupation(Gender gender, Integer age, SplittableRandom random) {
        boolean female = gender == Gender.FEMALE;
        if (age != null && age < 18) {
            return female ? SCHOOL_STUDENT_FEMALE : SCHOOL_STUDENT_MALE;
        }
        List<Pair> list = female ? OCCUPATIONS_FEMALE : OCCUPATIONS_MALE;
        return list.get(random.nextInt(list.size()));
    }

    static String pick(SplittableRandom random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
