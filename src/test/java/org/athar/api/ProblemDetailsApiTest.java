package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every kind of API error through the running application answers RFC 9457 problem details
 * ({@code application/problem+json}: type, title, status, detail, instance) and keeps {@code error} and
 * {@code parameter}, whatever the client accepts: the security chain's 401 and 403, the 404 of an unknown address,
 * Spring's 405, 406 and 415, unreadable JSON and a bad parameter (docs/api.md).
 */
class ProblemDetailsApiTest extends AtharIntegrationTest {

    @Autowired
    Users users;

    private ResponseEntity<String> send(
            TestRestTemplate as, HttpMethod method, String path, MediaType type, String body, String accept) {
        HttpHeaders headers = new HttpHeaders();
        if (type != null) {
            headers.setContentType(type);
        }
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        return as.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void without_or_with_refused_credentials_the_401_is_a_sign_in_required_problem_with_its_challenge()
            throws IOException {
        ResponseEntity<String> none = anonymous.getForEntity("/api/v1/reports", String.class);
        JsonNode body = ProblemAnswers.problem(none, 401, "sign-in-required");
        assertThat(body.get("title").asText()).isEqualTo("Sign-in required");
        assertThat(body.get("error").asText()).contains("Authorization: Bearer");
        assertThat(none.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).anyMatch(h -> h.startsWith("Basic"));

        ResponseEntity<String> wrong =
                anonymous.withBasicAuth("admin", "not the password").getForEntity("/api/v1/reports", String.class);
        assertThat(ProblemAnswers.problem(wrong, 401, "sign-in-required")
                        .get("error")
                        .asText())
                .contains("not accepted");
    }

    @Test
    void a_role_without_the_permission_gets_a_403_permission_missing_problem_naming_it() throws IOException {
        TestUsers.Account writer = TestUsers.create(users, Role.WRITER);
        ResponseEntity<String> r = anonymous
                .withBasicAuth(writer.username(), writer.password())
                .getForEntity("/api/v1/admin/users", String.class);
        JsonNode body = ProblemAnswers.problem(r, 403, "permission-missing");
        assertThat(body.get("permission").asText()).isEqualTo("ADMINISTER");
        assertThat(body.get("error").asText())
                .contains("needs the permission ADMINISTER")
                .contains("ask an administrator");
        assertThat(body.get("instance").asText()).isEqualTo("/api/v1/admin/users");
    }

    @Test
    void an_unknown_address_is_a_404_unknown_address_problem_even_for_a_client_that_accepts_only_json()
            throws IOException {
        ResponseEntity<String> r = send(http, HttpMethod.GET, "/api/v1/nothing", null, null, "application/json");
        JsonNode body = ProblemAnswers.problem(r, 404, "unknown-address");
        assertThat(body.get("error").asText()).contains("GET /api/v1/nothing").contains("/api-docs.html");
        assertThat(body.get("instance").asText()).isEqualTo("/api/v1/nothing");
    }

    @Test
    void a_method_a_body_type_or_an_accept_the_endpoint_does_not_take_is_an_about_blank_problem_saying_what_it_takes()
            throws IOException {
        ResponseEntity<String> method = send(http, HttpMethod.DELETE, "/api/v1/reports", null, null, null);
        JsonNode m = ProblemAnswers.problem(method, 405, null);
        assertThat(m.get("title").asText()).isEqualTo("Method Not Allowed");
        assertThat(m.get("error").asText()).contains("does not take DELETE").contains("GET");
        assertThat(method.getHeaders().getAllow()).contains(HttpMethod.GET);

        ResponseEntity<String> type =
                send(http, HttpMethod.POST, "/api/v1/admin/users", MediaType.TEXT_PLAIN, "rana", null);
        assertThat(ProblemAnswers.problem(type, 415, null).get("error").asText())
                .contains("send application/json");

        ResponseEntity<String> accept = send(http, HttpMethod.GET, "/api/v1/linkage/pairs", null, null, "text/csv");
        assertThat(ProblemAnswers.problem(accept, 406, null).get("error").asText())
                .contains("accept application/json");
    }

    @Test
    void malformed_json_is_a_400_unreadable_body_problem_naming_body() throws IOException {
        ResponseEntity<String> r =
                send(http, HttpMethod.POST, "/api/v1/admin/users", MediaType.APPLICATION_JSON, "{\"username\": ", null);
        JsonNode body = ProblemAnswers.problem(r, 400, "unreadable-body");
        assertThat(body.get("parameter").asText()).isEqualTo("body");
    }

    @Test
    void a_bad_parameter_is_a_400_bad_parameter_problem_naming_it_even_for_a_client_that_asked_for_csv()
            throws IOException {
        ResponseEntity<String> r = send(http, HttpMethod.GET, "/api/v1/reports?size=0", null, null, null);
        JsonNode body = ProblemAnswers.problem(r, 400, "bad-parameter");
        assertThat(body.get("parameter").asText()).isEqualTo("size");
        assertThat(body.get("instance").asText()).isEqualTo("/api/v1/reports");

        ResponseEntity<String> csv =
                send(http, HttpMethod.GET, "/api/v1/admin/audit.csv?from=yesterday", null, null, "text/csv");
        assertThat(ProblemAnswers.problem(csv, 400, "bad-parameter")
                        .get("parameter")
                        .asText())
                .isEqualTo("from");
    }
}
