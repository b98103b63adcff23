package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.athar.AtharIntegrationTest;
import org.athar.security.FormBrowser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A script that calls a wrong address under {@code /api} (a typo, a version that does not exist, a trailing slash)
 * gets a 404 in the API's JSON error format naming the address, never Athar's web page with 200; an anonymous
 * caller learns nothing about which addresses exist (401 everywhere); screens still reach the web application.
 */
class UnknownApiAddressesTest extends AtharIntegrationTest {

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    /** One wrong call and a phrase its 404 must contain besides the path. */
    private record Wrong(HttpMethod method, String path, String says) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Wrong> WRONG = List.of(
            new Wrong(HttpMethod.GET, "/api/v1/nothing", "/api-docs.html"),
            new Wrong(HttpMethod.GET, "/api/v1/reportz", "/api-docs.html"),
            new Wrong(HttpMethod.GET, "/api/v2/reports", "v1"),
            new Wrong(HttpMethod.GET, "/api/v0/reports", "v1"),
            new Wrong(HttpMethod.GET, "/api/v0", "v1"),
            new Wrong(HttpMethod.GET, "/api/reports", "v1"),
            new Wrong(HttpMethod.GET, "/api/v1/reports/", "trailing slash"),
            new Wrong(HttpMethod.GET, "/api/v1/stats/governorate/", "trailing slash"),
            new Wrong(HttpMethod.GET, "/api/v1/reports/x/y", "/api-docs.html"),
            new Wrong(HttpMethod.GET, "/api/v1/stats/governorate/extra", "/api-docs.html"),
            new Wrong(HttpMethod.GET, "/api/v1", "/api-docs.html"),
            new Wrong(HttpMethod.GET, "/api", "v1"),
            new Wrong(HttpMethod.GET, "/api/", "v1"),
            // A method that exists on other addresses is still no endpoint here.
            new Wrong(HttpMethod.POST, "/api/v1/nothing", "/api-docs.html"),
            new Wrong(HttpMethod.DELETE, "/api/v2/reports", "v1"),
            new Wrong(HttpMethod.PUT, "/api/v1/reports/", "trailing slash"));

    @TestFactory
    Stream<DynamicTest> every_wrong_api_address_answers_404_json_naming_it_and_401_without_credentials() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Wrong wrong : WRONG) {
            tests.add(DynamicTest.dynamicTest("admin " + wrong + " → 404", () -> {
                ResponseEntity<String> r = send(wrong.method(), wrong.path(), basicAdmin());
                assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(404);
                assertThat(error(r))
                        .contains(wrong.method() + " " + wrong.path())
                        .contains(wrong.says());
            }));
            tests.add(DynamicTest.dynamicTest("anonymous " + wrong + " → 401", () -> {
                ResponseEntity<String> r = send(wrong.method(), wrong.path(), null);
                assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(401);
                // The same sentence as for an address that exists: nothing tells which ones do.
                assertThat(error(r)).contains("Authorization: Bearer").doesNotContain(wrong.path());
            }));
        }
        return tests.stream();
    }

    @Test
    void an_unknown_version_names_the_versions_that_exist_and_a_trailing_slash_says_to_drop_it() throws Exception {
        assertThat(error(send(HttpMethod.GET, "/api/v2/reports?size=1", basicAdmin())))
                .isEqualTo("GET /api/v2/reports: there is no API version v2; the versions are v1, e.g. "
                        + "/api/v1/reports (endpoints: /api-docs.html)");
        assertThat(error(send(HttpMethod.GET, "/api/v1/reports/", basicAdmin())))
                .isEqualTo("GET /api/v1/reports/: API addresses take no trailing slash; call /api/v1/reports");
    }

    @Test
    void a_known_address_keeps_its_405_or_415_for_a_method_or_body_it_does_not_take_and_known_addresses_answer()
            throws Exception {
        ResponseEntity<String> delete = send(HttpMethod.DELETE, "/api/v1/reports", basicAdmin());
        assertThat(delete.getStatusCode().value()).as(delete.getBody()).isEqualTo(405);
        assertThat(delete.getHeaders().getContentType())
                .isNotNull()
                .satisfies(t -> assertThat(t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .isTrue());
        assertThat(json.readTree(delete.getBody()).get("error").asText())
                .contains("DELETE /api/v1/reports")
                .contains("takes GET");

        HttpHeaders text = new HttpHeaders();
        text.set(HttpHeaders.AUTHORIZATION, basicAdmin());
        text.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<String> unsupported = anonymous.exchange(
                "/api/v1/admin/users", HttpMethod.POST, new HttpEntity<>("rana", text), String.class);
        assertThat(unsupported.getStatusCode().value())
                .as(unsupported.getBody())
                .isEqualTo(415);

        assertThat(send(HttpMethod.GET, "/api/v1/reports?size=1", basicAdmin())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(send(HttpMethod.GET, "/api/v1/stats/governorate", basicAdmin())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<String> openApi = send(HttpMethod.GET, "/v3/api-docs", basicAdmin());
        assertThat(openApi.getStatusCode().value()).isEqualTo(200);
        assertThat(openApi.getBody()).contains("/api/v1/reports");
        assertThat(anonymous
                        .getForEntity("/actuator/health", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void a_signed_in_browser_gets_404_json_under_api_and_the_web_application_for_screens() throws Exception {
        FormBrowser browser = new FormBrowser(port);
        browser.get("/login");
        assertThat(browser.signIn("admin", ADMIN_PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        HttpResponse<String> api = browser.get("/api/v1/nothing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        assertThat(json.readTree(api.body()).get("error").asText()).contains("GET /api/v1/nothing");

        HttpResponse<String> apiDocs = browser.get("/api-docs.html");
        assertThat(apiDocs.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/swagger-ui/index.html"));
        HttpResponse<String> swagger = browser.get("/swagger-ui/index.html");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.body()).contains("swagger-ui");

        for (String screen : List.of("/", "/search", "/trends", "/no-such-screen")) {
            HttpResponse<String> page = browser.get(screen);
            // Vaadin's page for every screen address; an unknown screen gets its not-found view inside that page.
            assertThat(page.statusCode()).as(screen).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type"))
                    .as(screen)
                    .hasValueSatisfying(t -> assertThat(t).startsWith(MediaType.TEXT_HTML_VALUE));
            assertThat(page.body()).as(screen).contains("<html").contains("window.Vaadin");
        }
    }

    private static String basicAdmin() {
        return "Basic " + HttpHeaders.encodeBasicAuth("admin", ADMIN_PASSWORD, StandardCharsets.UTF_8);
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String authorization) {
        HttpHeaders headers = new HttpHeaders();
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        Object body = null;
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = Map.of("anything", "at all");
        }
        return anonymous.exchange(
                java.net.URI.create("http://localhost:" + port + path),
                method,
                new HttpEntity<>(body, headers),
                String.class);
    }

    /**
     * The API's error format: problem details (unknown-address for 404, sign-in-required for 401) with the sentence
     * in {@code error}, and nothing else.
     */
    private String error(ResponseEntity<String> r) throws Exception {
        JsonNode body = ProblemAnswers.problem(
                r,
                r.getStatusCode().value(),
                r.getStatusCode().value() == 404 ? "unknown-address" : "sign-in-required");
        assertThat(body.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "error");
        return body.get("error").asText();
    }
}
