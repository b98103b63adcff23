package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.athar.AtharIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The REST API a script depends on is the served OpenAPI document; it changes only on purpose. The document served
 * now must equal {@code src/test/resources/api/openapi-v1.json} (compared as JSON: the order of an object's fields
 * does not matter, the order of lists does). An intended change to the API updates that file in the same commit, and
 * the commit message names the change: run this test with {@code -Dathar.openapi.record=true} to write the served
 * document there, then review the diff.
 */
class OpenApiUnchangedTest extends AtharIntegrationTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/api/openapi-v1.json");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_served_api_document_is_the_one_on_record() throws Exception {
        ResponseEntity<String> served = http.getForEntity("/v3/api-docs", String.class);
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        JsonNode now = withoutServers(json.readTree(served.getBody()));
        if (Boolean.getBoolean("athar.openapi.record")) {
            Files.writeString(
                    SNAPSHOT,
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(now) + "\n",
                    StandardCharsets.UTF_8);
        }
        JsonNode recorded = json.readTree(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
        assertThat(now.get("paths").size())
                .as("number of API paths")
                .isEqualTo(recorded.get("paths").size());
        assertThat(now)
                .as("the served /v3/api-docs differs from " + SNAPSHOT
                        + " (an intended change: record it with -Dathar.openapi.record=true and name it in the commit)")
                .isEqualTo(recorded);
    }

    /** The server address carries the test's random port; it is not part of the API. */
    private static JsonNode withoutServers(JsonNode doc) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("servers");
        return doc;
    }
}
