package org.athar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.athar.e2e.DemoSite.Viewport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Arabic in a real browser at 1440×900 and 390×844: an import's bad row gives its Arabic reason whole, an unknown
 * address shows the not-found page inside the layout, Vaadin's own controls are named in Arabic, and a date typed
 * day first is read day first. Imports only a file of its own whose rows are all rejected (stores no report).
 */
class ArabicInBrowserIT {

    private static final Locale ARABIC = Locale.forLanguageTag("ar");
    private static final List<ChromeDriver> BROWSERS = new ArrayList<>();

    @AfterAll
    static void quit() {
        BROWSERS.forEach(ChromeDriver::quit);
    }

    private static ChromeDriver open(Viewport viewport, Locale language) throws Exception {
        ChromeDriver browser = DemoSite.browser(viewport, language);
        BROWSERS.add(browser);
        return browser;
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void an_unknown_address_shows_the_not_found_page_inside_the_layout_in_arabic(Viewport viewport) throws Exception {
        ChromeDriver browser = open(viewport, ARABIC);
        browser.get(DemoSite.app().base().resolve("no-such-page").toString());
        DemoSite.waitFor(
                browser,
                Duration.ofSeconds(30),
                d -> !d.findElements(By.id("not-found")).isEmpty());
        assertThat(DemoSite.js(browser, "return !!document.querySelector('vaadin-app-layout #not-found')"))
                .isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("#not-found h2")).getText())
                .isEqualTo("الصفحة غير موجودة");
        assertThat(browser.findElement(By.id("not-found-body")).getText()).contains("/no-such-page");
        assertThat(browser.findElement(By.id("not-found-back")).getText()).isEqualTo("الذهاب إلى البحث");
        assertThat(DemoSite.scrollsSideways(browser))
                .as("%s", DemoSite.overflowingElements(browser))
                .isFalse();
        // The drawer toggle is named in Arabic on this page as on every other.
        assertThat(browser.findElement(By.tagName("vaadin-drawer-toggle")).getAttribute("aria-label"))
                .isEqualTo("إظهار لوحة التنقل أو إخفاؤها");
        DemoSite.screenshot(browser, "arabic-not-found-" + viewport.tag() + "-ar.png");
        if (viewport == Viewport.DESKTOP) {
            ChromeDriver english = open(viewport, Locale.ENGLISH);
            english.get(DemoSite.app().base().resolve("no-such-page").toString());
            DemoSite.waitFor(
                    english,
                    Duration.ofSeconds(30),
                    d -> !d.findElements(By.id("not-found")).isEmpty());
            assertThat(english.findElement(By.cssSelector("#not-found h2")).getText())
                    .isEqualTo("Page not found");
            DemoSite.screenshot(english, "arabic-not-found-desktop-en.png");
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void an_import_with_a_bad_row_shows_the_arabic_reason_whole_and_the_upload_button_comes_back(Viewport viewport)
            throws Exception {
        ChromeDriver browser = open(viewport, ARABIC);
        browser.get(DemoSite.app().base().resolve("import").toString());
        DemoSite.waitFor(
                browser,
                Duration.ofSeconds(30),
                d -> !d.findElements(By.id("import-upload")).isEmpty());
        Path file = Files.createTempFile("arabic-bad-rows", ".csv");
        Files.writeString(
                file,
                "report_id,victim_name,governorate,source\nAR-IT-" + UUID.randomUUID()
                        + ",Synthetic Bad Row,Alepo,Arabic browser test\n",
                StandardCharsets.UTF_8);
        WebElement upload = browser.findElement(By.id("import-upload"));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        DemoSite.waitFor(
                browser,
                Duration.ofSeconds(60),
                d -> !d.findElements(By.id("import-errors")).isEmpty());
        String reason = (String) DemoSite.waitFor(
                browser,
                Duration.ofSeconds(30),
                d -> DemoSite.js(
                        d,
                        "for (const c of document.querySelectorAll('#import-errors vaadin-grid-cell-content')) {"
                                + " if (c.textContent.includes('المحافظة')) return c.textContent; } return null;"));
        assertThat(reason).startsWith("المحافظة «").contains("Alepo").contains("اتركها فارغة إن كانت مجهولة");
        DemoSite.screenshot(browser, "arabic-import-reason-" + viewport.tag() + "-ar.png");
        // Whole: the text's own box lies inside the cell that shows it (wrapped, not cut at either end).
        String fit = (String) DemoSite.js(
                browser,
                "for (const c of document.querySelectorAll('#import-errors "
                        + "vaadin-grid-cell-content')) { if (c.textContent.includes('المحافظة')) { const r = document"
                        + ".createRange(); r.selectNodeContents(c); const t = r.getBoundingClientRect(); const b = c.parentElement"
                        + " ? c.getBoundingClientRect() : t; const cell = c.assignedSlot ? c.assignedSlot.parentElement"
                        + ".getBoundingClientRect() : b; return [Math.round(t.left), Math.round(t.right), Math.round(t.top),"
                        + " Math.round(t.bottom), Math.round(cell.left), Math.round(cell.right), Math.round(cell.top),"
                        + " Math.round(cell.bottom), getComputedStyle(c).whiteSpace].join(' '); } } return '';");
        String[] v = fit.split(" ");
        // A glyph box overhangs its line by a few pixels; a cut text would be short by whole lines or words.
        int slack = 6;
        assertThat(Integer.parseInt(v[0]) >= Integer.parseInt(v[4]) - slack
                        && Integer.parseInt(v[1]) <= Integer.parseInt(v[5]) + slack
                        && Integer.parseInt(v[3]) <= Integer.parseInt(v[7]) + slack
                        && "normal".equals(v[8]))
                .as("text box vs cell: %s", fit)
                .isTrue();
        // The upload button is usable again for the next file.
        DemoSite.waitFor(
                browser,
                Duration.ofSeconds(15),
                d -> Boolean.FALSE.equals(
                        DemoSite.js(d, "return !!document.querySelector('#import-upload').maxFilesReached")));
        // Not checked here: grid sorters' Arabic names did not reach the browser in the last run (see the issue's
        // closing note); the drawer toggle and password reveal are checked in ArabicScreensTest.
        assertThat(DemoSite.scrollsSideways(browser))
                .as("%s", DemoSite.overflowingElements(browser))
                .isFalse();
        Files.delete(file);
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void a_date_typed_day_first_is_read_day_first_in_arabic(Viewport viewport) throws Exception {
        ChromeDriver browser = open(viewport, ARABIC);
        browser.get(DemoSite.app().base().toString());
        DemoSite.waitFor(
                browser,
                Duration.ofSeconds(30),
                d -> !d.findElements(By.id("filter-from")).isEmpty());
        WebElement from = browser.findElement(By.id("filter-from"));
        DemoSite.js(browser, "arguments[0].scrollIntoView()", from);
        // Typed as a user types it (on a phone the field may sit under the drawer's edge: typed through the page).
        DemoSite.js(
                browser,
                "const p = arguments[0]; const i = p.querySelector('input'); p.focus(); i.value ="
                        + " '05/03/2013'; i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new"
                        + " KeyboardEvent('keydown', {key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true}));",
                from);
        DemoSite.waitFor(
                browser,
                Duration.ofSeconds(15),
                d -> "2013-03-05".equals(DemoSite.js(d, "return document.querySelector('#filter-from').value")));
        DemoSite.screenshot(browser, "arabic-date-" + viewport.tag() + "-ar.png");
    }
}
