package org.athar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packaged application in Chromium: a file imported on the Import page shows up in the Admin area's audit log,
 * filtered and downloadable as CSV, and the audit log reads right-to-left in Arabic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditInBrowserIT {

    private static final String ADMIN_PASSWORD = "synthetic e2e admin passphrase";

    private static PackagedApp app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        app = PackagedApp.start("--athar.demo.enabled=false", "--athar.security.admin-password=" + ADMIN_PASSWORD);
        app.awaitHealth(200, Duration.ofSeconds(240));
        browser = Chromium.start();
        browser.get(app.base().toString());
        SignInInBrowserIT.signIn(browser, "admin", ADMIN_PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.id("sign-out")).isEmpty());
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
    void an_import_on_the_import_page_appears_in_the_audit_log_with_its_counts_and_exports_as_csv() throws Exception {
        browser.get(app.base().resolve("import").toString());
        Path csv = Files.createTempFile("athar-audit-e2e", ".csv");
        Files.writeString(
                csv,
                "report_id,source,victim_name,governorate\n"
                        + "A1,Audit E2E Org,Synthetic One,Halab\nA2,Audit E2E Org,Synthetic Two,Atlantis\n");
        WebElement upload = wait(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("import-upload")).stream()
                        .findFirst()
                        .orElse(null));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(csv.toString());
        wait(Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.id("import-errors")).isEmpty());

        browser.get(app.base().resolve("admin").toString());
        wait(Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("admin-audit-link")).isEmpty());
        browser.findElement(By.id("admin-audit-link")).click();
        wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/admin/audit"));
        WebElement grid = wait(Duration.ofSeconds(30))
                .until(d ->
                        d.findElements(By.id("audit-grid")).stream().findFirst().orElse(null));
        wait(Duration.ofSeconds(30))
                .until(d -> grid.getText().contains(csv.getFileName().toString()));
        WebElement action = browser.findElement(By.cssSelector("#audit-action input"));
        choose(action, "Import");
        wait(Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("audit-count")).getText().equals("1 entry"));
        assertThat(grid.getText())
                .contains("Import")
                .contains("Success")
                .contains("received=2")
                .contains("indexed=1")
                .contains("rejected=1")
                .doesNotContain("Synthetic One");

        choose(action, "Sign-in");
        // The one sign-in of this test's browser, by admin from the loopback address.
        wait(Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("audit-count")).getText().equals("1 entry")
                        && grid.getText().contains("Sign-in"));
        // The browser reaches the application on loopback, over IPv4 or IPv6.
        assertThat(grid.getText())
                .contains("admin")
                .contains("Success")
                .containsPattern("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        String href = browser.findElement(By.id("audit-export")).getAttribute("href");
        assertThat(href).contains("api/v1/admin/audit.csv?action=sign_in");
        screenshot("audit-en.png");

        HttpResponse<byte[]> all = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(app.base().resolve("api/v1/admin/audit.csv?action=import"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString(("admin:" + ADMIN_PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(Arrays.copyOf(all.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(all.body(), StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(2);
        assertThat(text).contains(",import,success,").contains(csv.getFileName().toString());
    }

    @Test
    @Order(2)
    void the_audit_log_reads_right_to_left_in_arabic() throws Exception {
        browser.get(app.base().resolve("admin/audit").toString());
        wait(Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("language-switch")).isEmpty());
        browser.findElement(By.id("language-switch")).click();
        wait(Duration.ofSeconds(30))
                .until(d -> "rtl".equals(js("return document.documentElement.dir"))
                        && !d.findElements(By.id("audit-grid")).isEmpty()
                        && d.findElement(By.id("audit-grid")).getText().contains("استيراد"));
        assertThat(browser.findElement(By.cssSelector("#view-audit h2")).getText())
                .isEqualTo("سجل التدقيق");
        assertThat(browser.findElement(By.id("audit-grid")).getText()).contains("نجاح");
        screenshot("audit-ar.png");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Types {@code label} into a combo box and commits it once the matching item is shown (not before it loads). */
    private void choose(WebElement input, String label) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), label);
        wait(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                        .anyMatch(
                                i -> i.isDisplayed() && label.equals(i.getText().strip())));
        input.sendKeys(Keys.ENTER);
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
