package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.StatsRequest;
import org.athar.chart.ChartService;
import org.athar.i18n.Messages;
import org.athar.report.AgeGroup;
import org.athar.report.Gazetteer;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.QueryText;
import org.athar.search.ReportQuery;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

/**
 * The names of downloaded files: what they hold, their main filters, period and day, as an ASCII slug every system
 * accepts (at most 120 characters, no reserved Windows name), with the Arabic name for Arabic files, and never a
 * word typed in the search box (it may be a victim's name).
 */
class DownloadNamesTest {

    private static final Pattern SAFE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z]+");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final String FORBIDDEN_ANYWHERE = "/\\:*?\"<>|";

    /** 23:30 UTC is already 7 December in Damascus: the name gives the day in UTC whatever the clock's zone. */
    private final DownloadNames names = new DownloadNames(
            new Messages(),
            Gazetteer.load(),
            Clock.fixed(Instant.parse("2026-12-06T23:30:00Z"), java.time.ZoneId.of("Asia/Damascus")));

    private static ReportQuery aleppo2013() {
        return new ReportQuery(
                QueryText.parse(""),
                Set.of("SY02"),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Optional.of(LocalDate.of(2013, 1, 1)),
                Optional.of(LocalDate.of(2013, 12, 31)),
                Optional.empty());
    }

    private static ChartService.Spec spec(ChartService.Kind kind, ReportQuery q, Dimension by, java.util.Locale l) {
        StatsRequest request = kind == ChartService.Kind.CROSSTAB
                ? StatsRequest.crossTab(q, Dimension.GOVERNORATE, Dimension.PERPETRATOR, l, DisclosureProfile.INTERNAL)
                : StatsRequest.breakdown(
                        q, kind == ChartService.Kind.MAP ? Dimension.GOVERNORATE : by, l, DisclosureProfile.INTERNAL);
        return new ChartService.Spec(kind, request);
    }

    private static void assertSafe(DownloadName name) {
        assertThat(name.ascii()).matches(SAFE).hasSizeLessThanOrEqualTo(DownloadNames.MAX_LENGTH);
        assertThat(name.ascii()).doesNotMatch(RESERVED);
        assertThat(name.unicode())
                .hasSizeLessThanOrEqualTo(DownloadNames.MAX_LENGTH)
                .doesNotMatch(RESERVED);
        assertThat(name.unicode().chars())
                .noneMatch(c -> FORBIDDEN_ANYWHERE.indexOf(c) >= 0
                        || Character.isISOControl(c)
                        || Character.getType(c) == Character.FORMAT
                        || Character.isWhitespace(c));
        // What a browser reads back from the header is the name itself.
        ContentDisposition parsed = ContentDisposition.parse(name.contentDisposition());
        assertThat(parsed.isAttachment()).isTrue();
        assertThat(parsed.getFilename()).isEqualTo(name.unicode());
        assertThat(name.contentDisposition()).startsWith("attachment; filename=\"" + name.ascii() + "\"");
    }

    @Test
    void a_chart_is_named_after_what_it_counts_its_dimension_the_governorate_the_year_and_the_day_of_download() {
        DownloadName name =
                names.chart(spec(ChartService.Kind.TIMELINE, aleppo2013(), Dimension.YEAR, Messages.ENGLISH), "png");
        assertThat(name.ascii()).isEqualTo("athar-persons-by-year-aleppo-2013-2026-12-06.png");
        assertThat(name.unicode()).isEqualTo(name.ascii());
        assertThat(name.contentDisposition())
                .isEqualTo("attachment; filename=\"athar-persons-by-year-aleppo-2013-2026-12-06.png\"");
        assertSafe(name);
    }

    @Test
    void an_arabic_chart_has_an_ascii_fallback_and_its_arabic_name_in_filename_star() {
        DownloadName name =
                names.chart(spec(ChartService.Kind.TIMELINE, aleppo2013(), Dimension.YEAR, Messages.ARABIC), "svg");
        assertThat(name.ascii()).isEqualTo("athar-persons-by-year-aleppo-2013-2026-12-06.svg");
        assertThat(name.unicode()).isEqualTo("أثر-الأشخاص-حسب-السنة-حلب-2013-2026-12-06.svg");
        assertThat(name.contentDisposition())
                .contains("filename=\"athar-persons-by-year-aleppo-2013-2026-12-06.svg\"")
                .contains("filename*=UTF-8''%D8%A3%D8%AB%D8%B1-");
        assertSafe(name);
    }

    @Test
    void cross_tabs_maps_and_counts_of_reports_say_so_and_periods_are_as_coarse_as_the_dates() {
        ReportQuery q = new ReportQuery(
                        QueryText.parse(""),
                        Set.of(),
                        Set.of(),
                        Set.of(PerpetratorCategory.ISIS),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Optional.of(LocalDate.of(2013, 3, 1)),
                        Optional.of(LocalDate.of(2014, 6, 30)),
                        Optional.empty())
                .withCount(Count.REPORTS);
        assertThat(names.chart(spec(ChartService.Kind.CROSSTAB, q, Dimension.YEAR, Messages.ENGLISH), "pdf")
                        .ascii())
                .isEqualTo("athar-reports-by-governorate-and-perpetrator-isis-2013-03-to-2014-06-2026-12-06.pdf");
        assertThat(names.chart(spec(ChartService.Kind.MAP, aleppo2013(), Dimension.YEAR, Messages.ENGLISH), "png")
                        .ascii())
                .isEqualTo("athar-persons-map-by-district-aleppo-2013-2026-12-06.png");
        ReportQuery from = new ReportQuery(
                QueryText.parse(""),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Optional.of(LocalDate.of(2014, 6, 2)),
                Optional.empty(),
                Optional.empty());
        assertThat(names.chart(spec(ChartService.Kind.BREAKDOWN, from, Dimension.AGE_GROUP, Messages.ENGLISH), "png")
                        .ascii())
                .isEqualTo("athar-persons-by-age-group-from-2014-06-02-2026-12-06.png");
    }

    @Test
    void a_long_filter_list_names_a_few_filters_then_says_and_more_and_stays_within_120_characters() {
        ReportQuery many = new ReportQuery(
                QueryText.parse(""),
                Set.of("SY02", "SY04", "SY07", "SY01", "SY05"),
                Set.of("SY0200", "SY0202"),
                Set.of(PerpetratorCategory.values()),
                Set.of(ReportStatus.values()),
                Set.of(Gender.FEMALE),
                Set.of(AgeGroup.CHILD),
                Set.of(
                        "Syrian Network for Human Rights " + "(a very long organisation name that goes on and on)",
                        "VDC"),
                Optional.of(LocalDate.of(2011, 1, 1)),
                Optional.of(LocalDate.of(2024, 12, 31)),
                Optional.of(true));
        for (java.util.Locale l : Messages.SUPPORTED) {
            DownloadName name = names.chart(spec(ChartService.Kind.CROSSTAB, many, Dimension.YEAR, l), "png");
            assertSafe(name);
            assertThat(name.ascii())
                    .startsWith("athar-persons-by-governorate-and-perpetrator-")
                    .contains("-and-more-")
                    .endsWith("-2011-to-2024-2026-12-06.png");
            assertThat(name.ascii()
                            .split("-and-more-")[0]
                            .split("-perpetrator-")[1]
                            .split("-"))
                    .as("at most three filter values")
                    .hasSizeLessThanOrEqualTo(6);
        }
        DownloadName workbook = names.export(ExportService.Format.WORKBOOK, many, Messages.ARABIC);
        assertSafe(workbook);
        assertThat(workbook.unicode())
                .startsWith("أثر-مصنف-الأشخاص-")
                .contains("وغيرها")
                .endsWith(".xlsx");
    }

    @Test
    void words_typed_in_the_search_box_never_reach_a_file_name() {
        ReportQuery named = new ReportQuery(
                QueryText.parse("name:\"Synthetic Person Zubayda\" أحمد"),
                Set.of("SY02"),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        for (java.util.Locale l : Messages.SUPPORTED) {
            for (DownloadName name : List.of(
                    names.chart(spec(ChartService.Kind.BREAKDOWN, named, Dimension.STATUS, l), "png"),
                    names.export(ExportService.Format.CSV, named, l),
                    names.export(ExportService.Format.WORKBOOK, named, l))) {
                assertThat(name.ascii() + name.unicode() + name.contentDisposition())
                        .doesNotContainIgnoringCase("zubayda")
                        .doesNotContainIgnoringCase("synthetic")
                        .doesNotContain("أحمد")
                        .doesNotContain("%D8%A3%D8%AD%D9%85%D8%AF");
            }
        }
    }

    @Test
    void a_briefing_is_named_by_its_title_and_an_arabic_title_travels_in_filename_star() {
        DownloadName english = names.briefing("Detentions in Aleppo, 2013: a briefing", "en", "pdf");
        assertThat(english.ascii()).isEqualTo("athar-briefing-detentions-in-aleppo-2013-a-briefing-2026-12-06.pdf");
        assertThat(english.contentDisposition())
                .as("an ASCII title needs no filename*")
                .isEqualTo("attachment; filename=\"" + english.ascii() + "\"");
        assertSafe(english);
        DownloadName accented = names.briefing("Détentions à Alep", "en", "pdf");
        assertThat(accented.ascii()).isEqualTo("athar-briefing-detentions-a-alep-2026-12-06.pdf");
        assertThat(accented.unicode()).isEqualTo("athar-briefing-Détentions-à-Alep-2026-12-06.pdf");
        assertSafe(accented);
        DownloadName arabic = names.briefing("الاختفاء القسري في حلب", "ar", "docx");
        assertThat(arabic.ascii()).isEqualTo("athar-briefing-2026-12-06.docx");
        assertThat(arabic.unicode()).isEqualTo("أثر-إحاطة-الاختفاء-القسري-في-حلب-2026-12-06.docx");
        assertSafe(arabic);
    }

    @Test
    void odd_characters_reserved_windows_names_and_very_long_titles_give_safe_names() {
        for (String title : List.of(
                "CON",
                "nul.txt",
                "../../etc/passwd",
                "a\\b:c*d?e\"f<g>h|i",
                "tab\there\u0000nul",
                "\u202Eevil\u202C ‮gnp.exe",
                "Détentions à Alep — « résumé »",
                "  ",
                "",
                "ـــ",
                "x".repeat(400),
                "الاختفاء القسري ".repeat(30),
                "emoji 😀 and ‘quotes’ and Dar'a")) {
            for (String ext : List.of("pdf", "docx", "pptx")) {
                DownloadName name = names.briefing(title, "ar", ext);
                assertSafe(name);
                assertThat(name.ascii()).startsWith("athar-briefing").endsWith("-2026-12-06." + ext);
                assertThat(name.unicode()).endsWith("-2026-12-06." + ext).doesNotContain("..");
            }
        }
        assertThat(names.briefing("Dar'a and Détentions", "en", "pdf").ascii())
                .isEqualTo("athar-briefing-dara-and-detentions-2026-12-06.pdf");
    }

    @Test
    void records_the_overlap_the_audit_log_and_rejected_rows_have_names_of_their_own() {
        assertThat(names.export(ExportService.Format.CSV, aleppo2013(), Messages.ENGLISH)
                        .ascii())
                .isEqualTo("athar-records-aleppo-2013-2026-12-06.csv");
        assertThat(names.export(ExportService.Format.JSONL, ReportQuery.all(), Messages.ENGLISH)
                        .ascii())
                .isEqualTo("athar-records-2026-12-06.jsonl");
        assertThat(names.export(ExportService.Format.WORKBOOK, aleppo2013().withCount(Count.REPORTS), Messages.ENGLISH)
                        .ascii())
                .isEqualTo("athar-workbook-reports-aleppo-2013-2026-12-06.xlsx");
        assertThat(names.overlap(Messages.ENGLISH).ascii()).isEqualTo("athar-source-overlap-persons-2026-12-06.xlsx");
        assertThat(names.overlap(Messages.ARABIC).unicode()).isEqualTo("أثر-تداخل-المصادر-الأشخاص-2026-12-06.xlsx");
        assertThat(names.auditLog(Optional.of("export"), Optional.of("denied")).ascii())
                .isEqualTo("athar-audit-log-export-denied-2026-12-06.csv");
        assertThat(names.rejectedRows("20261129041200-3f2a9c1e").ascii())
                .isEqualTo("athar-rejected-rows-20261129041200-3f2a9c1e-2026-12-06.csv");
        for (DownloadName n : List.of(
                names.overlap(Messages.ARABIC),
                names.auditLog(Optional.empty(), Optional.empty()),
                names.rejectedRows("../x y"))) {
            assertSafe(n);
        }
    }
}
