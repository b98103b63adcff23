package org.athar.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athar.i18n.Messages;
import org.athar.search.Count;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The Trends page puts several server-drawn SVG charts into one HTML page. An id shared by two of them makes the
 * browser resolve every chart's {@code url(#clipPath1)} to the first chart's clip region, and bars, segments and
 * regions outside it vanish. Each chart's ids are its own, and each chart scales to its card.
 */
class ChartsOnOnePageTest {

    private static final ChartRenderer RENDERER = new ChartRenderer(ChartFixtures.MESSAGES);
    private static final Pattern URL = Pattern.compile("url\\(#([^)]+)\\)");

    @Test
    void charts_in_one_page_share_no_id_and_every_reference_resolves_inside_its_own_chart() {
        Locale l = Messages.ENGLISH;
        List<String> charts = List.of(
                RENDERER.interactiveSvg(
                        new ChartData.Timeline(ChartFixtures.years(l), Count.PERSONS, 5),
                        ChartFixtures.text("Persons by year", l),
                        l,
                        ChartService.WIDE),
                RENDERER.interactiveSvg(
                        new ChartData.GovernorateMap(ChartFixtures.governorates(l), Count.PERSONS, 5),
                        ChartFixtures.text("Persons by governorate", l),
                        l,
                        ChartService.MAP),
                RENDERER.interactiveSvg(
                        new ChartData.Bars(ChartFixtures.perpetrators(l), Count.PERSONS, 5),
                        ChartFixtures.text("Persons by alleged perpetrator", l),
                        l,
                        ChartService.BARS),
                // The same chart twice (a briefing may show it twice) still shares nothing.
                RENDERER.interactiveSvg(
                        new ChartData.Bars(ChartFixtures.perpetrators(l), Count.PERSONS, 5),
                        ChartFixtures.text("Persons by alleged perpetrator", l),
                        l,
                        ChartService.BARS),
                RENDERER.interactiveSvg(
                        new ChartData.StackedBars(ChartFixtures.yearsByPerpetrator(l), Count.PERSONS, 5),
                        ChartFixtures.text("Persons by year and alleged perpetrator", l),
                        l,
                        ChartService.STACKED));
        Document page =
                ChartFiles.xml("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + String.join("", charts) + "</div>");
        NodeList svgs = page.getElementsByTagNameNS(SvgOutput.SVG_NS, "svg");
        assertThat(svgs.getLength()).isEqualTo(charts.size());

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < svgs.getLength(); i++) {
            Element chart = (Element) svgs.item(i);
            List<String> ids = ids(chart);
            for (String id : ids) {
                assertThat(seen.add(id))
                        .as("id %s of chart %d is used by another chart on the page", id, i)
                        .isTrue();
            }
            List<String> references = references(chart);
            assertThat(references)
                    .as("chart %d clips its plot", i)
                    .anyMatch(r -> r.toLowerCase(Locale.ROOT).contains("clippath"));
            assertThat(ids)
                    .as("every reference of chart %d resolves inside it", i)
                    .containsAll(references);
        }
    }

    @Test
    void a_chart_on_a_page_scales_to_its_card_while_the_svg_file_keeps_its_size() {
        Locale l = Messages.ARABIC;
        ChartData data = new ChartData.GovernorateMap(ChartFixtures.governorates(l), Count.PERSONS, 5);
        ChartText text = ChartFixtures.text("Map", l);
        Element inline = ChartFiles.xml(RENDERER.interactiveSvg(data, text, l, ChartService.MAP))
                .getDocumentElement();
        assertThat(inline.getAttribute("viewBox")).isEqualTo("0 0 700 560");
        assertThat(inline.getAttribute("width")).isEqualTo("100%");
        assertThat(inline.hasAttribute("height"))
                .as("the height follows the width")
                .isFalse();
        assertThat(inline.getAttribute("style")).contains("height:auto");

        byte[] file = RENDERER.render(data, text, l, ChartFormat.SVG, ChartService.MAP);
        Element root = ChartFiles.xml(new String(file, StandardCharsets.UTF_8)).getDocumentElement();
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 700 560");
        assertThat(root.getAttribute("width")).isEqualTo("700");
        assertThat(root.getAttribute("height")).isEqualTo("560");
        assertThat(root.hasAttribute("style")).isFalse();
        assertThat(RENDERER.render(data, text, l, ChartFormat.SVG, ChartService.MAP))
                .as("the same chart is the same file")
                .isEqualTo(file);
    }

    private static List<String> ids(Element chart) {
        List<String> out = new ArrayList<>();
        if (chart.hasAttribute("id")) {
            out.add(chart.getAttribute("id"));
        }
        NodeList all = chart.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id")) {
                out.add(e.getAttribute("id"));
            }
        }
        return out;
    }

    /** Every {@code url(#…)} and {@code href="#…"} in the chart. */
    private static List<String> references(Element chart) {
        List<String> out = new ArrayList<>();
        NodeList all = chart.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                String value = ((Attr) attributes.item(a)).getValue();
                Matcher m = URL.matcher(value);
                while (m.find()) {
                    out.add(m.group(1));
                }
                if (value.startsWith("#")
                        && ((Attr) attributes.item(a)).getLocalName().equals("href")) {
                    out.add(value.substring(1));
                }
            }
        }
        return out;
    }
}
