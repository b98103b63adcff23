package org.athar.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.i18n.Messages;
import org.athar.search.Count;
import org.junit.jupiter.api.Test;

/** Sizes, formats and data a chart refuses, each with a message that names what to change. */
class ChartInputTest {

    private static final ChartRenderer RENDERER = new ChartRenderer(ChartFixtures.MESSAGES);

    @Test
    void sizes_outside_the_limits_are_refused_naming_the_parameter() {
        assertThatThrownBy(() -> new ChartSize(199, 900, 300))
                .hasMessage("width must be between 200 and 8000 pixels, got 199");
        assertThatThrownBy(() -> new ChartSize(1600, 8001, 300))
                .hasMessage("height must be between 200 and 8000 pixels, got 8001");
        assertThatThrownBy(() -> new ChartSize(1600, 900, 601))
                .hasMessage("dpi must be between 72 and 600 dots per inch, got 601");
        assertThat(ChartSize.PRINT.drawingWidth(ChartFormat.PNG)).isEqualTo(512);
        assertThat(ChartSize.PRINT.drawingHeight(ChartFormat.PNG)).isEqualTo(288);
        assertThat(ChartSize.PRINT.drawingWidth(ChartFormat.SVG)).isEqualTo(1600);
    }

    @Test
    void formats_are_found_by_extension_with_their_content_type() {
        assertThat(ChartFormat.fromExtension(".PNG")).contains(ChartFormat.PNG);
        assertThat(ChartFormat.fromExtension("svg").map(ChartFormat::contentType))
                .contains("image/svg+xml");
        assertThat(ChartFormat.fromExtension("pdf").map(ChartFormat::contentType))
                .contains("application/pdf");
        assertThat(ChartFormat.fromExtension("gif")).isEmpty();
    }

    @Test
    void chart_kinds_refuse_a_statistic_of_the_wrong_dimension() {
        Breakdown governorates = ChartFixtures.governorates(Messages.ENGLISH);
        assertThatThrownBy(() -> new ChartData.Timeline(governorates, Count.REPORTS, 5))
                .hasMessageContaining("year, quarter or month")
                .hasMessageContaining("Bars");
        assertThatThrownBy(() -> new ChartData.DistrictMap(governorates, "SY02", Count.REPORTS, 5))
                .hasMessageContaining("district breakdown");
        assertThatThrownBy(() -> new ChartData.GovernorateMap(governorates, Count.REPORTS, 1))
                .hasMessageContaining("k");
    }

    @Test
    void a_district_map_refuses_reports_counted_in_another_governorate_rather_than_drop_them() {
        Breakdown aleppo = ChartFixtures.aleppoDistricts(Messages.ENGLISH);
        List<Bucket> buckets = new ArrayList<>(aleppo.buckets());
        buckets.add(new Bucket("SY0700", "Idleb", OptionalLong.of(17)));
        Breakdown mixed =
                new Breakdown(aleppo.dimension(), aleppo.profile(), aleppo.total(), aleppo.imprecise(), buckets);
        ChartText text = ChartFixtures.text("Reports by district", Messages.ENGLISH);
        assertThatThrownBy(() -> RENDERER.render(
                        new ChartData.DistrictMap(mixed, "SY02", Count.REPORTS, 5),
                        text,
                        Messages.ENGLISH,
                        ChartFormat.SVG,
                        ChartSize.of(960, 540)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SY0700")
                .hasMessageContaining("filter the query");
    }

    @Test
    void a_map_says_how_many_reports_it_cannot_place_why_figures_are_withheld_and_whose_boundaries_it_draws() {
        String svg = new String(
                RENDERER.render(
                        new ChartData.GovernorateMap(ChartFixtures.governorates(Messages.ENGLISH), Count.REPORTS, 5),
                        ChartFixtures.text("Reports by governorate", Messages.ENGLISH),
                        Messages.ENGLISH,
                        ChartFormat.SVG,
                        ChartSize.of(960, 540)),
                java.nio.charset.StandardCharsets.UTF_8);
        List<String> texts = ChartFiles.texts(ChartFiles.xml(svg));
        assertThat(texts)
                .contains(
                        "Not on the map: 58 reports whose governorate is unknown.",
                        "Boundaries: UN OCHA, Syrian Arab Republic – Subnational Administrative Boundaries (CC BY-IGO 3.0).",
                        "Withheld: fewer than 5 documented cases, or withheld so that such a small count cannot be worked out "
                                + "from other published figures.");
    }

    @Test
    void a_withheld_total_of_a_stacked_bar_is_not_printed_as_a_small_count() {
        String svg = RENDERER.interactiveSvg(
                new ChartData.StackedBars(ChartFixtures.yearsByPerpetrator(Messages.ENGLISH), Count.REPORTS, 5),
                ChartFixtures.text("Reports by year", Messages.ENGLISH),
                Messages.ENGLISH,
                ChartSize.of(960, 540));
        List<String> texts = ChartFiles.texts(ChartFiles.xml(svg));
        // 2011–2015 totals are printed; 2016's total is withheld (it holds a suppressed cell): no "<5" for it.
        assertThat(texts).contains("820", "2,950", "2,410", "1,730", "1,302");
        assertThat(texts).doesNotContain("<5");
    }
}
