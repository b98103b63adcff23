package org.athar.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.athar.e2e.PackagedApp;
import org.junit.jupiter.api.Test;

/**
 * Fault 2: the embedded Elasticsearch is killed ({@code kill -9}) in the middle of a 100,000-row import. The import
 * must fail clearly (503 JSON naming what was confirmed), never count a row the engine did not acknowledge, Athar must
 * restart the node by itself, every acknowledged report must be there afterwards, and a re-run must complete it.
 */
class EngineKilledMidImportIT {

    private static final String PASSWORD = "synthetic fault-test admin passphrase";
    private static final String TEST = "EngineKilledMidImportIT";

    @Test
    void an_import_cut_by_a_killed_engine_fails_clearly_keeps_every_confirmed_row_and_a_rerun_completes_it()
            throws Exception {
        Path dir = FaultDirs.create("engine-killed");
        FaultFile file = FaultFile.write(dir, 100_000, 50);
        try (PackagedApp app = PackagedApp.start(
                dir.resolve("data"),
                "fault-engine-killed.log",
                Map.of(),
                "--athar.demo.enabled=false",
                "--athar.security.admin-password=" + PASSWORD)) {
            app.awaitHealth(200, Duration.ofMinutes(3));
            AtharApi api = new AtharApi(app.base(), "admin", PASSWORD);
            EngineProbe engine = new EngineProbe(app.engineUri(), app.engineCredentials());

            long started = System.nanoTime();
            CompletableFuture<AtharApi.Answer> upload = api.upload(file.path());
            JsonNode mid = MidImport.await(api, file, 0.2, Duration.ofMinutes(5));
            ProcessHandle node = ProcessHandle.of(app.enginePid()).orElseThrow();
            node.destroyForcibly();
            long killed = System.nanoTime();
            node.onExit().get(30, TimeUnit.SECONDS);

            AtharApi.Answer answer = upload.get(5, TimeUnit.MINUTES);
            double failedAfter = (System.nanoTime() - killed) / 1e9;
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("type").asText()).isEqualTo("urn:athar:problem:engine-unavailable");
            String error = answer.json().path("error").asText();
            assertThat(error)
                    .contains("stopped because the engine stopped answering")
                    .contains("Re-running the same file is safe");

            double recovered = app.awaitHealth(200, Duration.ofMinutes(3)) + failedAfter;
            JsonNode failed = MidImport.awaitStatus(api, file, "failed", Duration.ofMinutes(1));
            assertThat(failed.path("failure").asText()).isEqualTo(error);
            // The answer, the batch record and the engine agree on what was confirmed.
            assertThat(error)
                    .contains(String.format(
                            Locale.ROOT,
                            "confirmed %,d new reports, %,d updated reports, "
                                    + "%,d unchanged reports and %,d rejected rows",
                            failed.path("indexed").asLong(),
                            failed.path("updated").asLong(),
                            failed.path("unchanged").asLong(),
                            failed.path("rejected").asLong()));
            assertThat(AtharApi.confirmed(failed))
                    .isGreaterThanOrEqualTo(AtharApi.confirmed(mid))
                    .isLessThan(file.rows());

            engine.refresh();
            List<String> stored = engine.reportKeys();
            Set<String> distinct = new HashSet<>(stored);
            assertThat(distinct).as("no report stored twice").hasSize(stored.size());
            assertThat(file.goodKeys()).containsAll(distinct);
            assertThat((long) stored.size())
                    .as("every acknowledged report is there after the restart")
                    .isGreaterThanOrEqualTo(failed.path("indexed").asLong()
                            + failed.path("updated").asLong()
                            + failed.path("unchanged").asLong());
            assertThat((long) engine.quarantinedRows(failed.path("batch_id").asText())
                            .size())
                    .isGreaterThanOrEqualTo(failed.path("rejected").asLong());

            long rerunStarted = System.nanoTime();
            AtharApi.Answer rerun = api.upload(file.path()).get(10, TimeUnit.MINUTES);
            double rerunSeconds = (System.nanoTime() - rerunStarted) / 1e9;
            assertThat(rerun.status()).as(rerun.body()).isEqualTo(200);
            JsonNode r = rerun.json();
            assertThat(r.path("received").asLong()).isEqualTo(file.rows());
            assertThat(r.path("rejected").asLong()).isEqualTo(file.badRows().size());
            // The rows stored before the failure are the same rows again: replaced, counted as unchanged.
            assertThat(r.path("updated").asLong() + r.path("unchanged").asLong())
                    .as("reports stored before the re-run are replaced")
                    .isEqualTo(stored.size());
            assertThat(r.path("indexed").asLong()).isEqualTo(file.goodRows() - stored.size());

            engine.refresh();
            List<String> after = engine.reportKeys();
            assertThat(after).hasSize((int) file.goodRows());
            assertThat(new HashSet<>(after)).isEqualTo(file.goodKeys());
            assertThat(engine.quarantinedRows(r.path("batchId").asText())).isEqualTo(file.badRows());

            FaultFigures.print(
                    TEST,
                    "%,d rows (%,d to quarantine); engine killed after %,d confirmed (%.1f s into the "
                            + "import); import answered 503 %.1f s after the kill with %,d confirmed; %,d reports found after "
                            + "the restart; health UP again %.1f s after the kill (restarted by the supervisor); re-run "
                            + "%.1f s: %,d new, %,d replaced, %,d rejected; %,d reports, none missing, none twice",
                    file.rows(),
                    file.badRows().size(),
                    AtharApi.confirmed(mid),
                    (killed - started) / 1e9,
                    failedAfter,
                    AtharApi.confirmed(failed),
                    stored.size(),
                    recovered,
                    rerunSeconds,
                    r.path("indexed").asLong(),
                    r.path("updated").asLong() + r.path("unchanged").asLong(),
                    r.path("rejected").asLong(),
                    after.size());
            assertThat(app.output()).contains("exited unexpectedly").contains("Elasticsearch restarted on");
        } finally {
            FaultDirs.deleteQuietly(dir);
        }
    }
}
