package org.athar.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.CrossTab;
import org.athar.analytics.Heading;
import org.athar.i18n.Messages;
import org.athar.search.Count;
import org.athar.search.ReportQuery;

/**
 * One chart kind with its synthetic data in one language, and what a reader must find on it: the labels of its
 * bars or areas and the keys of the interactive overlays, in drawing order.
 */
record ChartCase(String name, Locale locale, ChartData data, ChartText text, List<String> labels, List<String> keys) {

    static final ChartTexts TEXTS = new ChartTexts(ChartFixtures.MESSAGES, ChartFixtures.GAZETTEER);
    static final ChartTexts.Footer FOOTER =
            new ChartTexts.Footer(List.of("SNHR", "VDC"), LocalDate.of(2026, 11, 29), true);

    @Override
    public String toString() {
        return name + "-" + locale.getLanguage();
    }

    String file(ChartFormat format) {
        return toString() + "." + format.extension();
    }

    static Stream<ChartCase> all() {
        return Stream.of(Messages.ENGLISH, Messages.ARABIC).flatMap(ChartCase::inLanguage);
    }

    static Stream<ChartCase> inLanguage(Locale l) {
        List<ChartCase> cases = new ArrayList<>();
        Breakdown governorates = ChartFixtures.governorates(l);
        cases.add(breakdown(
                "governorate-map",
                l,
                new ChartData.GovernorateMap(governorates, Count.REPORTS, ChartFixtures.K),
                governorates,
                mapped(governorates),
                figures(governorates, l)));
        Breakdown districts = ChartFixtures.aleppoDistricts(l);
        cases.add(breakdown(
                "district-map",
                l,
                new ChartData.DistrictMap(districts, "SY02", Count.REPORTS, ChartFixtures.K),
                districts,
                mapped(districts),
                figures(districts, l)));
        Breakdown months = ChartFixtures.months(l);
        // Six years of months do not leave room for month names: the axis names the years.
        cases.add(breakdown(
                "months",
                l,
                new ChartData.Timeline(months, Count.REPORTS, ChartFixtures.K),
                months,
                keys(months),
                List.of("2011", "2012", "2013", "2014", "2015", "2016")));
        Breakdown years = ChartFixtures.years(l);
        cases.add(breakdown(
                "years-line",
                l,
                new ChartData.Timeline(years, ChartData.TimeStyle.LINE, Count.REPORTS, ChartFixtures.K),
                years,
                keys(years),
                labels(years)));
        Breakdown perpetrators = ChartFixtures.perpetrators(l);
        cases.add(breakdown(
                "perpetrators",
                l,
                new ChartData.Bars(perpetrators, Count.REPORTS, ChartFixtures.K),
                perpetrators,
                keys(perpetrators),
                labels(perpetrators)));
        cases.add(crossTab("years-by-perpetrator", l, ChartFixtures.yearsByPerpetrator(l)));
        cases.add(crossTab("governorates-by-gender", l, ChartFixtures.governoratesByGender(l)));
        return cases.stream();
    }

    private static ChartCase breakdown(
            String name, Locale l, ChartData data, Breakdown b, List<String> keys, List<String> labels) {
        ChartText text = TEXTS.forBreakdown(b, ReportQuery.all().withCount(Count.REPORTS), FOOTER, l);
        return new ChartCase(name, l, data, text, labels, keys);
    }

    private static List<String> labels(Breakdown b) {
        return b.buckets().stream().map(Bucket::label).toList();
    }

    /** A map prints every area's figure (its name only where it fits), zero for an area without a bucket. */
    private static List<String> figures(Breakdown b, Locale l) {
        List<String> out = new ArrayList<>();
        for (String pcode : mapped(b)) {
            OptionalLong count = b.buckets().stream()
                    .filter(x -> x.key().equals(pcode))
                    .map(Bucket::count)
                    .findFirst()
                    .orElse(OptionalLong.of(0));
            out.add(figure(l).apply(count));
        }
        return out;
    }

    private static ChartCase crossTab(String name, Locale l, CrossTab tab) {
        ChartText text = TEXTS.forCrossTab(tab, ReportQuery.all().withCount(Count.REPORTS), FOOTER, l);
        List<String> labels =
                new ArrayList<>(tab.rows().stream().map(Heading::label).toList());
        labels.addAll(tab.columns().stream().map(Heading::label).toList());
        // One overlay per published segment, "row/column"; a withheld cell has no segment. A bar's withheld rest
        // (or its "withheld" total) is one overlay for the row, "row/".
        List<String> keys = new ArrayList<>();
        for (int c = 0; c < tab.columns().size(); c++) {
            for (int r = 0; r < tab.rows().size(); r++) {
                if (tab.cells().get(r).get(c).isPresent()) {
                    keys.add(
                            tab.rows().get(r).key() + "/" + tab.columns().get(c).key());
                }
            }
        }
        for (int r = 0; r < tab.rows().size(); r++) {
            if (StackedBarChart.rest(tab, r).isPresent()
                    || tab.rowTotals().get(r).isEmpty()) {
                keys.add(tab.rows().get(r).key() + "/");
            }
        }
        return new ChartCase(
                name, l, new ChartData.StackedBars(tab, Count.REPORTS, ChartFixtures.K), text, labels, keys);
    }

    private static List<String> keys(Breakdown b) {
        return b.buckets().stream().map(Bucket::key).toList();
    }

    /** The areas a map draws, in the boundary file's order: every place of the map, with or without a bucket. */
    private static List<String> mapped(Breakdown b) {
        List<String> pcodes = b.dimension() == org.athar.search.Dimension.GOVERNORATE
                ? MapShapes.governorates().stream().map(MapShapes.Region::pcode).toList()
                : MapShapes.districtsOf("SY02").stream()
                        .map(MapShapes.Region::pcode)
                        .toList();
        return pcodes;
    }

    /** The figure of a bucket as a reader sees it. */
    static Function<OptionalLong, String> figure(Locale locale) {
        return count -> new ChartStyle(locale, 960, 540).figure(count);
    }
}
