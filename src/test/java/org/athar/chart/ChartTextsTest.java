package org.athar.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.athar.i18n.Messages;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.QueryText;
import org.athar.search.ReportQuery;
import org.junit.jupiter.api.Test;

/** The words around a chart, checked word for word in English and Arabic. */
class ChartTextsTest {

    private static final ChartTexts TEXTS = new ChartTexts(ChartFixtures.MESSAGES, ChartFixtures.GAZETTEER);
    private static final QueryDescription QUERY = TEXTS.queryDescription();

    private static final ReportQuery FILTERED = new ReportQuery(
            QueryText.parse("name:Ahmad \"air force\" -Idlib"),
            Set.of("SY07", "SY02", "unknown"),
            Set.of(),
            Set.of(PerpetratorCategory.GOVERNMENT),
            Set.of(ReportStatus.DETAINED, ReportStatus.MISSING),
            Set.of(Gender.FEMALE),
            Set.of(),
            Set.of("VDC", "SNHR"),
            Optional.of(LocalDate.of(2013, 3, 1)),
            Optional.of(LocalDate.of(2014, 12, 31)),
            Optional.of(true));

    @Test
    void filters_read_as_english_words_with_places_and_codes_by_name_and_typed_words_quoted() {
        assertThat(QUERY.describe(FILTERED, Messages.ENGLISH))
                .isEqualTo("Words: “Ahmad” in the name, “air force”, not “Idlib”"
                        + " · Governorate: Aleppo, Idleb, Unknown"
                        + " · Alleged perpetrator: Syrian government forces"
                        + " · Status: Missing, Detained"
                        + " · Gender: Female"
                        + " · Source: SNHR, VDC"
                        + " · Disappeared between 1 March 2013 and 31 December 2014"
                        + " · With a location");
    }

    @Test
    void filters_read_as_arabic_words_with_arabic_place_names_and_labels() {
        assertThat(QUERY.describe(FILTERED, Messages.ARABIC))
                .isEqualTo("الكلمات: «Ahmad» في الاسم، «air force»، دون «Idlib»"
                        + " · المحافظة: حلب، إدلب، مجهول"
                        + " · الجهة المسؤولة المزعومة: قوات الحكومة السورية"
                        + " · الحالة: " + label("vocab.status.missing") + "، معتقل"
                        + " · الجنس: أنثى"
                        + " · المصدر: SNHR، VDC"
                        + " · اختفى بين 1 آذار 2013 و31 كانون الأول 2014"
                        + " · مع موقع");
    }

    @Test
    void a_query_without_filters_covers_all_reports_and_one_date_bound_reads_as_from_or_until() {
        assertThat(QUERY.describe(ReportQuery.all(), Messages.ENGLISH)).isEqualTo("All reports");
        assertThat(QUERY.describe(ReportQuery.all(), Messages.ARABIC)).isEqualTo("جميع البلاغات");
        ReportQuery from = new ReportQuery(
                QueryText.parse(""),
                Set.of(),
                Set.of("SY0200"),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Optional.of(LocalDate.of(2012, 1, 15)),
                Optional.empty(),
                Optional.empty());
        assertThat(QUERY.describe(from, Messages.ENGLISH))
                .isEqualTo("District: Jebel Saman · Disappeared from 15 January 2012");
        assertThat(QUERY.describe(from, Messages.ARABIC))
                .isEqualTo("المنطقة: جبل سمعان · اختفى منذ 15 كانون الثاني 2012");
    }

    @Test
    void the_imprecise_note_says_which_reports_each_time_granularity_leaves_out() {
        Count r = Count.REPORTS;
        assertThat(TEXTS.imprecise(Dimension.MONTH, OptionalLong.of(326), r, Messages.ENGLISH))
                .contains("Not shown by month: 326 reports whose date is known only to the year, or not at all.");
        assertThat(TEXTS.imprecise(Dimension.QUARTER, OptionalLong.of(1), r, Messages.ENGLISH))
                .contains("Not shown by quarter: 1 report whose date is known only to the year, or not at all.");
        assertThat(TEXTS.imprecise(Dimension.YEAR, OptionalLong.of(1204), r, Messages.ENGLISH))
                .contains("Not shown: 1,204 reports whose date is unknown.");
        assertThat(TEXTS.imprecise(Dimension.MONTH, OptionalLong.of(326), r, Messages.ARABIC))
                .contains(
                        "لا تظهر حسب الشهر بلاغات لا يُعرف من تاريخها إلا السنة أو لا يُعرف تاريخها أصلاً، وعددها 326.");
        assertThat(TEXTS.imprecise(Dimension.YEAR, OptionalLong.of(1204), r, Messages.ARABIC))
                .contains("لا تظهر بلاغات تاريخها غير معروف، وعددها 1,204.");
        assertThat(TEXTS.imprecise(Dimension.MONTH, OptionalLong.of(0), r, Messages.ENGLISH))
                .isEmpty();
        assertThat(TEXTS.imprecise(Dimension.GOVERNORATE, OptionalLong.of(9), r, Messages.ENGLISH))
                .isEmpty();
    }

