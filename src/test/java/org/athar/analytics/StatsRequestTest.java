package org.athar.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.search.BadParameterException;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.junit.jupiter.api.Test;

/** One statistics request, read from parameters the same way for the API, the charts and the briefings. */
class StatsRequestTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final Function<Optional<DisclosureProfile>, DisclosureProfile> AS_ASKED =
            asked -> asked.orElse(DisclosureProfile.INTERNAL);

    private static StatsRequest read(
            Map<String, List<String>> params, StatsParameters.Statistic statistic, StatsParameters.Style style) {
        return StatsParameters.parse(params, StatsParameters.Form.of(statistic, style), GAZETTEER, AS_ASKED);
    }

    private static BadParameterException refusal(Runnable r) {
        try {
            r.run();
        } catch (BadParameterException e) {
            return e;
        }
        throw new AssertionError("no 400");
    }

    @Test
    void a_request_with_equal_rows_and_columns_cannot_be_made() {
        assertThatThrownBy(() -> StatsRequest.crossTab(
                        ReportQuery.all(),
                        Dimension.STATUS,
                        Dimension.STATUS,
                        Messages.ENGLISH,
                        DisclosureProfile.INTERNAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose two different dimensions");
    }

    @Test
    void a_dashboard_whose_granularity_is_not_time_cannot_be_made() {
        assertThatThrownBy(() -> StatsRequest.dashboard(
                        ReportQuery.all(),
                        Dimension.STATUS,
                        Dimension.GOVERNORATE,
                        Dimension.PERPETRATOR,
                        Messages.ENGLISH,
                        DisclosureProfile.PUBLIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use year, quarter or month");
    }

    @Test
    void the_statistics_api_counts_reports_by_default_and_fills_in_the_dashboard_defaults() {
        StatsRequest r = read(
                Map.of("lang", List.of("ar")), StatsParameters.Statistic.DASHBOARD, StatsParameters.Style.STATS_API);
        assertThat(r.query().counting()).isEqualTo(Count.REPORTS);
        assertThat(r.granularity()).contains(Dimension.MONTH);
        assertThat(r.rows()).isEqualTo(Dimension.GOVERNORATE);
        assertThat(r.columns()).isEqualTo(Dimension.PERPETRATOR);
        assertThat(r.locale()).isEqualTo(Messages.ARABIC);
    }

    @Test
    void each_surface_words_equal_rows_and_columns_as_it_always_did() {
        Map<String, List<String>> same = Map.of("rows", List.of("status"), "columns", List.of("status"));
        BadParameterException api =
                refusal(() -> read(same, StatsParameters.Statistic.CROSSTAB, StatsParameters.Style.STATS_API));
        assertThat(api.parameter()).isEqualTo("columns");
        assertThat(api.getMessage()).isEqualTo("columns is status like rows; choose two different dimensions");
        BadParameterException briefing = refusal(() -> StatsParameters.parse(
                same,
                new StatsParameters.Form(
                        StatsParameters.Statistic.CROSSTAB, StatsParameters.Style.BRIEFING, "charts[2]"),
                ReportQuery.all(),
                Messages.ENGLISH,
                DisclosureProfile.PUBLIC));
        assertThat(briefing.parameter()).isEqualTo("charts[2].columns");
        assertThat(briefing.getMessage())
                .isEqualTo("charts[2].columns is status like rows; choose two different dimensions");
    }

    @Test
    void a_chart_timeline_by_a_dimension_that_is_not_time_is_refused_naming_granularity() {
        BadParameterException e = refusal(() -> read(
                Map.of("granularity", List.of("status")),
                StatsParameters.Statistic.TIMELINE,
                StatsParameters.Style.CHART_API));
        assertThat(e.parameter()).isEqualTo("granularity");
        assertThat(e.getMessage()).isEqualTo("granularity must be year, quarter or month");
    }

    @Test
    void a_missing_dimension_is_named_in_the_words_of_each_surface() {
        BadParameterException api =
                refusal(() -> read(Map.of(), StatsParameters.Statistic.CROSSTAB, StatsParameters.Style.STATS_API));
        assertThat(api.parameter()).isEqualTo("rows");
        assertThat(api.getMessage()).startsWith("parameter 'rows' is required: one of governorate, ");
        BadParameterException chart =
                refusal(() -> read(Map.of(), StatsParameters.Statistic.BREAKDOWN, StatsParameters.Style.CHART_API));
        assertThat(chart.parameter()).isEqualTo("by");
        assertThat(chart.getMessage()).isEqualTo("parameter 'by' is required");
    }

    @Test
    void a_chart_that_is_not_a_cross_tab_ignores_but_still_checks_rows_and_columns() {
        StatsRequest r = read(
                Map.of("rows", List.of("status"), "columns", List.of("status")),
                StatsParameters.Statistic.TIMELINE,
                StatsParameters.Style.CHART_API);
        assertThat(r.by()).isEqualTo(Dimension.YEAR);
        BadParameterException e = refusal(() -> read(
                Map.of("rows", List.of("colour")), StatsParameters.Statistic.MAP, StatsParameters.Style.CHART_API));
        assertThat(e.parameter()).isEqualTo("rows");
        assertThat(e.getMessage()).isEqualTo("rows 'colour' is not a dimension");
    }
}
