package org.athar.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athar.e2e.Chromium;
import org.athar.e2e.PackagedApp;
import org.athar.e2e.SignInInBrowserIT;
import org.athar.engine.LoopbackCluster;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Fault 4: the engine is stopped while Athar runs (external mode, one node the test controls). Every view shows the
 * bilingual "engine not available" page, every API family answers 503 with a JSON error, and when the engine is
 * back Athar answers again by itself, with nothing restarted or clicked.
 */
class EngineUnavailableIT {

    private static final String PASSWORD = "synthetic fault-test admin passphrase";
    private static final String TEST = "EngineUnavailableIT";
    private static final List<String> VIEWS =
            List.of("", "report/0", "trends", "exports", "briefings", "import", "admin", "admin/audit", "account");
    private static final List<String> API = List.of(
            "api/v1/reports?size=5",
            "api/v1/reports/0",
            "api/v1/stats/governorate",
            "api/v1/stats/dashboard",
            "api/v1/stats/crosstab?rows=governorate&columns=status",
            "api/v1/charts/breakdown.svg?by=governorate",
            "api/v1/exports/records.csv",
            "api/v1/exports/records.jsonl",
            "api/v1/exports/workbook.xlsx",
            "api/v1/briefings",
            "api/v1/imports",
            "api/v1/imports/0",
            "api/v1/admin/audit",
            "api/v1/admin/users");

    @Test
    void with_the_engine_stopped_every_view_and_api_family_says_so_and_athar_recovers_by_itself() throws Exception {
        Path dir = FaultDirs.create("unavailable");
        LoopbackCluster node = LoopbackCluster.start(dir.resolve("es"), 1, "384m", Duration.ofMinutes(3));
        WebDriver browser = null;
        try (PackagedApp app = PackagedApp.start(
                dir.resolve("data"),
                "fault-engine-unavailable.log",
                Map.of(),
                "--athar.elasticsearch.mode=external",
                "--spring.elasticsearch.uris=" + node.uris(),
                "--spring.elasticsearch.username=" + node.credentials().username(),
                "--spring.elasticsearch.password=" + node.credentials().password(),
                "--spring.elasticsearch.connection-timeout=1s",
                "--athar.demo.size=500",
                "--athar.security.admin-password=" + PASSWORD)) {
            app.awaitHealth(200, Duration.ofMinutes(3));
            AtharApi basic = new AtharApi(app.base(), "admin", PASSWORD);
            assertThat(basic.get("api/v1/reports?size=5").status()).isEqualTo(200);

            browser = Chromium.start();
            browser.get(app.base().toString());
            SignInInBrowserIT.signIn(browser, "admin", PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(d -> !d.findElements(By.id("view-search")).isEmpty());
            Cookie session = browser.manage().getCookieNamed("JSESSIONID");

            node.nodes().get(0).stop();
            double downAfter = app.awaitHealth(503, Duration.ofSeconds(30));

            for (String view : VIEWS) {
                expectEnginePage(
                        browser,
                        app.base(),
                        view,
                        "The search engine is not available",
                        "Nothing stored is lost",
                        "en");
            }
            browser.findElement(By.id("language-switch")).click();
            // The switch reloads the page.
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> "rtl".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
            for (String view : VIEWS) {
                expectEnginePage(browser, app.base(), view, "محرك البحث غير متاح", "لم يُفقد شيء", "ar");
            }

            List<String> answers = new ArrayList<>();
            for (String path : API) {
                answers.add(expect503Json(path, basic.get(path)));
                answers.add(expect503Json(path + " (session)", withSession(app.base(), path, session)));
            }
            answers.add(expect503Json(
                    "POST api/v1/imports", basic.upload(writeSmallCsv(dir)).get()));

            node.nodes().get(0).start();
            double upAfter = app.awaitHealth(200, Duration.ofMinutes(3));
            assertThat(basic.get("api/v1/reports?size=5").status()).isEqualTo(200);
            assertThat(basic.get("api/v1/stats/governorate").status()).isEqualTo(200);
            browser.get(app.base().toString());
            wait.until(d -> !d.findElements(By.id("view-search")).isEmpty());
            assertThat(browser.findElements(By.id("engine-unavailable"))).isEmpty();

            FaultFigures.print(
                    TEST,
                    "engine stopped: health DOWN within %.1f s of the node's exit; %d views x 2 "
                            + "languages showed the engine page; %d API calls answered 503 JSON (HTTP Basic: \"%s\"; signed-in "
                            + "session: \"%s\"); engine started again: health UP %.1f s after the node's start command, "
                            + "without restarting Athar",
                    downAfter,
                    VIEWS.size(),
                    answers.size(),
                    answers.get(0),
                    answers.get(1),
                    upAfter);
        } finally {
            if (browser != null) {
                browser.quit();
            }
            node.close();
            FaultDirs.deleteQuietly(dir);
        }
    }

    private static void expectEnginePage(
            WebDriver browser, URI base, String view, String title, String body, String lang) throws Exception {
        browser.get(base.resolve(view).toString());
        Path shots = Path.of(System.getProperty("athar.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        WebElement page;
        try {
            page = new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> d.findElements(By.id("engine-unavailable")).stream()
                            .findFirst()
                            .orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            Files.write(
                    shots.resolve("fault-engine-unavailable-FAILED.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            throw new AssertionError(
                    "/" + view + " did not show the engine page; it shows: "
                            + browser.findElement(By.tagName("body")).getText(),
                    e);
        }
        assertThat(page.getText()).as(view).contains(title).contains(body).doesNotContain("Exception");
        Files.write(
                shots.resolve("fault-engine-unavailable-"
                        + (view.isEmpty() ? "search" : view.replaceAll("[^a-z]+", "-")) + "-" + lang + ".png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static String expect503Json(String what, AtharApi.Answer a) {
        assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(503);
        assertThat(a.contentType()).as(what).startsWith("application/problem+json");
        assertThat(a.json().path("detail").asText())
                .as(what)
                .isEqualTo(a.json().path("error").asText());
        assertThat(a.json().path("error").asText()).as(what).isNotBlank();
        return a.json().path("error").asText();
    }

    private static AtharApi.Answer withSession(URI base, String path, Cookie session) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .timeout(Duration.ofSeconds(60))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new AtharApi.Answer(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static Path writeSmallCsv(Path dir) throws Exception {
        Path csv = dir.resolve("one-row.csv");
        Files.writeString(csv, "report_id,source,victim_name,governorate\nU-1,fault-test,Synthetic Person,Aleppo\n");
        return csv;
    }
}
