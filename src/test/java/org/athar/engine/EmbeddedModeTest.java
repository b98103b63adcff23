package org.athar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as installed (embedded mode, its own node in its own data directory): it signs in to the node
 * with the account it generated, while the node refuses the same request without it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedModeTest {

    private static final String ADMIN_PASSWORD = "test-admin-passphrase-2026";
    private static final Path DATA_DIR = TestEngine.freshDataDir("athar-embedded-mode");

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("athar.elasticsearch.mode", () -> "embedded");
        registry.add("athar.data-dir", DATA_DIR::toString);
        registry.add("athar.elasticsearch.embedded.start-timeout", () -> "180s");
        registry.add("athar.demo.enabled", () -> "false");
        registry.add("athar.security.admin-password", () -> ADMIN_PASSWORD);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EngineEndpoint endpoint;

    @Test
    void athar_reads_and_writes_its_own_node_while_the_node_refuses_anyone_without_the_account() throws Exception {
        assertThat(http.getForEntity("/actuator/health", String.class).getBody())
                .isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
        // Signing in reads the users index and writes an audit entry: both go through Athar's client.
        assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD)
                        .getForEntity("/api/v1/reports?size=1", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        URI engine = endpoint.uris().get(0);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = client.send(
                HttpRequest.newBuilder(engine.resolve("/athar-users/_search")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("admin");
        HttpResponse<String> athar = client.send(
                HttpRequest.newBuilder(engine.resolve("/athar-users/_count"))
                        .header(
                                "Authorization",
                                EngineCredentials.ofEmbedded(DATA_DIR).authorization())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(athar.statusCode()).as(athar.body()).isEqualTo(200);
        assertThat(athar.body()).contains("\"count\":1");
    }
}
