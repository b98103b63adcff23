package org.athar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchProperties;
import org.springframework.util.unit.DataSize;

/**
 * The embedded node as another process or user on the same machine sees it: its port refuses requests without
 * Athar's account, and its files (data, backups, the password) are closed to other users.
 */
class EmbeddedEngineAccessTest {

    private static final Set<PosixFilePermission> OTHERS = Set.of(
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_local_process_without_credentials_is_refused_and_reads_no_report() throws Exception {
        for (String path : List.of(
                "/",
                "/_cluster/health",
                "/athar-reports*/_search",
                "/athar-users/_search",
                "/_cat/indices",
                "/_snapshot/_all")) {
            HttpResponse<String> r = send("GET", path, Optional.empty());
            assertThat(r.statusCode()).as("GET %s without credentials", path).isEqualTo(401);
            assertThat(r.body()).as("GET %s without credentials", path).doesNotContain("\"hits\"", "athar-reports-v1");
        }
        HttpResponse<String> guessed = send(
                "GET",
                "/athar-reports*/_search",
                Optional.of(new EngineCredentials(EngineCredentials.EMBEDDED_USERNAME, "athar")));
        assertThat(guessed.statusCode()).isEqualTo(401);
        HttpResponse<String> elastic =
                send("GET", "/athar-reports*/_search", Optional.of(new EngineCredentials("elastic", "changeme")));
        assertThat(elastic.statusCode())
                .as("the built-in superuser is switched off")
                .isEqualTo(401);
    }

    @Test
    void athar_s_generated_account_reads_its_indices() throws Exception {
        Optional<EngineCredentials> athar = Optional.of(TestEngine.credentials());
        // (GET / itself answers 405 with any account: the bundled distribution has no root endpoint.)
        HttpResponse<String> health = send("GET", "/_cluster/health", athar);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"cluster_name\":\"athar\"");
        HttpResponse<String> search = send("GET", "/athar-reports*/_search?size=0", athar);
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(search.body()).contains("\"hits\"");
    }

    @Test
    void athar_s_account_can_do_nothing_beyond_athar_s_indices() throws Exception {
        Optional<EngineCredentials> athar = Optional.of(TestEngine.credentials());
        assertThat(send("PUT", "/not-athar", athar).statusCode()).isEqualTo(403);
        assertThat(send(
                                "PUT",
                                "/_cluster/settings",
                                athar,
                                "{\"persistent\":{\"cluster.routing.allocation.enable\"" + ":\"none\"}}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/_security/user", athar).statusCode()).isIn(403, 400);
    }

    @Test
    void the_client_athar_builds_in_embedded_mode_signs_in_with_the_generated_account() throws Exception {
        EngineEndpoint endpoint = new EngineEndpoint(
                List.of(TestEngine.uri()), "embedded", () -> {}, Optional.of(TestEngine.credentials()));
        EngineProperties properties = new EngineProperties(
                TestEngine.dataDir(),
                new EngineProperties.Elasticsearch(
                        EngineProperties.Mode.EMBEDDED,
                        new EngineProperties.Embedded(
                                DataSize.ofMegabytes(512),
                                Duration.ofSeconds(120),
                                "nobody",
                                null,
                                Duration.ofSeconds(1)),
                        null,
                        null));
        try (RestClient rest = EngineRestClient.embedded(endpoint, new ElasticsearchProperties())) {
            ElasticsearchClient client =
                    new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            assertThat(client.cluster().health().clusterName()).isEqualTo("athar");
        }
    }

    @Test
    void the_password_file_is_readable_by_its_owner_only() throws Exception {
        Path file = EngineCredentials.passwordFile(TestEngine.dataDir());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getOwner(file).getName()).isEqualTo(System.getProperty("user.name"));
        assertThat(EngineCredentials.ofEmbedded(TestEngine.dataDir())).isEqualTo(TestEngine.credentials());
        assertThat(TestEngine.credentials().password()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(TestEngine.credentials().toString())
                .doesNotContain(TestEngine.credentials().password());
    }

    @Test
    void the_data_directory_and_the_backups_are_closed_to_other_users() throws Exception {
        Path dataDir = TestEngine.dataDir().toRealPath();
        EngineLayout layout = new EngineLayout(dataDir.resolve("engine"));
        assertThat(Files.getPosixFilePermissions(dataDir))
                .doesNotContainAnyElementsOf(OTHERS)
                .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE);
        assertThat(Files.getPosixFilePermissions(layout.root()))
                .doesNotContainAnyElementsOf(OTHERS)
                .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE);
        for (Path dir : List.of(layout.data(), layout.backups(), layout.config(), layout.logs())) {
            assertThat(Files.getPosixFilePermissions(dir))
                    .as(dir.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        Optional<EngineUser> engineUser = EngineUser.whenRoot("nobody");
        if (engineUser.isPresent()) {
            // Athar runs as root: the node runs as 'nobody', owns its directories and may only pass through the
            // data directory, through its group.
            assertThat(Files.getAttribute(layout.data(), "unix:uid"))
                    .isEqualTo(engineUser.get().uid());
            assertThat(Files.getAttribute(dataDir, "unix:gid"))
                    .isEqualTo(engineUser.get().gid());
            assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx--x---"));
        }
    }

    @Test
    void when_the_node_runs_as_athar_s_own_user_every_directory_is_owner_only() throws Exception {
        Path dataDir = TestEngine.freshDataDir("athar-private");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        EngineLayout layout = new EngineLayout(dataDir.resolve("engine"));
        layout.createDirectories(dataDir);
        layout.restrictAccess(dataDir, Optional.empty());
        for (Path dir : List.of(dataDir, layout.root(), layout.data(), layout.backups(), layout.config())) {
            assertThat(Files.getPosixFilePermissions(dir))
                    .as(dir.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        EngineDistribution.deleteRecursively(dataDir);
    }

    @Test
    void a_password_file_opened_to_others_is_closed_again_and_kept() throws Exception {
        Path dir = TestEngine.freshDataDir("athar-password");
        Path file = dir.resolve("password");
        EngineCredentials created = EngineAccount.loadOrCreate(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(EngineAccount.loadOrCreate(file)).isEqualTo(created);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        EngineDistribution.deleteRecursively(dir);
    }

    private HttpResponse<String> send(String method, String path, Optional<EngineCredentials> credentials)
            throws Exception {
        return send(method, path, credentials, null);
    }

    private HttpResponse<String> send(String method, String path, Optional<EngineCredentials> credentials, String json)
            throws Exception {
        URI uri = TestEngine.uri().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        credentials.ifPresent(c -> request.header("Authorization", c.authorization()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
