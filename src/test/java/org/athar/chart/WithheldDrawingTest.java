package org.athar.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.CrossTab;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Heading;
import org.athar.i18n.Messages;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Public charts measured as drawn (the SVG file, parsed): a withheld figure has no bar, no column and no colour class;
 * no stacked bar runs past its own published total; the axis, the map's classes and legend come from published
 * figures; the note gives both reasons a figure is withheld; no chart prints "&lt;5".
 */
class WithheldDrawingTest {

    private static final ChartRenderer RENDERER = new ChartRenderer(ChartFixtures.MESSAGES);
    private static final int W = 960;
    private static final int H = 540;
    private static final String BLUE = "rgb(0,114,178)";
    private static final String GREY = "rgb(168,174,181)";
    private static final OptionalLong WITHHELD = OptionalLong.empty();

    static List<Locale> languages() {
        return Messages.SUPPORTED;
    }

    /** Government 120, ISIS and HTS withheld (a small count and its complement), SDF 60, unknown 30. */
    private static Breakdown perpetrators() {
        return new Breakdown(
                Dimension.PERPETRATOR,
                DisclosureProfile.PUBLIC,
                OptionalLong.of(320),
                OptionalLong.of(0),
                List.of(
                        new Bucket("government", "Government", OptionalLong.of(120)),
                        new Bucket("isis", "ISIS", WITHHELD),
                        new Bucket("hts", "HTS", WITHHELD),
                        new Bucket("sdf", "SDF", OptionalLong.of(60)),
                        new Bucket(Heading.UNKNOWN, "Unknown", OptionalLong.of(30))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void a_withheld_bucket_has_no_bar_only_a_fixed_mark_clear_of_the_axis_and_the_word(Locale locale) {
        Document svg = svg(new ChartData.Bars(perpetrators(), Count.PERSONS, 5), locale);
        SvgShapes shapes = SvgShapes.of(svg);
        Rectangle2D plot = shapes.plotArea(W, H);
        boolean rtl = Messages.isRightToLeft(locale);
        List<SvgShapes.Shape> bars = shapes.rectsIn(plot).stream()
                .filter(s -> s.fill().equals(BLUE) || s.fill().equals(GREY))
                .toList();
        double base = rtl
                ? bars.stream().mapToDouble(b -> b.box().getMaxX()).max().orElseThrow()
                : bars.stream().mapToDouble(b -> b.box().getMinX()).min().orElseThrow();

        // Everything drawn from the value axis is a published bar: three, at 120 : 60 : 30.
        List<SvgShapes.Shape> fromAxis = shapes.rectsIn(plot).stream()
                .filter(s -> Math.abs((rtl ? s.box().getMaxX() : s.box().getMinX()) - base) < 0.5)
                .sorted(Comparator.comparingDouble(s -> s.box().getY()))
                .toList();
        assertThat(fromAxis).as("bars starting at the value axis").hasSize(3);
        assertThat(fromAxis.get(0).box().getWidth() / fromAxis.get(1).box().getWidth())
                .isCloseTo(2.0, within(0.01));
        assertThat(fromAxis.get(1).box().getWidth() / fromAxis.get(2).box().getWidth())
                .isCloseTo(2.0, within(0.01));

        // The two withheld buckets: the same small hatched mark each, off the axis, whatever they hide.
        List<SvgShapes.Shape> marks = shapes.rectsIn(plot).stream()
                .filter(s -> s.fill().equals(SvgShapes.HATCH_GROUND))
                .toList();
        assertThat(marks).hasSize(2);
        assertThat(marks.get(0).box().getWidth()).isEqualTo(marks.get(1).box().getWidth());
        assertThat(marks.get(0).box().getWidth())
                .isLessThan(fromAxis.get(2).box().getWidth());
        for (SvgShapes.Shape mark : marks) {
            double gap = rtl ? base - mark.box().getMaxX() : mark.box().getMinX() - base;
            assertThat(gap).as("a mark does not start at the axis like a bar").isGreaterThan(1);
        }
        String withheld = ChartFixtures.MESSAGES.get("disclosure.withheld", locale);
        assertThat(ChartFiles.texts(svg).stream().filter(withheld::equals)).hasSize(2);
    }

    @Test
    void a_withheld_period_has_no_column_and_the_axis_is_fitted_to_published_periods() {
        List<Bucket> years = new ArrayList<>();
        long[] counts = {400, -1, 300, -1, 200};
        for (int i = 0; i < counts.length; i++) {
            years.add(new Bucket(
                    String.valueOf(2011 + i),
                    String.valueOf(2011 + i),
                    counts[i] < 0 ? WITHHELD : OptionalLong.of(counts[i])));
        }
        Breakdown b = new Breakdown(
                Dimension.YEAR, DisclosureProfile.PUBLIC, OptionalLong.of(1000), OptionalLong.of(0), years);
        Document svg = svg(new ChartData.Timeline(b, Count.PERSONS, 5), Messages.ENGLISH);
        SvgShapes shapes = SvgShapes.of(svg);
        Rectangle2D plot = shapes.plotArea(W, H);
        List<SvgShapes.Shape> columns =
                shapes.rectsIn(plot).stream().filter(s -> s.fill().equals(BLUE)).toList();
        assertThat(columns).hasSize(3);
        double base = columns.get(0).box().getMaxY();
        List<SvgShapes.Shape> fromAxis = shapes.rectsIn(plot).stream()
                .filter(s -> Math.abs(s.box().getMaxY() - base) < 0.5)
                .toList();
        assertThat(fromAxis).as("columns standing on the axis").hasSize(3);
        List<SvgShapes.Shape> marks = shapes.rectsIn(plot).stream()
                .filter(s -> s.fill().equals(SvgShapes.HATCH_GROUND))
                .toList();
        assertThat(marks)
                .hasSize(2)
                .allSatisfy(m -> assertThat(base - m.box().getMaxY()).isGreaterThan(1));
        assertThat(ChartFiles.texts(svg)).contains("400", "withheld").doesNotContain("<5");
    }

    /**
     * Governorates by gender, k = 5. Aleppo 63 = 60 + withheld 3 + withheld 0 (drawn as 70 before); Homs 57 with every
     * non-zero cell withheld (drawn as 10 before); Hama's total withheld; Idleb all published.
     */
    private static CrossTab byGender() {
        List<Heading> rows = List.of(
                new Heading("SY02", "Aleppo"),
                new Heading("SY04", "Homs"),
                new Heading("SY05", "Hama"),
                new Heading("SY07", "Idleb"));
        List<Heading> columns = List.of(
                new Heading("male", "Male"), new Heading("female", "Female"), new Heading(Heading.UNKNOWN, "Unknown"));
        List<List<OptionalLong>> cells = List.of(
                List.of(OptionalLong.of(60), WITHHELD, WITHHELD),
                List.of(WITHHELD, WITHHELD, OptionalLong.of(0)),
                List.of(OptionalLong.of(40), WITHHELD, OptionalLong.of(0)),
                List.of(OptionalLong.of(100), OptionalLong.of(20), OptionalLong.of(5)));
        return new CrossTab(
                Dimension.GOVERNORATE,
                Dimension.GENDER,
                DisclosureProfile.PUBLIC,
                rows,
                columns,
                cells,
                List.of(OptionalLong.of(63), OptionalLong.of(57), WITHHELD, OptionalLong.of(125)),
                List.of(WITHHELD, WITHHELD, OptionalLong.of(5)),
                OptionalLong.of(287),
                OptionalLong.of(0));
    }

    @Test
    void no_stacked_bar_runs_past_its_published_total_and_a_withheld_total_gets_no_rest() {
        CrossTab tab = byGender();
        Document svg = svg(new ChartData.StackedBars(tab, Count.PERSONS, 5), Messages.ENGLISH);
        SvgShapes shapes = SvgShapes.of(svg);
        Rectangle2D plot = shapes.plotArea(W, H);
        // Segments by bar (same y), bars top to bottom in the cross-tab's order.
        TreeMap<Long, List<SvgShapes.Shape>> bars = shapes.rectsIn(plot).stream()
                .filter(s -> s.box().getWidth() > 0)
                .collect(Collectors.groupingBy(
                        s -> Math.round(s.box().getCenterY()), TreeMap::new, Collectors.toList()));
        assertThat(bars).hasSize(4);
        List<List<SvgShapes.Shape>> rows = new ArrayList<>(bars.values());
        double base = rows.stream()
                .flatMap(List::stream)
                .mapToDouble(s -> s.box().getMinX())
                .min()
                .orElseThrow();
        // Idleb, all published: its 100 fixes the scale.
        SvgShapes.Shape idlebMale = rows.get(3).stream()
                .min(Comparator.comparingDouble(s -> s.box().getMinX()))
                .orElseThrow();
        double perUnit = idlebMale.box().getWidth() / 100;
        double[] drawnTo = {63, 57, 40, 125};
        for (int r = 0; r < 4; r++) {
            double end = rows.get(r).stream()
                    .mapToDouble(s -> s.box().getMaxX())
                    .max()
                    .orElseThrow();
            double published = (tab.rowTotals().get(r).isPresent()
                    ? tab.rowTotals().get(r).getAsLong()
                    : tab.cells().get(r).stream().mapToLong(c -> c.orElse(0)).sum());
            assertThat(end - base)
                    .as("end of %s", tab.rows().get(r).label())
                    .isLessThanOrEqualTo(published * perUnit + 0.5)
                    .isCloseTo(drawnTo[r] * perUnit, within(0.5));
        }
        // Aleppo and Homs end in one hatched rest each, up to their totals; Hama (total withheld) has none.
        assertThat(rows.get(0))
                .filteredOn(s -> s.fill().equals(SvgShapes.HATCH_GROUND))
                .hasSize(1);
        assertThat(rows.get(1))
                .filteredOn(s -> s.fill().equals(SvgShapes.HATCH_GROUND))
                .hasSize(1);
        assertThat(rows.get(2))
                .filteredOn(s -> s.fill().equals(SvgShapes.HATCH_GROUND))
                .isEmpty();
        List<String> texts = ChartFiles.texts(svg);
        assertThat(texts).contains("63", "57", "125", "withheld").doesNotContain("<5");
    }

    @Test
    void the_note_gives_both_reasons_in_both_languages_and_nothing_says_fewer_than_or_less_than_k() {
        for (Locale locale : Messages.SUPPORTED) {
            for (ChartData data : List.<ChartData>of(
                    new ChartData.Bars(perpetrators(), Count.PERSONS, 5),
                    new ChartData.StackedBars(byGender(), Count.PERSONS, 5))) {
                List<String> texts = ChartFiles.texts(svg(data, locale));
                assertThat(texts)
                        .contains(ChartFiles.withoutMarks(org.athar.analytics.Disclosure.withheldNote(5, locale)));
                assertThat(String.join(" ", texts)).doesNotContain("<5", "Hatched", "fewer than 5 reports", "المظلّل");
            }
        }
        assertThat(org.athar.analytics.Disclosure.withheldNote(5, Messages.ENGLISH))
                .isEqualTo("Withheld: fewer "
                        + "than 5 documented cases, or withheld so that such a small count cannot be worked out from other "
                        + "published figures.");
    }

    /** Governorates: Aleppo (the largest count) and Hama withheld in the second table, nothing else changed. */
    private static Breakdown governorates(boolean aleppoWithheld) {
        Breakdown all = ChartFixtures.governorates(Messages.ENGLISH);
        List<Bucket> buckets = all.buckets().stream()
                .map(b -> aleppoWithheld && b.key().equals("SY02") ? new Bucket(b.key(), b.label(), WITHHELD) : b)
                .toList();
        return new Breakdown(all.dimension(), all.profile(), all.total(), all.imprecise(), buckets);
    }

    @Test
    void a_withheld_region_is_hatched_in_no_class_and_the_legend_spans_published_counts_only() {
        for (boolean aleppoWithheld : List.of(false, true)) {
            Breakdown b = governorates(aleppoWithheld);
            ChartData data = new ChartData.GovernorateMap(b, Count.PERSONS, 5);
            String interactive = RENDERER.interactiveSvg(
                    data,
                    ChartFixtures.text("Persons by governorate", Messages.ENGLISH),
                    Messages.ENGLISH,
                    ChartSize.of(W, H));
            Document svg = ChartFiles.xml(interactive);
            List<Long> published = b.buckets().stream()
                    .filter(x -> !Heading.UNKNOWN.equals(x.key()))
                    .filter(x -> x.count().isPresent())
                    .map(x -> x.count().getAsLong())
                    .toList();
            MapClasses expected = MapClasses.of(published);
            List<String> texts = ChartFiles.texts(svg);
            ChartStyle style = new ChartStyle(Messages.ENGLISH, W, H);
            for (MapClasses.Range range : expected.ranges()) {
                assertThat(texts).contains(range.label(style));
            }
            long top = expected.ranges().get(expected.ranges().size() - 1).high();
            assertThat(top)
                    .isEqualTo(
                            published.stream().mapToLong(Long::longValue).max().orElseThrow());
            assertThat(texts).noneMatch(t -> t.endsWith("–2,310") && top != 2310);

            SvgShapes shapes = SvgShapes.of(svg);
            for (String pcode : List.of("SY02", "SY05")) {
                boolean withheld = b.buckets().stream().anyMatch(x -> x.key().equals(pcode) && x.suppressed());
                Rectangle2D region = ChartFiles.overlays(svg).stream()
                        .filter(o -> o.getAttribute("data-key").equals(pcode))
                        .map(o -> SvgShapes.pathBox(o.getAttribute("d")))
                        .findFirst()
                        .orElseThrow();
                List<String> fills = shapes.shapes().stream()
                        .filter(s -> s.element().equals("path"))
                        .filter(s -> near(s.box(), region))
                        .map(SvgShapes.Shape::fill)
                        .distinct()
                        .toList();
                if (withheld) {
                    assertThat(fills)
                            .as("fills of %s", pcode)
                            .contains(SvgShapes.HATCH_GROUND)
                            .allMatch(f -> f.equals(SvgShapes.HATCH_GROUND)
                                    || f.equals(SvgShapes.WHITE)
                                    || f.equals("none")
                                    || f.equals("rgb(107,114,124)"));
                } else {
                    assertThat(fills).as("fills of %s", pcode).doesNotContain(SvgShapes.HATCH_GROUND);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void every_figure_on_a_map_stands_with_the_name_of_its_area(Locale locale) {
        Breakdown b = ChartFixtures.governorates(locale);
        for (ChartSize size : List.of(ChartService.MAP, ChartSize.of(W, H))) {
            ChartData data = new ChartData.GovernorateMap(b, Count.PERSONS, 5);
            ChartText text = ChartFixtures.text("Persons by governorate", locale);
            String svg = new String(RENDERER.render(data, text, locale, ChartFormat.SVG, size), StandardCharsets.UTF_8);
            ChartFiles.save(
                    "withheld-map-" + size.width() + "-" + locale.getLanguage() + ".png",
                    RENDERER.render(
                            data, text, locale, ChartFormat.PNG, new ChartSize(size.width(), size.height(), 96)));
            List<String> texts = ChartFiles.texts(ChartFiles.xml(svg));
            for (MapShapes.Region region : MapShapes.governorates()) {
                String name = b.buckets().stream()
                        .filter(x -> x.key().equals(region.pcode()))
                        .map(Bucket::label)
                        .findFirst()
                        .orElse(Messages.isRightToLeft(locale) ? region.nameAr() : region.nameEn());
                OptionalLong count = b.buckets().stream()
                        .filter(x -> x.key().equals(region.pcode()))
                        .map(Bucket::count)
                        .findFirst()
                        .orElse(OptionalLong.of(0));
                String figure = new ChartStyle(locale, W, H).figure(count);
                boolean inside = false;
                for (int i = 0; i + 1 < texts.size(); i++) {
                    inside |= texts.get(i).equals(name) && texts.get(i + 1).equals(figure);
                }
                boolean callout = texts.contains(name + " " + figure);
                assertThat(inside || callout)
                        .as("%s %s at %s", name, figure, size)
                        .isTrue();
            }
        }
    }

    private static boolean near(Rectangle2D a, Rectangle2D b) {
        return Math.abs(a.getMinX() - b.getMinX()) < 1
                && Math.abs(a.getMinY() - b.getMinY()) < 1
                && Math.abs(a.getMaxX() - b.getMaxX()) < 1
                && Math.abs(a.getMaxY() - b.getMaxY()) < 1;
    }

    /** The chart as an SVG file, parsed; the PNG of it is kept under target/charts for a look. */
    private static Document svg(ChartData data, Locale locale) {
        ChartText text = ChartFixtures.text("Chart", locale);
        byte[] bytes = RENDERER.render(data, text, locale, ChartFormat.SVG, ChartSize.of(W, H));
        String name =
                "withheld-" + data.getClass().getSimpleName().toLowerCase(Locale.ROOT) + "-" + locale.getLanguage();
        ChartFiles.save(name + ".png", RENDERER.render(data, text, locale, ChartFormat.PNG, new ChartSize(W, H, 96)));
        return ChartFiles.xml(new String(bytes, StandardCharsets.UTF_8));
    }
}
