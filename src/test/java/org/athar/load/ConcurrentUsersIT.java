package org.athar.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.athar.demo.DemoDataGenerator;
import org.athar.e2e.PackagedApp;
import org.junit.jupiter.api.Test;

/**
 * Fault 5, concurrent users: the packaged jar with its embedded engine and 20,000 demo reports; 20 simulated users
 * (admins, analysts, report writers, advocacy staff, signed in on the form) search, read statistics and charts and
 * export for 5 minutes while 120,000 rows are imported through the API. Every answer must be a well-formed 2xx and
 * the import must count every row. The table (requests, errors, p50/p95/max per kind) goes to stdout and
 * {@code target/load-figures.txt}. {@code -Dathar.load.seconds}, {@code -Dathar.load.users} and
 * {@code -Dathar.load.import-rows} shorten or lengthen it; CI runs the defaults.
 *
 * <p>Why the packaged jar and not a Spring test context: the users hit the application as it is shipped (its own
 * JVM, heap and embedded node, as in production), and the load generator's threads and memory do not share the JVM
 * being measured.
 */
class ConcurrentUsersIT {

    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("athar.load.seconds", 300));
    private static final int USERS = Integer.getInteger("athar.load.users", 20);
    private static final int IMPORT_ROWS = Integer.getInteger("athar.load.import-rows", 120_000);
    private static final String[] ROLES = {"ANALYST", "WRITER", "ADVOCACY", "ADMIN"};
    private static final String PASSWORD = "load-admin-passphrase-" + UUID.randomUUID();

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twenty_users_for_five_minutes_while_a_large_import_runs_get_no_errors() throws Exception {
        Path csv = Files.createTempFile("athar-bl-load-", ".csv");
        try {
            long started = System.nanoTime();
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED + 5).write(out, IMPORT_ROWS);
            }
            System.out.printf(
                    "Import file: %,d rows, %,d bytes, written in %d ms%n",
                    IMPORT_ROWS, Files.size(csv), (System.nanoTime() - started) / 1_000_000);
            try (PackagedApp app = PackagedApp.start(Map.of("ATHAR_ADMIN_PASSWORD", PASSWORD))) {
                run(app, csv);
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private void run(PackagedApp app, Path csv) throws Exception {
        System.out.printf("Athar healthy after %.1f s%n", app.awaitHealth(200, Duration.ofMinutes(5)));
        long demo = awaitDemoData(app);
        List<LoadRunner.User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String role = ROLES[i % ROLES.length];
            LoadRunner.User user = new LoadRunner.User(
                    role,
                    "load-" + role.toLowerCase(Locale.ROOT) + "-" + i,
                    "synthetic load pass " + UUID.randomUUID());
            HttpResponse<String> created = http.send(
                    admin(app, "/api/v1/admin/users")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
                                    "username", user.username(), "password", user.password(), "roles", List.of(role)))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            users.add(user);
        }
        String source = "Load test " + UUID.randomUUID();
        LoadRunner.Result result = new LoadRunner(new LoadRunner.Settings(
                        app.base(),
                        users,
                        DURATION,
                        Duration.ofMillis(1000),
                        Optional.of(csv),
                        source,
                        Optional.of(new LoadRunner.User("ADMIN", "admin", PASSWORD))))
                .run();

        String figures = "Concurrent users, " + Instant.now() + ": " + USERS + " users for " + DURATION.toSeconds()
                + " s against the packaged jar (embedded engine, " + demo + " demo reports) while " + IMPORT_ROWS
                + " rows were imported through POST /api/v1/imports\n" + result.table()
                + "import answer: "
                + result.importAnswer().map(JsonNode::toString).orElse("none") + "\n";
        System.out.print(figures);
        Files.writeString(Path.of("target", "load-figures.txt"), figures, StandardCharsets.UTF_8);

        List<String> errors = new ArrayList<>();
        result.kinds().forEach((kind, k) -> k.errors().stream().limit(3).forEach(e -> errors.add(kind + ": " + e)));
        assertThat(result.errors()).as("errors, first of each kind: %s", errors).isZero();
        assertThat(result.kinds().keySet())
                .contains(
                        "sign-in",
                        "search",
                        "search-next",
                        "stats",
                        "stats-crosstab",
                        "stats-dashboard",
                        "chart-svg",
                        "chart-png",
                        "export-csv",
                        "export-xlsx",
                        "import");
        assertThat(result.kinds().get("sign-in").requests()).isEqualTo(USERS);

        JsonNode answer = result.importAnswer().orElseThrow();
        assertThat(answer.get("received").asLong()).isEqualTo(IMPORT_ROWS);
        assertThat(answer.get("rejected").asLong()).isZero();
        assertThat(answer.get("indexed").asLong()
                        + answer.get("updated").asLong()
                        + answer.get("unchanged").asLong())
                .isEqualTo(IMPORT_ROWS);
        assertThat(total(app))
                .as("the demo reports plus the new ones")
                .isEqualTo(demo + answer.get("indexed").asLong());
    }

    /** The demo data loads after start; wait until its count stops growing. */
    private long awaitDemoData(PackagedApp app) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        long last = -1;
        while (Instant.now().isBefore(deadline)) {
            long now = total(app);
            if (now > 0 && now == last) {
                return now;
            }
            last = now;
            Thread.sleep(3_000);
        }
        throw new IllegalStateException("the demo data did not finish loading within 5 minutes");
    }

    private long total(PackagedApp app) throws Exception {
        HttpResponse<String> r =
                http.send(admin(app, "/api/v1/reports?size=1").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("total").asLong();
    }

    private static HttpRequest.Builder admin(PackagedApp app, String path) {
        return HttpRequest.newBuilder(app.base().resolve(path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
