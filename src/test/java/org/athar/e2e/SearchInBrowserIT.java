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
import java.util.stream.Stream;
import org.athar.e2e.DemoSite.Viewport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Search as people use it, on the shared demo site (12,000 reports: an empty search matches them all) at 1440×900
 * and 390×844 in English and Arabic: the grid scrolls to row 11,000 and beyond and shows real reports there, Enter on
 * a focused row opens its report (which fits a phone's width), and a page reached to count persons says how many
 * persons its reports are about, the same number the statistics give.
 */
class SearchInBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<WebDriver> BROWSERS = new ArrayList<>();

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of(Viewport.DESKTOP, Locale.ENGLISH),
                Arguments.of(Viewport.DESKTOP, arabic()),
                Arguments.of(Viewport.PHONE, Locale.ENGLISH),
                Arguments.of(Viewport.PHONE, arabic()));
    }

    private static Locale arabic() {
        return Locale.forLanguageTag("ar");
    }

    @AfterAll
    static void quitBrowsers() {
        BROWSERS.forEach(WebDriver::quit);
    }

    private static ChromeDriver browser(Viewport viewport, Locale language) throws Exception {
        ChromeDriver browser = DemoSite.browser(viewport, language);
        BROWSERS.add(browser);
        return browser;
    }

    private static String name(Viewport viewport, Locale language, String what) {
        return "search-" + what + "-" + viewport.tag() + "-" + language.getLanguage() + ".png";
    }

    /** The result line once the search has run: its text and the figures it carries. */
    private static Map<String, String> countLine(WebDriver browser, String attribute) {
        return DemoSite.waitFor(browser, WAIT, d -> {
            Object r = DemoSite.js(
                    d,
                    "const c = document.getElementById('search-count');"
                            + " return c && c.textContent && c.hasAttribute(arguments[0]) ? {text: c.textContent,"
                            + " reports: c.getAttribute('data-reports'), persons: c.getAttribute('data-persons') || ''} : null;",
                    attribute);
            @SuppressWarnings("unchecked")
            Map<String, String> line = (Map<String, String>) r;
            return line;
        });
    }

    /** The text of each cell of the grid's row {@code index}, once that row is rendered with its report. */
    @SuppressWarnings("unchecked")
    private static List<String> row(WebDriver browser, long index) {
        return DemoSite.waitFor(browser, WAIT, d -> (List<String>) DemoSite.js(
                d,
                "const g = document.getElementById('search-results');"
                        + " const tr = [...g.shadowRoot.querySelectorAll('tbody#items tr')]"
                        + "   .find(r => r.index === arguments[0] && r._item && !r.hasAttribute('loading'));"
                        + " if (!tr) return null;"
                        + " const cells = [...tr.querySelectorAll('td')].map(td => td._content ? td._content"
                        + "   .textContent.trim() : '');"
                        + " return cells.some(c => c.length > 0) ? cells : null;",
                index));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("windows")
    void the_grid_scrolls_past_row_11000_and_enter_opens_the_focused_report(Viewport viewport, Locale language)
            throws Exception {
        ChromeDriver browser = browser(viewport, language);
        // The demo loader may still be making its last reports searchable: wait until all are there.
        String start = DemoSite.app().base().toString();
        long reports = DemoSite.waitFor(browser, Duration.ofSeconds(300), d -> {
            d.get(start);
            long n = Long.parseLong(countLine(d, "data-reports").get("reports"));
            return n >= DemoSite.DEMO_REPORTS ? n : null;
        });
        assertThat(reports)
                .as("an empty search matches every demo report")
                .isGreaterThanOrEqualTo(DemoSite.DEMO_REPORTS);
        assertThat(DemoSite.js(browser, "return document.getElementById('search-results').size"))
                .as("the grid offers every result, not the first 10,000")
                .isEqualTo(reports);

        long index = 11_000 + (viewport == Viewport.PHONE ? 234 : 0) + ("ar".equals(language.getLanguage()) ? 500 : 0);
        DemoSite.js(
                browser,
                "const g = document.getElementById('search-results'); g.scrollIntoView();"
                        + " g.scrollToIndex(arguments[0]);",
                index);
        List<String> cells = row(browser, index);
        String reportName = cells.get(0);
        assertThat(reportName)
                .as("row %d holds a report with a name: %s", index, cells)
                .isNotBlank();
        DemoSite.screenshot(browser, name(viewport, language, "row-" + index));

        // The keyboard: focus a cell of the row above, move down to the row with the arrow key, press Enter.
        DemoSite.js(
                browser,
                "const g = document.getElementById('search-results');"
                        + " const tr = [...g.shadowRoot.querySelectorAll('tbody#items tr')].find(r => r.index === arguments[0]);"
                        + " tr.querySelector('td').focus();",
                index - 1);
        new Actions(browser).sendKeys(Keys.ARROW_DOWN).perform();
        DemoSite.waitFor(
                browser,
                WAIT,
                d -> Long.valueOf(index)
                        .equals(DemoSite.js(
                                d,
                                "const a ="
                                        + " document.getElementById('search-results').shadowRoot.activeElement;"
                                        + " return a && a.parentElement ? a.parentElement.index : null;")));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        String opened;
        try {
            DemoSite.waitFor(browser, WAIT, d -> d.getCurrentUrl().contains("/report/"));
            opened = DemoSite.waitFor(
                    browser,
                    WAIT,
                    d -> d.findElements(By.id("report-name")).stream()
                            .map(e -> (String) DemoSite.js(d, "return arguments[0].textContent", e))
                            .map(String::strip)
                            .filter(t -> !t.isEmpty())
                            .findFirst()
                            .orElse(null));
        } catch (RuntimeException e) {
            DemoSite.screenshot(browser, name(viewport, language, "enter-failed"));
            throw new AssertionError(
                    "Enter did not open the report of row " + index + "; the page at " + browser.getCurrentUrl()
                            + " reads: "
                            + browser.findElement(By.tagName("body")).getText(),
                    e);
        }
        assertThat(opened)
                .as("the report Enter opened is the one of row %d", index)
                .isEqualTo(reportName);
        DemoSite.waitFor(
                browser,
                WAIT,
                d -> !d.findElements(By.cssSelector("#view-report .athar-facts"))
                        .isEmpty());
        assertThat(DemoSite.scrollsSideways(browser))
                .as("the report page scrolls sideways: %s", DemoSite.overflowingElements(browser))
                .isFalse();
        DemoSite.screenshot(browser, name(viewport, language, "report"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("windows")
    void arriving_to_count_persons_shows_the_reports_and_the_persons_they_are_about(Viewport viewport, Locale language)
            throws Exception {
        ChromeDriver browser = browser(viewport, language);
        String drill = "count=persons&from=2013-01-01&to=2013-12-31";
        browser.get(DemoSite.app().base().resolve("?" + drill).toString());
        Map<String, String> line = countLine(browser, "data-persons");
        long reports = Long.parseLong(line.get("reports"));
        long persons = Long.parseLong(line.get("persons"));
        JsonNode stats = api("api/v1/stats/year?" + drill);
        assertThat(persons)
                .as("the persons figure of the statistics for 2013")
                .isEqualTo(stats.get("total").asLong());
        assertThat(reports)
                .as("the reports of 2013, as the API counts them")
                .isEqualTo(api("api/v1/reports?from=2013-01-01&to=2013-12-31&size=1")
                        .get("total")
                        .asLong());
        assertThat(persons).isPositive().isLessThanOrEqualTo(reports);
        String text = line.get("text");
        if ("ar".equals(language.getLanguage())) {
            assertThat(text).contains(" عن ").doesNotContain("reports");
        } else {
            assertThat(text).contains(" reports about ").contains(" persons");
        }
        assertThat(text.replaceAll("[^0-9]", ""))
                .startsWith(String.valueOf(reports))
                .contains(String.valueOf(persons));
        assertThat(DemoSite.scrollsSideways(browser))
                .as("the search page scrolls sideways: %s", DemoSite.overflowingElements(browser))
                .isFalse();
        DemoSite.js(browser, "document.getElementById('search-count').scrollIntoView({block: 'center'})");
        DemoSite.screenshot(browser, name(viewport, language, "persons"));
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(DemoSite.app().base().resolve(path))
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
}
