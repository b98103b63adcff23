package org.athar.ingest;

import static java.util.Map.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athar.report.TextFolding;

/** The canonical columns of an import file and the header names (English or Arabic) that mean them. */
public final class Columns {

    public static final String REPORT_ID = "report_id";
    public static final String SOURCE = "source";
    public static final String VICTIM_NAME = "victim_name";
    public static final String VICTIM_NAME_LATIN = "victim_name_latin";
    public static final String GENDER = "gender";
    public static final String AGE = "age";
    public static final String OCCUPATION = "occupation";
    public static final String DISAPPEARED_ON = "disappeared_on";
    public static final String GOVERNORATE = "governorate";
    public static final String DISTRICT = "district";
    public static final String LOCALITY = "locality";
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";
    public static final String PERPETRATOR = "perpetrator";
    public static final String PERPETRATOR_DETAIL = "perpetrator_detail";
    public static final String STATUS = "status";
    public static final String STATUS_DATE = "status_date";
    public static final String NARRATIVE = "narrative";
    public static final String CONSENT_TO_SHARE = "consent_to_share";
    public static final String SHARE_WITH = "share_with";
    public static final String CONSENT_DATE = "consent_date";
    public static final String CONSENT_NOTE = "consent_note";

    public static final List<String> CANONICAL = List.of(
            REPORT_ID,
            SOURCE,
            VICTIM_NAME,
            VICTIM_NAME_LATIN,
            GENDER,
            AGE,
            OCCUPATION,
            DISAPPEARED_ON,
            GOVERNORATE,
            DISTRICT,
            LOCALITY,
            LATITUDE,
            LONGITUDE,
            PERPETRATOR,
            PERPETRATOR_DETAIL,
            STATUS,
            STATUS_DATE,
            NARRATIVE,
            CONSENT_TO_SHARE,
            SHARE_WITH,
            CONSENT_DATE,
            CONSENT_NOTE);

    /** The key of an unreadable row's original text; never a header name a user can write (it starts with "_"). */
    public static final String RAW = "_raw";

    /**
     * The Arabic names documentation teams write, the first being the one templates and documentation use. Spelling
     * variants (hamza seats, taa marbuta, harakat, underscores for spaces) need no entry: they fold to the same key.
     */
    private static final Map<String, List<String>> ARABIC = Map.ofEntries(
            entry(REPORT_ID, List.of("رقم البلاغ", "رقم التوثيق", "رقم الحالة")),
            entry(SOURCE, List.of("المصدر", "الجهة الموثقة", "جهة التوثيق")),
            entry(VICTIM_NAME, List.of("اسم الضحية", "الاسم", "الاسم الكامل", "اسم المختفي")),
            entry(VICTIM_NAME_LATIN, List.of("الاسم باللاتينية", "الاسم بالأحرف اللاتينية", "الاسم بالإنجليزية")),
            entry(GENDER, List.of("الجنس")),
            entry(AGE, List.of("العمر")),
            entry(OCCUPATION, List.of("المهنة", "العمل")),
            entry(DISAPPEARED_ON, List.of("تاريخ الاختفاء", "تاريخ الاعتقال", "تاريخ الفقدان")),
            entry(GOVERNORATE, List.of("المحافظة")),
            entry(DISTRICT, List.of("المنطقة")),
            entry(LOCALITY, List.of("البلدة", "المكان", "الحي", "القرية", "مكان الاختفاء")),
            entry(LATITUDE, List.of("خط العرض")),
            entry(LONGITUDE, List.of("خط الطول")),
            // Both spellings of مسؤول are common; folding keeps their hamza seats (و, ي) apart.
            entry(PERPETRATOR, List.of("الجهة المسؤولة", "الجهة المسئولة", "الجهة الفاعلة")),
            entry(
                    PERPETRATOR_DETAIL,
                    List.of("تفاصيل الجهة المسؤولة", "تفاصيل الجهة المسئولة", "تفاصيل الجهة الفاعلة")),
            entry(STATUS, List.of("الحالة", "الوضع الحالي")),
            entry(STATUS_DATE, List.of("تاريخ الحالة")),
            entry(NARRATIVE, List.of("الرواية", "السرد", "ملاحظات", "الملاحظات")),
            entry(CONSENT_TO_SHARE, List.of("الموافقة على المشاركة", "موافقة العائلة", "الموافقة")),
            entry(SHARE_WITH, List.of("المشاركة مع", "الجهات المسموح بها")),
            entry(CONSENT_DATE, List.of("تاريخ الموافقة")),
            entry(CONSENT_NOTE, List.of("ملاحظة الموافقة", "ملاحظات الموافقة")));

    private static final Map<String, String> BY_KEY = index();

    private Columns() {}

    /**
     * The canonical column a header names, ignoring case, surrounding space, a byte order mark, the difference
     * between spaces, hyphens and underscores, and Arabic spelling variants; empty if it names none.
     */
    static Optional<String> canonical(String header) {
        return Optional.ofNullable(BY_KEY.get(key(header)));
    }

    /** The Arabic header name for a canonical column, as templates and documentation write it. */
    static String arabicHeader(String canonical) {
        List<String> names = ARABIC.get(canonical);
        if (names == null) {
            throw new IllegalArgumentException(canonical + " is not a canonical column; see Columns.CANONICAL");
        }
        return names.get(0);
    }

    private static String key(String header) {
        // fold() lower-cases, unifies Arabic letter variants, turns hyphens into spaces and collapses whitespace.
        return TextFolding.fold(header.replace("\uFEFF", "")).replace(' ', '_');
    }

    private static Map<String, String> index() {
        Map<String, String> byKey = new HashMap<>();
        for (String column : CANONICAL) {
            byKey.put(key(column), column);
            for (String name : ARABIC.get(column)) {
                String previous = byKey.put(key(name), column);
                if (previous != null && !previous.equals(column)) {
                    throw new IllegalStateException(
                            "Header name " + name + " means both " + previous + " and " + column);
                }
            }
        }
        return Map.copyOf(byKey);
    }
}
