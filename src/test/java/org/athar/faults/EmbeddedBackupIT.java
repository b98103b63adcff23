package org.athar.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.athar.e2e.PackagedApp;
import org.junit.jupiter.api.Test;

/**
 * Backups in embedded mode, as a user runs Athar: the packaged jar registers the file-system repository under its
 * data directory by itself; a backup lands there and restores with every report (BackupRestoreTest compares every
 * document against a configured repository; this checks the embedded wiring end to end).
 */
class EmbeddedBackupIT {

    private static final String PASSWORD = "synthetic backup-test admin passphrase";

    @Test
    void the_packaged_jar_backs_up_into_its_data_directory_and_restores_from_it() throws Exception {
        try (PackagedApp app =
                PackagedApp.start(Map.of(), "--athar.demo.size=500", "--athar.security.admin-password=" + PASSWORD)) {
            app.awaitHealth(200, Duration.ofMinutes(4));
            AtharApi api = new AtharApi(app.base(), "admin", PASSWORD);
            long reports = awaitReports(api);

            AtharApi.Answer accepted = api.post("api/v1/admin/backups", "");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            String name = accepted.json().path("name").asText();
            JsonNode backup = awaitBackup(api, name);
            assertThat(backup.path("state").asText()).isEqualTo("SUCCESS");
            assertThat(backup.path("reports").asLong()).isEqualTo(reports);

            Path repository = app.dataDir().resolve("backups");
            try (Stream<Path> files = Files.list(repository)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as("the snapshot repository lives in the data directory")
                        .anyMatch(f -> f.startsWith("index-"))
                        .anyMatch(f -> f.equals("indices"));
            }

            AtharApi.Answer restored =
                    api.post("api/v1/admin/backups/" + name + "/restore", "{\"confirm\": \"" + name + "\"}");
            assertThat(restored.status()).as(restored.body()).isEqualTo(200);
            assertThat(restored.json().path("reports").asLong()).isEqualTo(reports);
            assertThat(restored.json().path("safetySnapshot").asText()).startsWith("athar-pre-restore-");
            assertThat(api.get("api/v1/reports?size=1").json().path("total").asLong())
                    .isEqualTo(reports);
            FaultFigures.print("EmbeddedBackupIT", "%,d reports backed up to %s and restored", reports, repository);
        }
    }

    private static long awaitReports(AtharApi api) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            AtharApi.Answer batches = api.get("api/v1/imports");
            if (batches.status() == 200
                    && batches.json().findValuesAsText("status").contains("completed")) {
                long total =
                        api.get("api/v1/reports?size=1").json().path("total").asLong();
                assertThat(total).as("the demo reports").isPositive();
                return total;
            }
            assertThat(Instant.now()).as("the demo reports are loaded").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private static JsonNode awaitBackup(AtharApi api, String name) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            AtharApi.Answer a = api.get("api/v1/admin/backups/" + name);
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            if (!"IN_PROGRESS".equals(a.json().path("state").asText())) {
                return a.json();
            }
            assertThat(Instant.now()).as("the backup finishes").isBefore(deadline);
            Thread.sleep(250);
        }
    }
}
