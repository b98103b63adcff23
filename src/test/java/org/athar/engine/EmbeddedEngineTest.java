package org.athar.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The launcher on its own: real nodes in fresh data directories, started, restarted, killed and misconfigured. */
class EmbeddedEngineTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private static EmbeddedEngine.Settings settings(Path dataDir) {
        return new EmbeddedEngine.Settings(dataDir, "512m", Duration.ofSeconds(180), "nobody", Optional.empty());
    }

    @Test
    void data_survives_a_restart_and_a_node_left_by_a_killed_application_is_stopped_and_reused() throws Exception {
        Path dir = TestEngine.freshDataDir("athar-restart");
        EngineCredentials created;
        try (EmbeddedEngine first = EmbeddedEngine.start(settings(dir))) {
            put(first, "/athar-restart-check/_doc/1?refresh=true", "{\"note\":\"kept\"}");
            created = first.credentials();
        }
        EmbeddedEngine abandoned = EmbeddedEngine.start(settings(dir));
        // The password created at the first start is kept, not replaced, by later starts.
        assertThat(abandoned.credentials()).isEqualTo(created);
        assertThat(get(abandoned, "/athar-restart-check/_doc/1")).contains("\"note\":\"kept\"");
        long leftoverPid = abandoned.serverPid().orElseThrow();
        // Simulate kill -9 of the application: the node is never told to stop and keeps the data dir locked.
        try (EmbeddedEngine next = EmbeddedEngine.start(settings(dir))) {
            assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive))
                    .isNotEqualTo(Optional.of(true));
            assertThat(next.serverPid()).isPresent().isNotEqualTo(Optional.of(leftoverPid));
            assertThat(get(next, "/athar-restart-check/_doc/1")).contains("\"note\":\"kept\"");
            // The abandoned instance's supervisor sees its node stop but must not fight the new start for the data.
            Optional<Long> nextPid = next.serverPid();
            Thread.sleep(3000);
            assertThat(next.serverPid()).isEqualTo(nextPid);
            assertThat(nextPid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive))
                    .isEqualTo(Optional.of(true));
            assertThat(abandoned.restarts()).isZero();
        }
    }

    @Test
    void a_node_that_is_killed_is_restarted_on_the_same_data_and_address_by_itself() throws Exception {
        Path dir = TestEngine.freshDataDir("athar-supervised");
        try (EmbeddedEngine engine = EmbeddedEngine.start(settings(dir))) {
            put(engine, "/athar-supervised/_doc/1", "{\"note\":\"acknowledged\"}");
            ProcessHandle node =
                    ProcessHandle.of(engine.serverPid().orElseThrow()).orElseThrow();
            node.destroyForcibly();
            long killed = System.nanoTime();
            node.onExit().get();
            long deadline = killed + Duration.ofMinutes(3).toNanos();
            String doc = "";
            while (System.nanoTime() < deadline && (!doc.contains("acknowledged") || engine.restarts() == 0)) {
                Thread.sleep(500);
                try {
                    doc = get(engine, "/athar-supervised/_doc/1");
                } catch (IOException notYetBack) {
                    doc = "";
                }
            }
            assertThat(doc)
                    .as("the document acknowledged before the kill, at the same address")
                    .contains("\"note\":\"acknowledged\"");
            assertThat(engine.restarts()).isEqualTo(1);
            assertThat(engine.serverPid()).isPresent().isNotEqualTo(Optional.of(node.pid()));
            System.out.printf(
                    "Embedded node killed and restarted by the supervisor: answering again after %.1f s%n",
                    (System.nanoTime() - killed) / 1e9);
        }
    }

    @Test
    void a_data_directory_that_cannot_be_created_names_the_setting_to_change() throws IOException {
        Path file = Files.createTempFile("athar-not-a-dir", ".txt");
        assertThatThrownBy(() -> EmbeddedEngine.start(settings(file.resolve("data"))))
                .isInstanceOf(EngineStartException.class)
                .hasMessageContaining("is not writable")
                .satisfies(e -> assertThat(((EngineStartException) e).action()).contains("ATHAR_DATA_DIR"));
    }

    @Test
    void an_engine_that_exits_while_starting_shows_the_last_lines_of_its_log() {
        Path dir = TestEngine.freshDataDir("athar-bad-heap");
        EmbeddedEngine.Settings badHeap =
                new EmbeddedEngine.Settings(dir, "12q", Duration.ofSeconds(120), "nobody", Optional.empty());
        assertThatThrownBy(() -> EmbeddedEngine.start(badHeap))
                .isInstanceOf(EngineStartException.class)
                .hasMessageContaining("Elasticsearch exited with code")
                .hasMessageContaining("console.log")
                .hasMessageContaining("12q");
    }

    @Test
    void a_start_that_takes_too_long_names_the_timeout_setting_and_leaves_no_node_running() {
        Path dir = TestEngine.freshDataDir("athar-timeout");
        EmbeddedEngine.Settings impatient =
                new EmbeddedEngine.Settings(dir, "512m", Duration.ofMillis(500), "nobody", Optional.empty());
        assertThatThrownBy(() -> EmbeddedEngine.start(impatient))
                .isInstanceOf(EngineStartException.class)
                .hasMessageContaining("did not become ready")
                .satisfies(e -> assertThat(((EngineStartException) e).action())
                        .contains("athar.elasticsearch.embedded.start-timeout"));
        Optional<Long> pid = new EngineLayout(dir.resolve("engine")).readPid();
        pid.flatMap(ProcessHandle::of).ifPresent(p -> assertThat(p.isAlive()).isFalse());
    }

    @Test
    void as_root_a_parent_directory_the_engine_user_cannot_enter_is_named_with_the_remedy() throws IOException {
        assumeTrue(EngineUser.whenRoot("nobody").isPresent(), "only meaningful when the tests run as root");
        Path closed = TestEngine.freshDataDir("athar-closed");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> EmbeddedEngine.start(settings(closed.resolve("data"))))
                .isInstanceOf(EngineStartException.class)
                .hasMessageContaining("cannot enter " + closed.toRealPath())
                .satisfies(e ->
                        assertThat(((EngineStartException) e).action()).contains("chmod o+x " + closed.toRealPath()));
    }

    // As Athar's client does: with the node's generated account (the node refuses requests without it).
    private String put(EmbeddedEngine engine, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(engine.uri().resolve(path))
                        .header("Authorization", engine.credentials().authorization())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return r.body();
    }

    private String get(EmbeddedEngine engine, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(engine.uri().resolve(path))
                                .header("Authorization", engine.credentials().authorization())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
