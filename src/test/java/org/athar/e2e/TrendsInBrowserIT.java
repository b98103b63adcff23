package org.athar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.athar.e2e.DemoSite.Viewport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Trends and the shell as a keyboard user, a laptop user (1440×900) and a phone user (390×844) meet them, in English
 * and Arabic, on the shared demo site (read only): the first chart is in view with the filters folded into chips; a
 * bar reached with Tab shows a focus ring and Enter opens Search with that bar's query and what it counted; "Skip to
 * content" is the first Tab stop; and no screen of the menu scrolls sideways on a phone.
 */
class TrendsInBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The first Trends page of a cold demo site draws five charts over 12,000 reports on a shared machine. */
    private static final Duration CHARTS = Duration.ofSeconds(240);

    private static final Map<Viewport, Map<String, ChromeDriver>> browsers = new EnumMap<>(Viewport.class);

    private static ChromeDriver browser(Viewport viewport, String language) throws Exception {
        Map<String, ChromeDriver> byLanguage = browsers.computeIfAbsent(viewport, v -> new LinkedHashMap<>());
        ChromeDriver b = byLanguage.get(language);
        if (b == null) {
            b = DemoSite.browser(viewport, Locale.forLanguageTag(language));
            byLanguage.put(language, b);
        }
        return b;
    }

    @AfterAll
    static void quit() {
        browsers.values().forEach(m -> m.values().forEach(WebDriver::quit));
    }

    private static void open(ChromeDriver b, String path) throws Exception {
        b.get(DemoSite.app().base().resolve(path).toString());
        DemoSite.waitFor(
                b, WAIT, d -> !d.findElements(By.tagName("vaadin-app-layout")).isEmpty());
        settle(b);
    }

    /** Waits until Vaadin has no request in flight, then a moment for layout. */
    private static void settle(WebDriver b) throws InterruptedException {
        DemoSite.waitFor(
                b,
                WAIT,
                d -> Boolean.TRUE.equals(
                        DemoSite.js(
                                d,
                                "return !!(window.Vaadin && Vaadin.Flow"
                                        + " && Vaadin.Flow.clients && Object.values(Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()))")));
        Thread.sleep(700);
    }

    /**
     * Opens Trends and waits for its charts. Right after the demo load the site re-links 12,000 reports (about a
     * minute) and a dashboard opened meanwhile may show an error instead of charts, so the page is opened again.
     */
    private static void openTrends(ChromeDriver b, String query) throws Exception {
        long deadline = System.nanoTime() + CHARTS.toNanos();
        while (true) {
            open(b, "trends" + query);
            try {
                DemoSite.waitFor(
                        b,
                        Duration.ofSeconds(30),
                        d -> !d.findElements(By.cssSelector("#trends-timeline-chart svg .athar-slice"))
                                .isEmpty());
                break;
            } catch (org.openqa.selenium.TimeoutException e) {
                DemoSite.screenshot(b, "trends-not-ready.png");
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
        settle(b);
    }

    private static String activeId(WebDriver b) {
        return String.valueOf(DemoSite.js(b, "const a = document.activeElement; return a ? (a.id || a.tagName) : ''"));
    }

    private static void tab(WebDriver b) {
        new Actions(b).sendKeys(Keys.TAB).perform();
    }

    private static String url(WebDriver b) {
        return URLDecoder.decode(b.getCurrentUrl(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ar"})
    void on_a_laptop_the_filters_fold_into_chips_and_the_first_chart_is_in_view(String language) throws Exception {
        ChromeDriver b = browser(Viewport.DESKTOP, language);
        openTrends(b, "?governorate=SY02");
        WebElement chip = b.findElement(By.id("trends-chip-governorate"));
        assertThat(chip.getText()).contains(language.equals("ar") ? "حلب" : "Aleppo");
        assertThat(b.findElements(By.id("filter-governorate")).stream().filter(WebElement::isDisplayed))
                .as("the filter bar is folded at first")
                .isEmpty();
        Number top = (Number) DemoSite.js(
                b, "return document.querySelector('#trends-timeline-chart svg')" + ".getBoundingClientRect().top");
        assertThat(top.doubleValue())
                .as("top of the first chart in a 900 px high window, with 200 px of it visible")
                .isLessThan(900 - 200);
        if (language.equals("ar")) {
            assertThat(DemoSite.js(b, "return getComputedStyle(document.getElementById('trends-chips')).direction"))
                    .isEqualTo("rtl");
        }
        DemoSite.screenshot(b, "trends-desktop-" + language + ".png");

        b.findElement(By.id("trends-edit-filters")).click();
        DemoSite.waitFor(
                b,
                WAIT,
                d -> d.findElements(By.id("filter-governorate")).stream().anyMatch(WebElement::isDisplayed));
        DemoSite.screenshot(b, "trends-desktop-" + language + "-filters-open.png");

        b.findElement(By.id("trends-chip-remove-governorate")).click();
        DemoSite.waitFor(
                b, WAIT, d -> d.findElements(By.id("trends-chip-governorate")).isEmpty());
        DemoSite.waitFor(b, WAIT, d -> !url(d).contains("governorate="));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ar"})
    void a_bar_reached_with_tab_shows_a_focus_ring_and_enter_opens_search_with_that_figure(String language)
            throws Exception {
        ChromeDriver b = browser(Viewport.DESKTOP, language);
        openTrends(b, "?granularity=year");
        String unfocused = String.valueOf(DemoSite.js(
                b,
                "return getComputedStyle(document.querySelector(" + "'#trends-timeline-chart .athar-slice')).stroke"));
        boolean onBar = false;
        for (int i = 0; i < 120 && !onBar; i++) {
            tab(b);
            onBar = Boolean.TRUE.equals(DemoSite.js(
                    b,
                    "const a = document.activeElement;"
                            + " return !!a && a.classList && a.classList.contains('athar-slice')"
                            + " && !!a.closest('#trends-timeline-chart')"));
        }
        assertThat(onBar).as("Tab reaches a bar of the timeline").isTrue();
        String focused = String.valueOf(DemoSite.js(b, "return getComputedStyle(document.activeElement).stroke"));
        String width = String.valueOf(DemoSite.js(b, "return getComputedStyle(document.activeElement).strokeWidth"));
        assertThat(focused)
                .as("stroke of the focused bar (unfocused: %s)", unfocused)
                .isNotEqualTo(unfocused)
                .isNotEqualTo("none");
        assertThat(width).isEqualTo("3px");
        String year = String.valueOf(DemoSite.js(b, "return document.activeElement.getAttribute('data-key')"));
        String title = String.valueOf(DemoSite.js(b, "return document.activeElement.textContent"));
        DemoSite.screenshot(b, "trends-desktop-" + language + "-bar-focused.png");

        new Actions(b).sendKeys(Keys.ENTER).perform();
        DemoSite.waitFor(
                b,
                WAIT,
                d -> d.getCurrentUrl().contains("from=") && !d.getCurrentUrl().contains("trends"));
        settle(b);
        assertThat(url(b))
                .as("Search opened from the bar %s", title)
                .contains("count=persons")
                .contains("from=" + year + "-01-01")
                .contains("to=" + year + "-12-31");
        DemoSite.screenshot(b, "trends-desktop-" + language + "-drilled.png");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en-DESKTOP", "ar-DESKTOP", "en-PHONE", "ar-PHONE"})
    void skip_to_content_is_the_first_tab_stop_and_leads_to_the_search_box(String which) throws Exception {
        String language = which.substring(0, 2);
        Viewport viewport = Viewport.valueOf(which.substring(3));
        ChromeDriver b = browser(viewport, language);
        open(b, "");
        tab(b);
        assertThat(activeId(b)).isEqualTo("skip-link");
        WebElement skip = b.findElement(By.id("skip-link"));
        assertThat(skip.getText()).isEqualTo(language.equals("ar") ? "تخطَّ إلى المحتوى" : "Skip to content");
        Number top = (Number) DemoSite.js(b, "return arguments[0].getBoundingClientRect().top", skip);
        assertThat(skip.isDisplayed()).isTrue();
        assertThat(top.doubleValue()).as("the focused skip link is on screen").isBetween(0.0, 200.0);
        DemoSite.screenshot(b, "skip-link-" + viewport.tag() + "-" + language + ".png");

        new Actions(b).sendKeys(Keys.ENTER).perform();
        assertThat(activeId(b)).isEqualTo("view-search");
        tab(b);
        assertThat(DemoSite.js(b, "return !!document.activeElement.closest('#search-text')"))
                .as("the next Tab after skipping reaches the search box, not %s", activeId(b))
                .isEqualTo(true);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ar"})
    void on_a_phone_no_screen_of_the_menu_scrolls_sideways(String language) throws Exception {
        ChromeDriver b = browser(Viewport.PHONE, language);
        open(b, "");
        @SuppressWarnings("unchecked")
        List<String> paths = new ArrayList<>((List<String>) DemoSite.js(
                b,
                "return [...document.querySelectorAll("
                        + "'#navigation vaadin-side-nav-item')].map(i => i.getAttribute('path'))"));
        assertThat(paths).as("the menu of an administrator").hasSizeGreaterThanOrEqualTo(9);
        paths.addAll(List.of("admin/audit", "admin/backups"));
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            open(b, path);
            if (path.equals("trends")) {
                DemoSite.waitFor(
                        b,
                        CHARTS,
                        d -> !d.findElements(By.cssSelector("#trends-timeline-chart svg"))
                                .isEmpty());
                settle(b);
            }
            check(b, path, language, failures);
            if (path.isEmpty()) {
                // The report page: the first result of Search, opened as a user opens it.
                DemoSite.waitFor(
                        b,
                        WAIT,
                        d -> !d.findElements(By.cssSelector("#search-results vaadin-grid-cell-content"))
                                .isEmpty());
                WebElement firstRow = (WebElement) DemoSite.js(
                        b,
                        "return [...document.querySelectorAll("
                                + "'#search-results vaadin-grid-cell-content')].find(c => c.assignedSlot"
                                + " && c.assignedSlot.closest('tbody') && c.assignedSlot.closest('tbody').id === 'items'"
                                + " && c.textContent.trim() !== '')");
                // A script click: the grid's own scroller covers its cells for the pointer on a phone.
                DemoSite.js(b, "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", firstRow);
                DemoSite.waitFor(b, WAIT, d -> d.getCurrentUrl().contains("/report/"));
                settle(b);
                check(b, "report", language, failures);
                // Where the batch id and the content hash are: long single words that must wrap.
                DemoSite.js(b, "window.scrollTo(0, document.scrollingElement.scrollHeight)");
                Thread.sleep(300);
                DemoSite.screenshot(b, "phone-" + language + "-report-provenance.png");
            }
        }
        assertThat(failures).as("screens that scroll sideways at 390 px").isEmpty();
    }

    private static void check(ChromeDriver b, String path, String language, List<String> failures) throws Exception {
        String name = path.isEmpty() ? "search" : path.replace('/', '-');
        DemoSite.screenshot(b, "phone-" + language + "-" + name + ".png");
        if (DemoSite.scrollsSideways(b)) {
            // The closed drawer lies off screen by design; what counts is what sticks out of the page's own content.
            Object inContent = DemoSite.js(
                    b,
                    "const w = window.innerWidth; const out = [];"
                            + "const layout = document.querySelector('vaadin-app-layout');"
                            + "const main = layout && [...layout.children].find(c => !c.hasAttribute('slot'));"
                            + "for (const el of main ? main.querySelectorAll('*') : []) { const r = el.getBoundingClientRect();"
                            + " if (el.tagName === 'VAADIN-GRID-CELL-CONTENT') continue;" // clipped by the grid's own
                            // scroller
                            + " if (r.width > 0 && (r.right > w + 1 || r.left < -1)) out.push(el.tagName.toLowerCase()"
                            + " + (el.id ? '#' + el.id : '') + '.' + [...el.classList].join('.') + ' '"
                            + " + Math.round(r.left) + '..' + Math.round(r.right)); } return out.slice(0, 20);");
            failures.add(name + " scrolls sideways: " + inContent + " " + DemoSite.overflowingElements(b));
        }
    }
}
