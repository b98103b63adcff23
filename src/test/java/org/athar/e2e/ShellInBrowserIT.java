package org.athar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packaged application in Debian's headless Chromium, signed in as admin: the shell renders, switches to Arabic
 * right-to-left and remembers it, and shows a clear page when its engine dies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShellInBrowserIT {

    private static final String ADMIN_PASSWORD = "synthetic e2e admin passphrase";

    private static PackagedApp app;
    private static ChromeDriver browser;
    private static double startSeconds;

    @BeforeAll
    static void start() throws Exception {
        // A small demo load, so the synthetic-data label and the demo batch can be checked as a user sees them.
        // The engine killed in the last test is restarted by Athar after 20 s: time enough to see the page meanwhile.
        app = PackagedApp.start(
                "--athar.demo.size=2000",
                "--athar.security.admin-password=" + ADMIN_PASSWORD,
                "--athar.elasticsearch.embedded.restart-delay=20s");
        startSeconds = app.awaitHealth(200, Duration.ofSeconds(240));
        System.out.printf(
                "Athar (packaged jar, embedded engine, fresh data dir) served health UP after %.1f s%n", startSeconds);
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void the_shell_opens_in_english_left_to_right_with_every_section() throws Exception {
        browser.get(app.base().toString());
        SignInInBrowserIT.signIn(browser, "admin", ADMIN_PASSWORD);
        wait(Duration.ofSeconds(30)).until(d -> navLabels().size() == 10);
        List<String> nav = navLabels();
        assertThat(nav)
                .containsExactly(
                        "Search",
                        "Trends",
                        "Overlap of sources",
                        "Review links",
                        "Exports",
                        "Sharing",
                        "Briefings",
                        "Import",
                        "Admin",
                        "Account");
        assertThat(documentDir()).isNotEqualTo("rtl");
        assertThat(browser.getTitle()).contains("Athar");
        screenshot("shell-en.png");
    }

    @Test
    @Order(2)
    void switching_to_arabic_turns_the_whole_ui_right_to_left_and_is_remembered() throws Exception {
        browser.findElement(By.id("language-switch")).click();
        // The switch reloads the page: wait for the reloaded shell, not just the attribute.
        List<String> arabic = List.of(
                "البحث",
                "الاتجاهات",
                "تداخل المصادر",
                "مراجعة الروابط",
                "التصدير",
                "المشاركة",
                "الإحاطات",
                "الاستيراد",
                "الإدارة",
                "الحساب");
        wait(Duration.ofSeconds(30)).until(d -> "rtl".equals(documentDir()) && arabic.equals(navLabels()));
        assertThat(js("return document.documentElement.lang")).isEqualTo("ar");
        screenshot("shell-ar.png");

        browser.navigate().refresh();
        wait(Duration.ofSeconds(30)).until(d -> navLabels().size() == 10);
        assertThat(documentDir()).isEqualTo("rtl");
        assertThat(navLabels()).first().isEqualTo("البحث");
    }

    @Test
    @Order(3)
    void the_demo_data_is_labelled_synthetic_and_a_dropped_file_is_imported_with_its_rejected_row_explained()
            throws Exception {
        // The demo data loads in the background after start-up; the label appears once it is stored. Wait for the
        // application to say so, then open the page: reloading the page in a loop meanwhile made Chromium abort a
        // reload with "aborted by navigation" on a busy two-core machine.
        app.awaitOutput(Duration.ofSeconds(240), "Synthetic demo data loaded");
        wait(Duration.ofSeconds(60)).ignoring(WebDriverException.class).until(d -> {
            d.get(app.base().resolve("import").toString());
            wait(Duration.ofSeconds(30)).until(x -> navLabels().size() == 10);
            return !d.findElements(By.id("synthetic-badge")).isEmpty();
        });
        assertThat(browser.findElement(By.id("synthetic-badge")).getText()).isEqualTo("بيانات تجريبية مُصطنعة");
        assertThat(browser.findElement(By.id("import-batches")).getText()).contains("synthetic-demo-data.csv");

        Path csv = Files.createTempFile("athar-e2e", ".csv");
        Files.writeString(
                csv,
                "report_id,source,victim_name,governorate\n"
                        + "E1,E2E Org,سامي الحلبي,حلب\nE2,E2E Org,Typo Place,Alepo\n");
        WebElement upload = browser.findElement(By.id("import-upload"));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(csv.toString());
        WebElement result = wait(Duration.ofSeconds(60))
                .until(d -> d.findElements(By.id("import-errors")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(browser.findElement(By.id("import-received")).getText()).startsWith("2");
        assertThat(browser.findElement(By.id("import-indexed")).getText()).startsWith("1");
        assertThat(browser.findElement(By.id("import-rejected")).getText()).startsWith("1");
        assertThat(result.getText()).contains("Alepo");
        assertThat(browser.findElement(By.id("import-download-rejected")).getAttribute("href"))
                .contains("/rejected.csv");
        screenshot("import-ar.png");
    }

    @Test
    @Order(4)
    void a_search_with_a_filter_agrees_with_the_api_opens_a_report_and_comes_back_from_its_url() throws Exception {
        browser.get(app.base().toString());
        WebElement input = wait(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#search-text input")).stream()
                        .findFirst()
                        .orElse(null));
        input.sendKeys("محمد");
        wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("q="));
        wait(Duration.ofSeconds(30))
                .until(d -> ((Long) js("return document.querySelectorAll('#search-suggestions option').length")) > 0);
        WebElement perpetrator = browser.findElement(By.cssSelector("#filter-perpetrator input"));
        perpetrator.click();
        perpetrator.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        perpetrator.sendKeys(org.openqa.selenium.Keys.ENTER);
        perpetrator.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("perpetrator="));
        js("document.getElementById('filter-perpetrator').opened = false");
        browser.findElement(By.cssSelector("#search-results vaadin-grid-sorter"))
                .click();
        wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("sort=name"));
        String searchUrl = browser.getCurrentUrl();
        String shown = wait(Duration.ofSeconds(30)).until(d -> {
            String t = d.findElement(By.id("search-count")).getText();
            return t.isBlank() ? null : t;
        });
        long apiTotal = apiTotal(searchUrl.substring(searchUrl.indexOf('?') + 1));
        assertThat(apiTotal).isPositive();
        assertThat(shown.replaceAll("[^0-9]", "")).isEqualTo(String.valueOf(apiTotal));
        screenshot("search-ar.png");

        // Name cells render a span with dir=auto (the grid's cell contents are in the light DOM).
        WebElement firstName = wait(Duration.ofSeconds(30))
                .until(
                        d -> d
                                .findElements(By.cssSelector("#search-results vaadin-grid-cell-content span[dir=auto]"))
                                .stream()
                                .filter(WebElement::isDisplayed)
                                .findFirst()
                                .orElse(null));
        String clickedName = firstName.getText();
        firstName.click();
        wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/report/"));
        WebElement name = wait(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("report-name")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(name.getText()).isEqualTo(clickedName);
        assertThat((Long) js("return document.querySelectorAll('#view-report .athar-mark').length"))
                .isPositive();
        screenshot("report-ar.png");

        browser.get(searchUrl);
        String again = wait(Duration.ofSeconds(30)).until(d -> {
            String t = d.findElement(By.id("search-count")).getText();
            return t.isBlank() ? null : t;
        });
        assertThat(again).isEqualTo(shown);
        String firstAgain = wait(Duration.ofSeconds(30))
                .until(
                        d -> d
                                .findElements(By.cssSelector("#search-results vaadin-grid-cell-content span[dir=auto]"))
                                .stream()
                                .filter(WebElement::isDisplayed)
                                .findFirst()
                                .map(WebElement::getText)
                                .orElse(null));
        assertThat(firstAgain).as("same sort after reload").isEqualTo(clickedName);
        assertThat(browser.findElement(By.cssSelector("#search-text input")).getAttribute("value"))
                .isEqualTo("محمد");
    }

    private long apiTotal(String queryString) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        app.base().resolve("api/v1/reports?" + queryString + "&size=1"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString(("admin:" + ADMIN_PASSWORD)
                                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.body())
                .get("total")
                .asLong();
    }

    @Test
    @Order(5)
    void trends_draws_its_charts_in_both_languages_and_a_governorate_click_lands_on_search_with_the_same_count()
            throws Exception {
        browser.get(app.base().resolve("trends").toString());
        String slices = "#trends-map-chart svg .athar-slice[data-key]";
        wait(Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.cssSelector(slices)).isEmpty());
        assertThat(documentDir()).isEqualTo("rtl");
        assertThat(browser.findElements(By.cssSelector("#trends-timeline-chart svg")))
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#trends-crosstab-table tbody tr")))
                .isNotEmpty();
        screenshot("trends-ar.png");

        browser.findElement(By.id("language-switch")).click();
        wait(Duration.ofSeconds(30))
                .until(d -> !"rtl".equals(documentDir())
                        && !d.findElements(By.cssSelector(slices)).isEmpty());
        screenshot("trends-en.png");
        browser.findElement(By.id("language-switch")).click();
        wait(Duration.ofSeconds(30))
                .until(d -> "rtl".equals(documentDir())
                        && !d.findElements(By.cssSelector(slices)).isEmpty());

        // The governorate with the most reports, as the statistics API counts it, clicked on the map.
        com.fasterxml.jackson.databind.JsonNode top =
                apiGet("api/v1/stats/governorate").get("buckets").get(0);
        String key = top.get("key").asText();
        long count = top.get("count").asLong();
        assertThat(count).isPositive();
        WebElement region =
                browser.findElement(By.cssSelector("#trends-map-chart svg .athar-slice[data-key='" + key + "']"));
        js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", region);
        wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("governorate=" + key));
        // The drill carries the clicked count (persons) so Search says "N reports about M persons": read the
        // reports figure from its attribute rather than every digit of the sentence.
        String shown = wait(Duration.ofSeconds(30)).until(d -> {
            String t = d.findElement(By.id("search-count")).getAttribute("data-reports");
            return t == null || t.isBlank() ? null : t;
        });
        assertThat(shown).isEqualTo(String.valueOf(count));
    }

    private com.fasterxml.jackson.databind.JsonNode apiGet(String path) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(app.base().resolve(path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString(("admin:" + ADMIN_PASSWORD)
                                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    @Test
    @Order(6)
    void search_exports_its_filters_as_a_workbook_made_in_the_background_and_downloaded_once() throws Exception {
        // Search still shows the governorate Trends drilled into; its Export button carries the filters over.
        String search = browser.getCurrentUrl();
        assertThat(search).contains("governorate=");
        String governorate = search.replaceAll(".*governorate=([A-Z0-9]+).*", "$1");
        wait(Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("open-exports")).isEmpty());
        // Scrolled to the middle first: the page is taller now (chips, count line) and a sticky bar may cover
        // the element at the edge of the window.
        js("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(By.id("open-exports")));
        browser.findElement(By.id("open-exports")).click();
        wait(Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("/exports")
                        && d.getCurrentUrl().contains("governorate=" + governorate)
                        && !d.findElements(By.id("exports-workbook")).isEmpty());
        assertThat(documentDir()).isEqualTo("rtl");
        // Scrolled to the middle first: the page is taller now (chips, count line) and a sticky bar may cover
        // the element at the edge of the window.
        js("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(By.id("exports-workbook")));
        browser.findElement(By.id("exports-workbook")).click();
        WebElement download = wait(Duration.ofSeconds(120))
                .until(d -> d.findElements(By.id("exports-download")).stream()
                        .findFirst()
                        .orElse(null));
        screenshot("exports-ar.png");
        String href = download.getAttribute("href");
        // Fetched with the page's own session, as the browser's download would be.
        String fetch = "return fetch(arguments[0]).then(r => r.arrayBuffer().then(b => { const a = new Uint8Array(b); "
                + "return r.status + ':' + a.length + ':' + a[0] + ',' + a[1]; }))";
        String first = String.valueOf(js(fetch, href));
        assertThat(first).as("a zip (xlsx) file").startsWith("200:").endsWith(":80,75");
        assertThat(Long.parseLong(first.split(":")[1])).isGreaterThan(5_000);
        assertThat(String.valueOf(js(fetch, href)))
                .as("the file is handed out once")
                .startsWith("410:");
    }

    @Test
    @Order(7)
    void when_the_engine_dies_every_view_shows_a_clear_page_until_athar_has_restarted_it() throws Exception {
        ProcessHandle engine = ProcessHandle.of(app.enginePid()).orElseThrow();
        engine.destroyForcibly();
        engine.onExit().get();
        app.awaitHealth(503, Duration.ofSeconds(30));
        for (String view : List.of("", "trends", "import")) {
            browser.get(app.base().resolve(view).toString());
            screenshot("engine-down-" + (view.isEmpty() ? "search" : view) + "-ar.png");
            WebElement page = wait(Duration.ofSeconds(30))
                    .until(d -> d.findElements(By.id("engine-unavailable")).stream()
                            .findFirst()
                            .orElse(null));
            assertThat(page.getText()).contains("محرك البحث غير متاح").doesNotContain("Exception");
        }
        screenshot("engine-down-ar.png");
        // The supervisor restarts the node on the same data: the views come back without any action.
        double back = app.awaitHealth(200, Duration.ofMinutes(3));
        browser.get(app.base().resolve("trends").toString());
        wait(Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.id("view-trends")).isEmpty());
        assertThat(browser.findElements(By.id("engine-unavailable"))).isEmpty();
        System.out.printf(
                "The killed engine was restarted by Athar; health UP again %.1f s after DOWN was seen%n", back);
    }

    private List<String> navLabels() {
        return browser.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .map(e -> e.getText().trim())
                .toList();
    }

    private String documentDir() {
        return String.valueOf(js("return document.documentElement.dir"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private WebDriverWait wait(Duration d) {
        return new WebDriverWait(browser, d);
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("athar.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