    @Test
    void a_chart_counting_persons_says_persons_are_not_shown_not_reports() {
        assertThat(TEXTS.imprecise(Dimension.YEAR, OptionalLong.of(1452), Count.PERSONS, Messages.ENGLISH))
                .contains("Not shown: 1,452 persons whose date of disappearance is unknown.");
        assertThat(TEXTS.imprecise(Dimension.MONTH, OptionalLong.of(1), Count.PERSONS, Messages.ENGLISH))
                .contains(
                        "Not shown by month: 1 person whose date of disappearance is known only to the year, or not at all.");
        assertThat(TEXTS.imprecise(Dimension.YEAR, OptionalLong.of(1452), Count.PERSONS, Messages.ARABIC))
                .contains("لا يظهر أشخاص تاريخ اختفائهم غير معروف، وعددهم 1,452.");
    }

    @Test
    void a_withheld_number_left_off_the_time_axis_reads_withheld_never_fewer_than_k() {
        // Under the public profile this count may be a large one withheld to protect another: "fewer than 5" would
        // be a wrong figure.
        assertThat(TEXTS.imprecise(Dimension.MONTH, OptionalLong.empty(), Count.REPORTS, Messages.ENGLISH))
                .contains(
                        "Not shown by month: reports whose date is known only to the year, or not at all; their number is "
                                + "withheld.");
        assertThat(TEXTS.imprecise(Dimension.YEAR, OptionalLong.empty(), Count.PERSONS, Messages.ENGLISH))
                .contains("Not shown: persons whose date of disappearance is unknown; their number is withheld.");
        assertThat(TEXTS.imprecise(Dimension.YEAR, OptionalLong.empty(), Count.PERSONS, Messages.ARABIC))
                .contains("لا يظهر أشخاص تاريخ اختفائهم غير معروف، وعددهم محجوب.");
        for (Dimension d : List.of(Dimension.YEAR, Dimension.QUARTER, Dimension.MONTH)) {
            for (Count c : Count.values()) {
                for (java.util.Locale l : Messages.SUPPORTED) {
                    assertThat(TEXTS.imprecise(d, OptionalLong.empty(), c, l).orElseThrow())
                            .doesNotContain("fewer", "أقل", "<")
                            .containsAnyOf("withheld", "محجوب");
                }
            }
        }
    }

    @Test
    void the_footer_credits_athar_the_sources_and_the_day_and_says_when_data_is_synthetic() {
        LocalDate day = LocalDate.of(2026, 11, 29);
        assertThat(TEXTS.footer(new ChartTexts.Footer(List.of("SNHR", "VDC"), day, false), Messages.ENGLISH))
                .isEqualTo("Source: Athar · sources: SNHR, VDC · generated 29 November 2026");
        assertThat(TEXTS.footer(new ChartTexts.Footer(List.of(), day, true), Messages.ENGLISH))
                .isEqualTo("Source: Athar · generated 29 November 2026 · synthetic demo data");
        assertThat(TEXTS.footer(new ChartTexts.Footer(List.of("SNHR", "VDC"), day, true), Messages.ARABIC))
                .isEqualTo("المصدر: أثر · المصادر: SNHR، VDC · أُنشئ في 29 تشرين الثاني 2026 · بيانات تجريبية مصطنعة");
    }

    @Test
    void a_chart_of_a_breakdown_gets_its_title_filters_note_caveat_and_footer() {
        ChartText text = TEXTS.forBreakdown(
                ChartFixtures.months(Messages.ENGLISH),
                FILTERED,
                new ChartTexts.Footer(List.of("SNHR"), LocalDate.of(2026, 11, 29), false),
                Messages.ENGLISH);
        // Without count=…, a chart counts persons and says so.
        assertThat(text.title()).isEqualTo("Persons by month");
        assertThat(text.subtitle()).contains(QUERY.describe(FILTERED, Messages.ENGLISH));
        assertThat(text.notes())
                .containsExactly(
                        "Counting persons: reports linked as the same person count once; a "
                                + "person documented by several sources counts under each source.",
                        "Not shown by month: 326 persons whose date of disappearance is known only to the year, or not at all.");
        ChartText reports = TEXTS.forBreakdown(
                ChartFixtures.months(Messages.ENGLISH),
                FILTERED.withCount(org.athar.search.Count.REPORTS),
                new ChartTexts.Footer(List.of("SNHR"), LocalDate.of(2026, 11, 29), false),
                Messages.ENGLISH);
        assertThat(reports.title()).isEqualTo("Reports by month");
        assertThat(reports.notes().get(0)).startsWith("Counting reports");
        assertThat(reports.notes().get(1)).startsWith("Not shown by month: 326 reports");
        assertThat(text.caveat()).isEqualTo("Documented cases, not the total number of disappearances.");
        assertThat(TEXTS.title(Dimension.YEAR, Dimension.PERPETRATOR, Messages.ARABIC))
                .isEqualTo("البلاغات حسب السنة والجهة المسؤولة المزعومة");
    }

    private static String label(String key) {
        return ChartFixtures.MESSAGES.get(key, Messages.ARABIC);
    }
}
