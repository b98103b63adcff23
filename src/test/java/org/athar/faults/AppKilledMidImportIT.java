package org.athar.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.athar.e2e.Chromium;
import org.athar.e2e.PackagedApp;
import org.athar.e2e.SignInInBrowserIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Fault 1: Athar's JVM is killed ({@code kill -9}) in the middle of a 200,000-row import. After a restart on the same
 * data directory the cut batch shows as interrupted (API and Import view) with what it had done, and re-running the
 * same file leaves every row stored or quarantined: none missing, none twice.
 */
class AppKilledMidImportIT {

    private static final String PASSWORD = "synthetic fault-test admin passphrase";
    private static final String TEST = "AppKilledMidImportIT";

    @Test
    void after_a_kill_mid_import_the_batch_shows_interrupted_and_a_rerun_stores_every_row_once() throws Exception {
        Path dir = FaultDirs.create("app-killed");
        FaultFile file = FaultFile.write(dir, 200_000, 50);
        String[] args = {"--athar.demo.enabled=false", "--athar.security.admin-password=" + PASSWORD};
        Path data = dir.resolve("data");
        try {
            JsonNode mid;
            long killed;
            double cutAfter;
            try (PackagedApp first = PackagedApp.start(data, "fault-app-killed.log", Map.of(), args)) {
                first.awaitHealth(200, Duration.ofMinutes(3));
                AtharApi api = new AtharApi(first.base(), "admin", PASSWORD);
                long started = System.nanoTime();
                CompletableFuture<AtharApi.Answer> upload = api.upload(file.path());
                mid = MidImport.await(api, file, 0.2, Duration.ofMinutes(5));
                first.kill();
                killed = System.nanoTime();
                cutAfter = (killed - started) / 1e9;
                assertThat(first.isAlive()).isFalse();
                upload.handle((answer, failure) -> null).get(1, TimeUnit.MINUTES);
            }

            try (PackagedApp second = PackagedApp.start(data, "fault-app-killed.log", Map.of(), args)) {
                second.awaitHealth(200, Duration.ofMinutes(3));
                double recovered = (System.nanoTime() - killed) / 1e9;
                AtharApi api = new AtharApi(second.base(), "admin", PASSWORD);
                EngineProbe engine = new EngineProbe(second.engineUri(), second.engineCredentials());

                JsonNode cut = MidImport.awaitStatus(api, file, "interrupted", Duration.ofSeconds(30));
                assertThat(AtharApi.confirmed(cut))
                        .as("what the batch had done when Athar was killed")
                        .isGreaterThanOrEqualTo(AtharApi.confirmed(mid))
                        .isLessThan(file.rows());
                assertThat(cut.path("failure").asText()).contains("re-run the same file");

                engine.refresh();
                List<String> stored = engine.reportKeys();
                assertThat(new HashSet<>(stored)).as("no report stored twice").hasSize(stored.size());
                assertThat(file.goodKeys()).containsAll(stored);
                assertThat((long) stored.size())
                        .as("every report the batch counted is stored")
                        .isGreaterThanOrEqualTo(cut.path("indexed").asLong()
                                + cut.path("updated").asLong()
                                + cut.path("unchanged").asLong());

                String viewText = importViewText(second, cut);

                long rerunStarted = System.nanoTime();
                AtharApi.Answer rerun = api.upload(file.path()).get(10, TimeUnit.MINUTES);
                double rerunSeconds = (System.nanoTime() - rerunStarted) / 1e9;
                assertThat(rerun.status()).as(rerun.body()).isEqualTo(200);
                JsonNode r = rerun.json();
                assertThat(r.path("received").asLong()).isEqualTo(file.rows());
                assertThat(r.path("rejected").asLong()).isEqualTo(file.badRows().size());
                // The rows stored before the kill are the same rows again: replaced, not added, counted as unchanged.
                assertThat(r.path("updated").asLong() + r.path("unchanged").asLong())
                        .as("reports stored before the kill are replaced, not added")
                        .isEqualTo(stored.size());
                assertThat(r.path("indexed").asLong()).isEqualTo(file.goodRows() - stored.size());

                engine.refresh();
                List<String> after = engine.reportKeys();
                assertThat(after).hasSize((int) file.goodRows());
                assertThat(new HashSet<>(after)).isEqualTo(file.goodKeys());
                assertThat(engine.count("athar-reports")).isEqualTo(file.goodRows());
                // Quarantine is per batch: the re-run holds exactly the bad rows; the cut batch keeps those it had.
                assertThat(engine.quarantinedRows(r.path("batchId").asText())).isEqualTo(file.badRows());
                Set<Long> cutQuarantine =
                        engine.quarantinedRows(cut.path("batch_id").asText());
                assertThat(file.badRows()).containsAll(cutQuarantine);
                assertThat(MidImport.awaitStatus(api, file, "completed", Duration.ofSeconds(10))
                                .path("batch_id")
                                .asText())
                        .isEqualTo(r.path("batchId").asText());

                FaultFigures.print(
                        TEST,
                        "%,d rows (%,d to quarantine); Athar killed %.1f s into the import with %,d "
                                + "rows confirmed by the API (%,d recorded in the interrupted batch, %,d reports stored); "
                                + "restarted and healthy %.1f s after the kill; re-run %.1f s: %,d new, %,d replaced, %,d "
                                + "rejected; %,d reports, none missing, none twice; Import view: %s",
                        file.rows(),
                        file.badRows().size(),
                        cutAfter,
                        AtharApi.confirmed(mid),
                        AtharApi.confirmed(cut),
                        stored.size(),
                        recovered,
                        rerunSeconds,
                        r.path("indexed").asLong(),
                        r.path("updated").asLong() + r.path("unchanged").asLong(),
                        r.path("rejected").asLong(),
                        after.size(),
                        viewText);
            }
        } finally {
            FaultDirs.deleteQuietly(dir);
        }
    }

    /** Signs in with Chromium, opens the Import view and returns the interrupted batch's row as the user reads it. */
    private static String importViewText(PackagedApp app, JsonNode cut) throws Exception {
        WebDriver browser = Chromium.start();
        try {
            browser.get(app.base().resolve("import").toString());
            SignInInBrowserIT.signIn(browser, "admin", PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            WebElement grid = wait.until(d ->
                    d.findElements(By.id("import-batches")).stream().findFirst().orElse(null));
            String note = String.format(java.util.Locale.ENGLISH, "%,d rows were confirmed", AtharApi.confirmed(cut));
            wait.until(d ->
                    grid.getText().contains("Interrupted") && grid.getText().contains(note));
            Path shots = Path.of(System.getProperty("athar.screenshots", "target/screenshots"));
            Files.createDirectories(shots);
            Files.write(
                    shots.resolve("fault-app-killed-import-view.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            String text = grid.getText();
            assertThat(text)
                    .contains(cut.path("file_name").asText())
                    .contains("Interrupted")
                    .contains("Re-run the same file to complete it");
            return "'Interrupted' + '" + note + "'";
        } finally {
            browser.quit();
        }
    }
}
