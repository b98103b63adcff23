package org.athar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.athar.e2e.DemoSite.Viewport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The three tasks of the README's "First steps", done as the README tells a new user to do them, on the shared demo
 * site at 1440×900 in English: find a person across spellings and open the report; download a chart and the
 * workbook for Aleppo in 2013; build a public briefing with a key figure and two charts and download it as PDF.
 * Files are fetched by the signed-in browser itself, so they are what the user's browser would save.
 */
class ReadmeTasksInBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ChromeDriver browser;

    @BeforeAll
    static void open() throws Exception {
        browser = DemoSite.browser(Viewport.DESKTOP, Locale.ENGLISH);
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void task_1_a_name_typed_in_latin_letters_finds_its_arabic_spellings_and_opens_the_report() throws Exception {
        browser.get(DemoSite.app().base().toString());
        WebElement box = DemoSite.waitFor(
                browser,
                WAIT,
                d -> d.findElements(By.cssSelector("#search-text input")).stream()
                        .findFirst()
                        .orElse(null));
        box.sendKeys("Mohammad" + Keys.ENTER);
        DemoSite.waitFor(browser, WAIT, d -> d.getCurrentUrl().contains("q=Mohammad"));
        List<String> names = DemoSite.waitFor(browser, WAIT, d -> {
            List<String> shown = visibleNames();
            return shown.size() >= 5 ? shown : null;
        });
        // The demo writes the same names in Arabic and in Latin letters: a Latin query finds the Arabic spelling.
        assertThat(names).as("names shown for 'Mohammad'").anyMatch(n -> n.contains("محمد") || n.contains("مُحَمَّد"));
        DemoSite.screenshot(browser, "readme-task-1-search.png");
        WebElement firstRow = (WebElement) DemoSite.js(
                browser,
                "return [...document.querySelectorAll("
                        + "'#search-results vaadin-grid-cell-content')].find(c => c.assignedSlot"
                        + " && c.assignedSlot.closest('tbody') && c.assignedSlot.closest('tbody').id === 'items'"
                        + " && c.textContent.trim() !== '')");
        firstRow.click();
        DemoSite.waitFor(browser, WAIT, d -> d.getCurrentUrl().contains("/report/"));
        String heading = DemoSite.waitFor(
                browser,
                WAIT,
                d -> d.findElements(By.id("report-name")).stream()
                        .map(WebElement::getText)
                        .filter(t -> !t.isBlank())
                        .findFirst()
                        .orElse(null));
        assertThat(heading).isNotBlank();
        DemoSite.screenshot(browser, "readme-task-1-report.png");
    }

    @Test
    void task_2_the_chart_and_the_workbook_for_aleppo_2013_download_named_after_what_they_hold() throws Exception {
        // The README's filters (Aleppo, 01/01/2013 to 31/12/2013), as the address bar keeps them.
        browser.get(DemoSite.app()
                .base()
                .resolve("trends?governorate=SY02&from=2013-01-01&to=2013-12-31")
                .toString());
        try {
            DemoSite.waitFor(
                    browser,
                    Duration.ofSeconds(120),
                    d -> !d.findElements(By.cssSelector("#trends-timeline-chart svg .athar-slice"))
                            .isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            DemoSite.screenshot(browser, "readme-task-2-timeout.png");
            throw e;
        }
        String chips = browser.findElement(By.cssSelector("#view-trends")).getText();
        assertThat(chips).contains("Aleppo");
        DemoSite.screenshot(browser, "readme-task-2-trends.png");

        // "Download" under the chart opens its menu; "PNG for print (300 dpi)" is the file.
        browser.findElement(By.cssSelector("#trends-timeline-download vaadin-menu-bar-button"))
                .click();
        WebElement item = DemoSite.waitFor(
                browser,
                WAIT,
                d -> d.findElements(By.id("trends-timeline-download-png")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        assertThat(item.getText()).isEqualTo("PNG for print (300 dpi)");
        String png = item.getAttribute("href");
        browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        Map<String, Object> chart = fetch(png);
        assertThat(chart.get("status")).isEqualTo(200L);
        assertThat((String) chart.get("disposition"))
                .contains("aleppo")
                .contains("2013")
                .contains(".png");
        assertThat((String) chart.get("head")).startsWith("137,80,78,71"); // the PNG signature (0x89 P N G)

        WebElement export = browser.findElement(By.id("open-exports"));
        export.click();
        DemoSite.waitFor(browser, WAIT, d -> d.getCurrentUrl().contains("/exports"));
        assertThat(browser.getCurrentUrl()).contains("governorate=SY02").contains("count=persons");
        DemoSite.waitFor(
                        browser,
                        WAIT,
                        d -> d.findElements(By.id("exports-workbook")).stream()
                                .findFirst()
                                .orElse(null))
                .click();
        WebElement download = DemoSite.waitFor(
                browser,
                Duration.ofSeconds(180),
                d -> d.findElements(By.id("exports-download")).stream()
                        .findFirst()
                        .orElse(null));
        DemoSite.screenshot(browser, "readme-task-2-exports.png");
        Map<String, Object> workbook = fetch(download.getAttribute("href"));
        assertThat(workbook.get("status")).isEqualTo(200L);
        assertThat((String) workbook.get("disposition"))
                .contains("aleppo")
                .contains("2013")
                .contains(".xlsx");
        assertThat((String) workbook.get("head")).startsWith("80,75"); // PK: an Office Open XML zip
    }

    @Test
    void task_3_a_public_briefing_with_a_key_figure_and_two_charts_downloads_as_a_pdf() throws Exception {
        browser.get(DemoSite.app().base().resolve("briefings").toString());
        DemoSite.waitFor(
                        browser,
                        WAIT,
                        d -> d.findElements(By.id("briefings-new")).stream()
                                .findFirst()
                                .orElse(null))
                .click();
        WebElement title = DemoSite.waitFor(
                browser,
                WAIT,
                d -> d.findElements(By.cssSelector("#briefing-title input")).stream()
                        .findFirst()
                        .orElse(null));
        title.sendKeys("Aleppo since 2013 (README task)");
        choose("briefing-profile", "Public");
        WebElement governorate =
                browser.findElement(By.cssSelector("#briefing-filters vaadin-multi-select-combo-box" + " input"));
        governorate.click();
        governorate.sendKeys("Aleppo");
        DemoSite.waitFor(
                browser,
                WAIT,
                d -> !d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item"))
                        .isEmpty());
        governorate.sendKeys(Keys.ARROW_DOWN, Keys.ENTER, Keys.ESCAPE);
        DemoSite.screenshot(browser, "readme-task-3-filters.png");
        press("briefing-add-figure");
        press("briefing-add-chart");
        press("briefing-add-chart");
        DemoSite.waitFor(
                browser,
                WAIT,
                d -> d.findElements(By.cssSelector("#briefing-charts > *")).size() >= 2);
        DemoSite.screenshot(browser, "readme-task-3-editor.png");
        press("briefing-save");
        WebElement pdf = DemoSite.waitFor(
                browser,
                WAIT,
                d -> d.findElements(By.id("briefing-download-pdf")).stream()
                        .findFirst()
                        .orElse(null));
        Map<String, Object> file = fetch(pdf.getAttribute("href"));
        assertThat(file.get("status")).isEqualTo(200L);
        assertThat((String) file.get("head")).startsWith("37,80,68,70"); // %PDF
        assertThat((String) file.get("disposition")).contains(".pdf");
        DemoSite.screenshot(browser, "readme-task-3-saved.png");
    }

    /** Presses a button as a user does, after scrolling it into view (a closing overlay may still cover it). */
    private static void press(String id) {
        WebElement button = browser.findElement(By.id(id));
        DemoSite.js(browser, "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", button);
    }

    /** Opens a select by its id and picks the item whose label starts with {@code label}. */
    private static void choose(String id, String label) {
        browser.findElement(By.id(id)).click();
        WebElement item = DemoSite.waitFor(
                browser,
                WAIT,
                d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                        .filter(i -> i.isDisplayed() && i.getText().startsWith(label))
                        .findFirst()
                        .orElse(null));
        item.click();
    }

    @SuppressWarnings("unchecked")
    private static List<String> visibleNames() {
        return (List<String>) DemoSite.js(
                browser,
                "return [...document.querySelectorAll("
                        + "'#search-results vaadin-grid-cell-content')].filter(c => c.assignedSlot"
                        + " && c.assignedSlot.closest('tbody') && c.assignedSlot.closest('tbody').id === 'items')"
                        + ".map(c => c.textContent.trim()).filter(t => t !== '')");
    }

    /** Fetches {@code url} as the signed-in browser: status, Content-Disposition and the first bytes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(String url) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        return (Map<String, Object>) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {"
                        + " const b = new Uint8Array(await r.arrayBuffer());"
                        + " done({status: r.status, disposition: r.headers.get('Content-Disposition') || '',"
                        + " head: Array.from(b.slice(0, 4)).join(',')}); })"
                        + ".catch(e => done({status: -1, disposition: String(e), head: ''}));",
                url);
    }
}
