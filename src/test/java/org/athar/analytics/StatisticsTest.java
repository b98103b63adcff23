package org.athar.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.athar.analytics.StatisticsFixture.cells;
import static org.athar.analytics.StatisticsFixture.counts;
import static org.athar.analytics.StatisticsFixture.values;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.athar.AtharIntegrationTest;
import org.athar.i18n.Messages;
import org.athar.ingest.ImportService;
import org.athar.search.Dimension;
import org.athar.search.QueryText;
import org.athar.search.ReportQuery;
import org.athar.search.ReportSearch;
import org.athar.security.Viewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** Breakdowns, series and cross-tabs of a hand-made synthetic dataset on the real engine: every figure checked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTest extends AtharIntegrationTest {

    private static final java.util.Locale EN = Messages.ENGLISH;
    private static final java.util.Locale AR = Messages.ARABIC;

    @Autowired
    Statistics statistics;

    @Autowired
    ImportService imports;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ReportSearch search;

    private final StatisticsFixture fixture = new StatisticsFixture();

    @BeforeAll
    void load() throws IOException {
        fixture.load(imports, client);
    }

    private Breakdown by(Dimension d) {
        return statistics.breakdown(fixture.all(), d, EN);
    }

    @Test
    void every_non_time_dimension_counts_each_report_once_with_missing_values_as_unknown_largest_first() {
        assertThat(counts(by(Dimension.GOVERNORATE)))
                .containsExactly(
                        entry("SY02", 4L),
                        entry("SY01", 3L),
                        entry("unknown", 2L),
                        entry("SY04", 1L),
                        entry("SY07", 1L));
        assertThat(counts(by(Dimension.DISTRICT)))
                .containsExactly(entry("unknown", 7L), entry("SY0200", 2L), entry("SY0100", 1L), entry("SY0202", 1L));
        assertThat(counts(by(Dimension.PERPETRATOR)))
                .containsExactly(
                        entry("government", 5L),
                        entry("unknown", 2L),
                        entry("armed-opposition", 1L),
                        entry("hts", 1L),
                        entry("isis", 1L),
                        entry("sdf", 1L));
        assertThat(counts(by(Dimension.STATUS)))
                .containsExactly(
                        entry("missing", 6L),
                        entry("unknown", 2L),
                        entry("dead", 1L),
                        entry("detained", 1L),
                        entry("released", 1L));
        assertThat(counts(by(Dimension.GENDER)))
                .containsExactly(entry("male", 6L), entry("female", 3L), entry("unknown", 2L));
        assertThat(counts(by(Dimension.AGE_GROUP)))
                .containsExactly(entry("adult", 6L), entry("unknown", 3L), entry("child", 2L));
        assertThat(counts(by(Dimension.SOURCE)))
                .containsExactly(entry(fixture.sourceA, 6L), entry(fixture.sourceB, 5L));
        for (Dimension d : List.of(
                Dimension.GOVERNORATE,
                Dimension.DISTRICT,
                Dimension.PERPETRATOR,
                Dimension.STATUS,
                Dimension.GENDER,
                Dimension.AGE_GROUP,
                Dimension.SOURCE)) {
            Breakdown b = by(d);
            assertThat(b.total()).as(d.parameter()).hasValue(11);
            assertThat(b.imprecise()).as(d.parameter()).hasValue(0);
            assertThat(b.profile()).isEqualTo(DisclosureProfile.INTERNAL);
        }
    }

    @Test
    void months_count_only_day_and_month_dates_in_time_order_with_the_empty_months_between() {
        Breakdown months = by(Dimension.MONTH);
        // R3 (the year 2013) is not put into January 2013: it would invent a month.
        assertThat(counts(months))
                .containsExactly(
                        entry("2012-11", 2L),
                        entry("2012-12", 0L),
                        entry("2013-01", 1L),
                        entry("2013-02", 0L),
                        entry("2013-03", 3L),
                        entry("2013-04", 0L),
                        entry("2013-05", 0L),
                        entry("2013-06", 0L),
                        entry("2013-07", 0L),
                        entry("2013-08", 1L));
        assertThat(months.total()).hasValue(11);
        assertThat(months.imprecise())
                .as("R3, R7 (years), R5 and the bare report (unknown)")
                .hasValue(4);
    }

    @Test
    void quarters_hold_day_and_month_dates_and_years_hold_year_dates_too() {
        Breakdown quarters = by(Dimension.QUARTER);
        assertThat(counts(quarters))
                .containsExactly(
                        entry("2012-Q4", 2L), entry("2013-Q1", 4L), entry("2013-Q2", 0L), entry("2013-Q3", 1L));
        assertThat(quarters.imprecise()).hasValue(4);
        Breakdown years = by(Dimension.YEAR);
        assertThat(counts(years))
                .containsExactly(entry("2010", 1L), entry("2011", 0L), entry("2012", 2L), entry("2013", 6L));
        assertThat(years.imprecise()).as("R5 and the bare report have no date").hasValue(2);
    }

    @Test
    void buckets_and_imprecise_add_up_to_the_total_on_every_dimension() {
        for (Dimension d : Dimension.values()) {
            Breakdown b = by(d);
            long sum =
                    b.buckets().stream().mapToLong(x -> x.count().orElseThrow()).sum();
            assertThat(sum + b.imprecise().orElseThrow())
                    .as(d.parameter())
                    .isEqualTo(b.total().orElseThrow());
            assertThat(b.total()).as(d.parameter()).hasValue(11);
        }
    }

    @Test
    void a_cross_tab_of_two_fields_has_every_cell_and_totals_that_sum_its_cells() {
        CrossTab t = statistics.crossTab(fixture.all(), Dimension.GOVERNORATE, Dimension.PERPETRATOR, EN);
        assertThat(t.rows()).extracting(Heading::key).containsExactly("SY02", "SY01", "unknown", "SY04", "SY07");
        assertThat(t.columns())
                .extracting(Heading::key)
                .containsExactly("government", "unknown", "armed-opposition", "hts", "isis", "sdf");
        assertThat(cells(t))
                .containsExactly(
                        List.of(2L, 0L, 1L, 0L, 1L, 0L),
                        List.of(2L, 0L, 0L, 0L, 0L, 1L),
                        List.of(0L, 2L, 0L, 0L, 0L, 0L),
                        List.of(1L, 0L, 0L, 0L, 0L, 0L),
                        List.of(0L, 0L, 0L, 1L, 0L, 0L));
        assertThat(values(t.rowTotals())).containsExactly(4L, 3L, 2L, 1L, 1L);
        assertThat(values(t.columnTotals())).containsExactly(5L, 2L, 1L, 1L, 1L, 1L);
        assertThat(t.total()).hasValue(11);
        assertThat(t.imprecise()).hasValue(0);
    }

    @Test
    void a_cross_tab_of_years_by_governorate_fills_empty_years_and_counts_undated_reports_as_imprecise() {
        CrossTab t = statistics.crossTab(fixture.all(), Dimension.YEAR, Dimension.GOVERNORATE, EN);
        assertThat(t.rows()).extracting(Heading::key).containsExactly("2010", "2011", "2012", "2013");
        // Ordered by their totals inside the table: R5 (Damascus) has no date, so Damascus has 2 here, not 3.
        assertThat(t.columns()).extracting(Heading::key).containsExactly("SY02", "SY01", "SY04", "SY07", "unknown");
        assertThat(cells(t))
                .containsExactly(
                        List.of(0L, 0L, 0L, 0L, 1L),
                        List.of(0L, 0L, 0L, 0L, 0L),
                        List.of(1L, 0L, 1L, 0L, 0L),
                        List.of(3L, 2L, 0L, 1L, 0L));
        assertThat(values(t.rowTotals())).containsExactly(1L, 0L, 2L, 6L);
        assertThat(values(t.columnTotals())).containsExactly(4L, 2L, 1L, 1L, 1L);
        assertThat(t.total()).hasValue(11);
        assertThat(t.imprecise()).hasValue(2);
    }

    @Test
    void a_cross_tab_of_two_time_dimensions_places_only_reports_both_can_place() {
        CrossTab t = statistics.crossTab(fixture.all(), Dimension.YEAR, Dimension.QUARTER, EN);
        assertThat(t.rows()).extracting(Heading::key).containsExactly("2012", "2013");
        assertThat(t.columns()).extracting(Heading::key).containsExactly("2012-Q4", "2013-Q1", "2013-Q2", "2013-Q3");
        assertThat(cells(t)).containsExactly(List.of(2L, 0L, 0L, 0L), List.of(0L, 4L, 0L, 1L));
        assertThat(values(t.rowTotals())).containsExactly(2L, 5L);
        assertThat(values(t.columnTotals())).containsExactly(2L, 4L, 0L, 1L);
        assertThat(t.total()).hasValue(11);
        assertThat(t.imprecise()).hasValue(4);
    }

    @Test
    void labels_read_in_english_and_in_arabic_with_western_digits() {
        assertThat(by(Dimension.GOVERNORATE).buckets())
                .extracting(Bucket::label)
                .containsExactly("Aleppo", "Damascus", "Unknown", "Homs", "Idleb");
        assertThat(statistics
                        .breakdown(fixture.all(), Dimension.GOVERNORATE, AR)
                        .buckets())
                .extracting(Bucket::label)
                .containsExactly("حلب", "دمشق", "غير معروف", "حمص", "إدلب");
        assertThat(by(Dimension.DISTRICT).buckets())
                .extracting(Bucket::label)
                .containsExactly("Unknown", "Jebel Saman", "Damascus", "Al Bab");
        assertThat(by(Dimension.PERPETRATOR).buckets())
                .extracting(Bucket::label)
                .startsWith("Syrian government forces", "Unknown", "Armed opposition factions");
        assertThat(statistics.breakdown(fixture.all(), Dimension.STATUS, AR).buckets())
                .extracting(Bucket::label)
                .containsExactly("مفقود", "غير معروف", "متوفى", "معتقل", "مفرج عنه");
        assertThat(by(Dimension.SOURCE).buckets())
                .extracting(Bucket::label)
                .containsExactly(fixture.sourceA, fixture.sourceB);
        assertThat(by(Dimension.MONTH).buckets().get(4).label()).isEqualTo("March 2013");
        assertThat(statistics
                        .breakdown(fixture.all(), Dimension.MONTH, AR)
                        .buckets()
                        .get(4)
                        .label())
                .isEqualTo("آذار 2013");
        assertThat(by(Dimension.QUARTER).buckets().get(1).label()).isEqualTo("Q1 2013");
        assertThat(statistics
                        .breakdown(fixture.all(), Dimension.QUARTER, AR)
                        .buckets()
                        .get(1)
                        .label())
                .isEqualTo("الربع 1 2013");
        assertThat(statistics.breakdown(fixture.all(), Dimension.YEAR, AR).buckets())
                .extracting(Bucket::label)
                .containsExactly("2010", "2011", "2012", "2013");
        assertThat(statistics
                        .crossTab(fixture.all(), Dimension.YEAR, Dimension.GENDER, AR)
                        .columns())
                .extracting(Heading::label)
                .containsExactly("ذكر", "أنثى");
    }

    @Test
    void the_dashboard_equals_the_single_calls() {
        ReportQuery q = fixture.all();
        Dashboard d = statistics.dashboard(q, Dimension.MONTH, Dimension.QUARTER, Dimension.STATUS, AR);
        assertThat(d.series()).isEqualTo(statistics.breakdown(q, Dimension.MONTH, AR));
        assertThat(d.governorates()).isEqualTo(statistics.breakdown(q, Dimension.GOVERNORATE, AR));
        assertThat(d.perpetrators()).isEqualTo(statistics.breakdown(q, Dimension.PERPETRATOR, AR));
        assertThat(d.statuses()).isEqualTo(statistics.breakdown(q, Dimension.STATUS, AR));
        assertThat(d.crossTab()).isEqualTo(statistics.crossTab(q, Dimension.QUARTER, Dimension.STATUS, AR));
        assertThat(d.series().total()).hasValue(11);
    }

    @Test
    void filters_change_the_figures_exactly_as_they_change_the_search_count() throws IOException {
        ReportQuery all = fixture.all();
        ReportQuery aleppo2013 = new ReportQuery(
                QueryText.parse("checkpoint"),
                Set.of("SY02"),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                all.sources(),
                Optional.of(LocalDate.of(2013, 1, 1)),
                Optional.of(LocalDate.of(2013, 12, 31)),
                Optional.empty(),
                all.count());
        // R1 (14 March 2013) and R3 (the year 2013) lie inside 2013; R9 is in 2012; R2 has no checkpoint.
        assertThat(search.count(Viewer.system("test"), aleppo2013)).isEqualTo(2);
        for (Dimension d : Dimension.values()) {
            assertThat(statistics.breakdown(aleppo2013, d, EN).total())
                    .as(d.parameter())
                    .hasValue(search.count(Viewer.system("test"), aleppo2013));
            assertThat(statistics.breakdown(all, d, EN).total())
                    .as(d.parameter())
                    .hasValue(search.count(Viewer.system("test"), all));
        }
        Breakdown months = statistics.breakdown(aleppo2013, Dimension.MONTH, EN);
        assertThat(counts(months)).containsExactly(entry("2013-03", 1L));
        assertThat(months.imprecise()).hasValue(1);
        assertThat(counts(statistics.breakdown(aleppo2013, Dimension.PERPETRATOR, EN)))
                .containsExactly(entry("government", 1L), entry("isis", 1L));
    }
}
