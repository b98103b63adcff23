package org.athar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The five server-drawn charts of the Trends page, inline in one page, as Chromium draws them (issue 18 #1, #6): no
 * two share an id, every bar, period, region and cross-tab row the statistics API returns is drawn and not clipped
 * away (the browser hit-tests the drawn shape under each slice), and each chart is as wide as its card with nothing
 * drawn outside it (the map's legend included), at 1440×900 and 390×844, in English and Arabic.
 */
class ChartsInBrowserIT {

    private static final String TRENDS =
            "granularity=year&rows=governorate&columns=perpetrator&profile=internal" + "&count=persons";
    /** The chart hosts of the Trends page and which part of the dashboard's statistics each draws. */
    private static final Map<String, String> CHARTS = Map.of(
            "trends-timeline-chart",
            "series",
            "trends-map-chart",
            "governorate",
            "trends-perpetrator-chart",
            "perpetrator",
            "trends-status-chart",
            "status",
            "trends-crosstab-chart",
            "crosstab");

    private static final List<ChromeDriver> BROWSERS = new ArrayList<>();

    static Stream<Arguments> windows() {
        return Stream.of(DemoSite.Viewport.DESKTOP, DemoSite.Viewport.PHONE)
                .flatMap(v -> Stream.of(Arguments.of(v, Locale.ENGLISH), Arguments.of(v, Locale.forLanguageTag("ar"))));
    }

    @AfterAll
    static void quit() {
        BROWSERS.forEach(ChromeDriver::quit);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("windows")
    void every_bucket_the_api_returns_is_drawn_unclipped_and_every_chart_fits_its_card(
            DemoSite.Viewport window, Locale language) throws Exception {
        // Persons exist once linkage has run over the demo import (a minute or so after it loads): until then the page
        // rightly says that no persons match.
        JsonNode stats = dashboard();
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (stats.get("series").get("total").asLong() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5000);
            stats = dashboard();
        }
        ChromeDriver browser = DemoSite.browser(window, language);
        BROWSERS.add(browser);
        browser.get(DemoSite.app().base().resolve("trends?" + TRENDS).toString());
        String tag = "charts-" + window.tag() + "-" + language.getLanguage();
        try {
            DemoSite.waitFor(
                    browser,
                    Duration.ofSeconds(240),
                    d -> CHARTS.keySet().stream()
                            .allMatch(id -> !d.findElements(By.cssSelector("#" + id + " svg .athar-slice"))
                                    .isEmpty()));
        } catch (org.openqa.selenium.TimeoutException e) {
            DemoSite.screenshot(browser, tag + "-timeout.png");
            throw new AssertionError(
                    "The Trends charts did not appear at " + browser.getCurrentUrl() + "; the page " + "says: "
                            + DemoSite.js(browser, "return document.body.innerText.substring(0, 600)"),
                    e);
        }
        DemoSite.screenshot(browser, tag + ".png");

        assertThat(duplicateIds(browser))
                .as("ids shared by two charts of the page")
                .isEmpty();
        for (Map.Entry<String, String> chart : CHARTS.entrySet()) {
            String host = chart.getKey();
            DemoSite.js(browser, "document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", host);
            DemoSite.screenshot(browser, tag + "-" + host + ".png");
            Set<String> expected = expected(stats.get(chart.getValue()), chart.getValue());
            assertThat(expected).as("the demo data fills %s", host).isNotEmpty();
            Set<String> drawn = new TreeSet<>();
            List<String> clipped = new ArrayList<>();
            for (Object o : (List<?>) DemoSite.js(browser, SLICES, host)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> slice = (Map<String, Object>) o;
                if (!Boolean.TRUE.equals(slice.get("figure"))) {
                    continue; // zero or withheld: nothing of its own to see
                }
                if (Boolean.TRUE.equals(slice.get("drawn"))) {
                    drawn.add((String) slice.get("key"));
                } else {
                    clipped.add(slice.get("key") + " (" + slice.get("title") + ")");
                }
            }
            assertThat(clipped)
                    .as("%s at %s %s: slices with a figure whose shape is clipped away", host, window, language)
                    .isEmpty();
            assertThat(drawn)
                    .as("%s at %s %s: what is drawn, against the API's buckets", host, window, language)
                    .isEqualTo(expected);

            @SuppressWarnings("unchecked")
            Map<String, Object> fit = (Map<String, Object>) DemoSite.js(browser, FIT, host);
            assertThat(((Number) fit.get("svg")).doubleValue())
                    .as("%s is as wide as its card", host)
                    .isCloseTo(((Number) fit.get("host")).doubleValue(), org.assertj.core.data.Offset.offset(1.5));
            assertThat((List<?>) fit.get("outside"))
                    .as("%s: text drawn outside the chart", host)
                    .isEmpty();
        }
    }

    /** The keys the API gives a figure above zero: bars, periods, regions, or cross-tab rows. */
    private static Set<String> expected(JsonNode part, String name) {
        Set<String> keys = new TreeSet<>();
        if (name.equals("crosstab")) {
            for (int r = 0; r < part.get("rows").size(); r++) {
                JsonNode total = part.get("rowTotals").get(r);
                if (!total.isNull() && total.asLong() > 0) {
                    keys.add(part.get("rows").get(r).get("key").asText());
                }
            }
            return keys;
        }
        for (JsonNode b : part.get("buckets")) {
            boolean onMap =
                    !name.equals("governorate") || !b.get("key").asText().equals("unknown");
            if (onMap && !b.get("count").isNull() && b.get("count").asLong() > 0) {
                keys.add(b.get("key").asText());
            }
        }
        return keys;
    }

    private static JsonNode dashboard() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(DemoSite.app().base().resolve("api/v1/stats/dashboard?" + TRENDS))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("admin:" + DemoSite.ADMIN_PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    @SuppressWarnings("unchecked")
    private static List<String> duplicateIds(ChromeDriver browser) {
        return (List<String>) DemoSite.js(
                browser,
                "const seen = new Set(); const twice = [];"
                        + "for (const e of document.querySelectorAll('.athar-chart svg [id], .athar-chart svg[id]')) {"
                        + " if (seen.has(e.id)) twice.push(e.id); seen.add(e.id); } return twice;");
    }

    /**
     * Each slice of a chart: its key (data-key, or data-row in a cross-tab), whether its tooltip gives a figure above
     * zero, and whether the browser finds a filled shape of the same chart (not the white ground) under a point
     * inside it, which it does not where a clip region cuts the shape away.
     */
    private static final String SLICES = """
            const svg = document.getElementById(arguments[0]).querySelector('svg');
            const out = [];
            const filled = e => { const f = getComputedStyle(e).fill;
              return f && f !== 'none' && f !== 'rgb(255, 255, 255)' && f !== 'white'; };
            for (const o of svg.querySelectorAll('.athar-slice')) {
              const title = o.querySelector('title').textContent;
              const digits = title.substring(title.lastIndexOf(':') + 1).replace(/[^0-9]/g, '');
              const figure = digits.length > 0 && Number(digits) > 0;
              const key = o.getAttribute('data-key') || o.getAttribute('data-row');
              const box = o.getBBox();
              const points = [];
              for (let i = 1; i < 8; i++) for (let j = 1; j < 8; j++) {
                const p = svg.createSVGPoint();
                p.x = box.x + box.width * i / 8; p.y = box.y + box.height * j / 8;
                if (o.isPointInFill(p)) points.push(p);
              }
              let drawn = false;
              for (const p of points) {
                o.scrollIntoView({block: 'center', inline: 'center'});
                const s = p.matrixTransform(o.getScreenCTM());
                const hits = document.elementsFromPoint(s.x, s.y);
                if (hits.some(e => e !== o && svg.contains(e) && !e.classList.contains('athar-slice')
                    && (e.tagName === 'rect' || e.tagName === 'path') && filled(e))) { drawn = true; break; }
              }
              out.push({key: key, title: title, figure: figure, drawn: drawn});
            }
            return out;
            """;

    /** The chart's width against its host's, and any text whose box leaves the chart's box. */
    private static final String FIT = """
            const host = document.getElementById(arguments[0]);
            const svg = host.querySelector('svg');
            const b = svg.getBoundingClientRect();
            const outside = [];
            for (const t of svg.querySelectorAll('text')) {
              const r = t.getBoundingClientRect();
              if (r.width > 0 && (r.left < b.left - 1.5 || r.right > b.right + 1.5 || r.top < b.top - 1.5
                  || r.bottom > b.bottom + 1.5)) {
                outside.push(t.textContent + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of '
                    + Math.round(b.left) + '..' + Math.round(b.right));
              }
            }
            return {svg: b.width, host: host.getBoundingClientRect().width, outside: outside};
            """;
}
