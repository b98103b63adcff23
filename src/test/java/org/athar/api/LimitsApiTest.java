package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athar.AtharIntegrationTest;
import org.athar.security.Role;
import org.athar.security.TestUsers;
import org.athar.security.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The limits of issue 17 §7 over HTTP, signed in for real: the size of a PNG and the renders at once per user, backup
 * names that never reach the engine's snapshot API, and parameters the engine cannot take (a NUL in a name, dates
 * far outside any report) answered with a 400 naming the parameter in a fixed sentence instead of a 500.
 */
class LimitsApiTest extends AtharIntegrationTest {

    @Autowired
    Users users;

    @Autowired
    ChartRenderSlots slots;

    private final ObjectMapper json = new ObjectMapper();

    private static ResponseEntity<String> get(TestRestTemplate as, String pathAndQuery) {
        // Sent exactly as written: %00 and %2B must reach the server encoded as they are.
        return as.getForEntity(URI.create(as.getRootUri() + pathAndQuery), String.class);
    }

    private TestRestTemplate writer() {
        TestUsers.Account account = TestUsers.create(users, Role.WRITER);
        return anonymous.withBasicAuth(account.username(), account.password());
    }

    private JsonNode assertBadParameter(ResponseEntity<String> answer, String parameter, String... notEchoed)
            throws IOException {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = ProblemAnswers.problem(answer, 400, "bad-parameter");
        assertThat(body.get("parameter").asText()).isEqualTo(parameter);
        for (String text : notEchoed) {
            assertThat(body.get("error").asText()).doesNotContain(text);
        }
        return body;
    }

    @Test
    void a_writer_asking_for_an_8000_by_8000_png_at_600_dpi_gets_a_400_naming_the_parameter() throws IOException {
        TestRestTemplate writer = writer();
        assertBadParameter(
                get(writer, "/api/v1/charts/breakdown.png?by=status&width=8000&height=8000&dpi=600"), "width");
        assertBadParameter(get(writer, "/api/v1/charts/timeline.png?height=8000&width=2001"), "width");
        assertBadParameter(get(writer, "/api/v1/charts/timeline.png?height=8000"), "height");
        JsonNode dpiOnly = assertBadParameter(get(writer, "/api/v1/charts/timeline.png?dpi=600"), "dpi");
        assertThat(dpiOnly.get("error").asText()).contains("16,000,000 pixels");

        ResponseEntity<String> fits = get(writer, "/api/v1/charts/breakdown.png?by=status&width=1200&height=800");
        assertThat(fits.getStatusCode()).isEqualTo(HttpStatus.OK);
        // A vector drawing holds no raster: its size is not limited by the pixel budget.
        assertThat(get(writer, "/api/v1/charts/breakdown.svg?by=status&width=8000&height=8000")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_third_render_while_two_of_the_same_user_run_gets_429_with_a_fixed_sentence() throws IOException {
        String chart = "/api/v1/charts/breakdown.png?by=status&width=800&height=600";
        List<ChartRenderSlots.Slot> running = new ArrayList<>();
        try {
            running.add(slots.take("admin").orElseThrow());
            running.add(slots.take("admin").orElseThrow());
            ResponseEntity<String> refused = get(http, chart);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(json.readTree(refused.getBody()).get("error").asText())
                    .isEqualTo("two charts of yours are being drawn already; wait until one is done and ask again");
            assertThat(get(writer(), chart).getStatusCode())
                    .as("another user draws meanwhile")
                    .isEqualTo(HttpStatus.OK);
        } finally {
            running.forEach(ChartRenderSlots.Slot::close);
        }
        assertThat(get(http, chart).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(slots.take("admin")).isPresent().get().satisfies(ChartRenderSlots.Slot::close);
    }

    @Test
    void backup_names_the_engine_would_read_as_its_own_words_are_a_400_naming_the_parameter() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        for (String name :
                List.of("_status", "_all", "_current", "-athar", "ATHAR-20260101-000000", "a*", "x".repeat(65))) {
            JsonNode got = assertBadParameter(get(http, "/api/v1/admin/backups/" + name), "name");
            assertThat(got.get("error").asText()).doesNotContain("es/", "127.0.0.1", "decode", "Exception");
            ResponseEntity<String> restore = http.exchange(
                    URI.create(http.getRootUri() + "/api/v1/admin/backups/" + name + "/restore"),
                    HttpMethod.POST,
                    new HttpEntity<>("{\"confirm\": \"" + name + "\"}", headers),
                    String.class);
            assertBadParameter(restore, "name");
        }
        assertThat(get(http, "/api/v1/admin/backups/athar-19990101-000000").getStatusCode())
                .as("a well-formed name that is no backup")
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_nul_in_a_parameter_name_is_a_400_naming_the_parameter_as_sent() throws IOException {
        for (String path : List.of(
                "/api/v1/reports?q%00=x",
                "/api/v1/stats/governorate?gov%00ernorate=SY01", "/api/v1/admin/audit?user%0A=x")) {
            JsonNode body =
                    assertBadParameter(get(http, path), path.substring(path.indexOf('?') + 1, path.indexOf('=')));
            assertThat(body.get("error").asText()).contains("control character").doesNotContain("\u0000");
        }
        // A NUL inside a value is only text that matches no report: never a server error.
        assertThat(get(http, "/api/v1/reports?source=a%00b").getStatusCode().is5xxServerError())
                .isFalse();
    }

    @Test
    void dates_outside_1900_to_2100_are_a_400_naming_the_parameter_with_a_fixed_sentence() throws IOException {
        Map<String, String> cases = Map.of(
                "/api/v1/reports?to=%2B999999999-12-31", "to",
                "/api/v1/reports?from=1899-12-31", "from",
                "/api/v1/stats/year?to=%2B999999999-12-31", "to",
                "/api/v1/stats/governorate?from=-000001-01-01", "from",
                "/api/v1/charts/timeline.svg?to=2101-01-01", "to",
                "/api/v1/exports/workbook.xlsx?to=%2B999999999-12-31", "to");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            JsonNode body = assertBadParameter(
                    get(http, c.getKey()), c.getValue(), "999999999", "1899", "2101-01-01", "-000001");
            assertThat(body.get("error").asText())
                    .as(c.getKey())
                    .isEqualTo(c.getValue() + " must be a date from 1900-01-01 to 2100-12-31, written YYYY-MM-DD");
        }
        assertThat(get(http, "/api/v1/reports?from=1900-01-01&to=2100-12-31").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void audit_dates_before_1970_or_after_2100_are_a_400_naming_the_parameter_with_a_fixed_sentence()
            throws IOException {
        for (String query : List.of(
                "from=0000-01-01",
                "from=1969-12-31",
                "to=%2B999999999-12-31",
                "from=0000-01-01T00:00:00Z",
                "to=2101-01-02")) {
            String parameter = query.substring(0, query.indexOf('='));
            for (String endpoint : List.of("/api/v1/admin/audit?", "/api/v1/admin/audit.csv?")) {
                JsonNode body = assertBadParameter(
                        get(http, endpoint + query), parameter, "0000", "1969", "999999999", "2101-01-02");
                assertThat(body.get("error").asText())
                        .isEqualTo(parameter + " must be a date (2026-11-29) or an "
                                + "instant (2026-11-29T10:00:00Z) from 1970-01-01 to 2100-12-31");
            }
        }
        assertThat(get(http, "/api/v1/admin/audit?from=1970-01-01&to=2100-12-31")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
