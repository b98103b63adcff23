package org.athar.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.athar.RenderedText;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Filters that match no report: every chart kind says so in words (reports or persons, as it counts), in English and
 * Arabic, in SVG, PNG and PDF, and draws no empty axis, bar or zero-shaded map that could pass for figures.
 */
class NothingMatchesTest {

    private static final ChartRenderer RENDERER = new ChartRenderer(ChartFixtures.MESSAGES);
    private static final ChartSize SIZE = ChartSize.of(700, 560);

    static Stream<Arguments> charts() {
        return Stream.of(Messages.ENGLISH, Messages.ARABIC)
                .flatMap(l -> Stream.of(Count.REPORTS, Count.PERSONS)
                        .flatMap(c -> Stream.of(
                                Arguments.of("timeline", l, new ChartData.Timeline(nothing(Dimension.YEAR), c, 5)),
                                Arguments.of("bars", l, new ChartData.Bars(nothing(Dimension.PERPETRATOR), c, 5)),
                                Arguments.of(
                                        "stacked",
                                        l,
                                        new ChartData.StackedBars(
                                                new CrossTab(
                                                        Dimension.GOVERNORATE,
                                                        Dimension.STATUS,
                                                        DisclosureProfile.PUBLIC,
                                                        List.of(),
                                                        List.of(),
                                                        List.of(),
                                                        List.of(),
                                                        List.of(),
                                                        OptionalLong.of(0),
                                                        OptionalLong.of(0)),
                                                c,
                                                5)),
                                Arguments.of(
                                        "map", l, new ChartData.GovernorateMap(nothing(Dimension.GOVERNORATE), c, 5)),
                                Arguments.of(
                                        "district-map",
                                        l,
                                        new ChartData.DistrictMap(nothing(Dimension.DISTRICT), "SY06", c, 5)))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("charts")
    void a_chart_of_filters_that_match_nothing_says_so_instead_of_drawing_empty_axes(
            String kind, Locale locale, ChartData data) throws IOException {
        String message =
                ChartFixtures.MESSAGES.get("chart.empty." + data.counting().code(), locale);
        assertThat(message)
                .contains(
                        data.counting() == Count.PERSONS
                                ? (locale.equals(Messages.ENGLISH) ? "No persons" : "شخص")
                                : (locale.equals(Messages.ENGLISH) ? "No reports" : "بلاغ"));
        ChartText text = ChartFixtures.text("Chart", locale);

        Document svg = ChartFiles.xml(
                new String(RENDERER.render(data, text, locale, ChartFormat.SVG, SIZE), StandardCharsets.UTF_8));
        List<String> texts = ChartFiles.texts(svg);
        assertThat(texts).contains(message, text.title(), text.caveat());
        assertThat(texts).as("no axis ticks, no zero figures").noneMatch(t -> t.matches("[0٠]"));
        assertThat(SvgShapes.of(svg).rectsIn(new java.awt.geom.Rectangle2D.Double(0, 0, 700, 560)))
                .as("no bar and no shaded area")
                .allMatch(s -> s.fill().equals("none"));
        assertThat(ChartFiles.overlays(ChartFiles.xml(RENDERER.interactiveSvg(data, text, locale, SIZE))))
                .as("nothing to click")
                .isEmpty();

        byte[] png = RENDERER.render(data, text, locale, ChartFormat.PNG, new ChartSize(1400, 1120, 192));
        ChartFiles.save("nothing-" + kind + "-" + data.counting().code() + "-" + locale.getLanguage() + ".png", png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(ChartRendererTest.inkShare(image, 0.3, 0.7, 0.45, 0.55))
                .as("the message in the middle")
                .isGreaterThan(0.01);

        byte[] pdf = RENDERER.render(data, text, locale, ChartFormat.PDF, SIZE);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            if (locale.equals(Messages.ENGLISH)) {
                assertThat(RenderedText.of(document).raw()).contains(message);
            }
        }
    }

    @Test
    void a_chart_whose_only_figure_is_withheld_is_drawn_not_said_to_match_nothing() {
        Breakdown b = new Breakdown(
                Dimension.PERPETRATOR,
                DisclosureProfile.PUBLIC,
                OptionalLong.empty(),
                OptionalLong.of(0),
                List.of(
                        new Bucket("government", "Government", OptionalLong.empty()),
                        new Bucket("isis", "ISIS", OptionalLong.of(0))));
        ChartData data = new ChartData.Bars(b, Count.REPORTS, 5);
        String svg = new String(
                RENDERER.render(
                        data, ChartFixtures.text("Chart", Messages.ENGLISH), Messages.ENGLISH, ChartFormat.SVG, SIZE),
                StandardCharsets.UTF_8);
        assertThat(svg).doesNotContain("No reports match").contains("Government");
    }

    private static Breakdown nothing(Dimension dimension) {
        List<Bucket> buckets = dimension == Dimension.PERPETRATOR
                ? List.of(
                        new Bucket("government", "Government", OptionalLong.of(0)),
                        new Bucket(Heading.UNKNOWN, "Unknown", OptionalLong.of(0)))
                : List.of();
        return new Breakdown(dimension, DisclosureProfile.INTERNAL, OptionalLong.of(0), OptionalLong.of(0), buckets);
    }
}
