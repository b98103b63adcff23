package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /api/v1/admin/users} as admin: 201, 409, 400 naming the field, listing without hashes, PATCH. */
class AdminUsersApiTest extends AtharIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();
    private final String name = "api-user-" + UUID.randomUUID().toString().substring(0, 8);

    private ResponseEntity<String> create(Object body) {
        return http.postForEntity("/api/v1/admin/users", body, String.class);
    }

    private ResponseEntity<String> patch(String username, Object body) {
        return http.exchange("/api/v1/admin/users/" + username, HttpMethod.PATCH, new HttpEntity<>(body), String.class);
    }

    @Test
    void a_created_user_answers_201_with_its_roles_and_then_signs_in_with_basic() throws Exception {
        ResponseEntity<String> r =
                create(Map.of("username", name, "password", "a long synthetic passphrase", "roles", List.of("writer")));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getHeaders().getLocation()).hasPath("/api/v1/admin/users/" + name);
        JsonNode user = json.readTree(r.getBody());
        assertThat(user.get("username").asText()).isEqualTo(name);
        assertThat(user.get("roles")).extracting(JsonNode::asText).containsExactly("WRITER");
        assertThat(user.get("enabled").asBoolean()).isTrue();

        ResponseEntity<String> asWriter = anonymous
                .withBasicAuth(name, "a long synthetic passphrase")
                .getForEntity("/api/v1/reports?size=1", String.class);
        assertThat(asWriter.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_taken_username_answers_409() {
        create(Map.of("username", name, "password", "a long synthetic passphrase", "roles", List.of("WRITER")));
        ResponseEntity<String> again = create(Map.of(
                "username",
                name.toUpperCase(Locale.ROOT),
                "password",
                "another synthetic passphrase",
                "roles",
                List.of("ANALYST")));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("already exists");
    }

    @Test
    void a_weak_password_a_bad_username_and_an_unknown_role_answer_400_naming_the_field() throws Exception {
        assertBadRequest(
                create(Map.of("username", name, "password", "too short", "roles", List.of("WRITER"))), "password");
        assertBadRequest(create(Map.of("username", name, "password", name, "roles", List.of("WRITER"))), "password");
        assertBadRequest(
                create(Map.of("username", name, "password", "aaaaaaaaaaaa", "roles", List.of("WRITER"))), "password");
        assertBadRequest(
                create(Map.of("username", name, "password", "123456789012", "roles", List.of("WRITER"))), "password");
        assertBadRequest(
                create(Map.of("username", name, "password", "iloveyou2026", "roles", List.of("WRITER"))), "password");
        assertBadRequest(
                create(Map.of(
                        "username", "a b", "password", "a long synthetic passphrase", "roles", List.of("WRITER"))),
                "username");
        assertBadRequest(
                create(Map.of("username", name, "password", "a long synthetic passphrase", "roles", List.of("EDITOR"))),
                "roles");
        assertBadRequest(create(Map.of("username", name, "password", "a long synthetic passphrase")), "roles");
        assertThat(http.getForEntity("/api/v1/admin/users", String.class).getBody())
                .doesNotContain(name);
    }

    @Test
    void the_user_list_never_carries_a_hash_secret_or_token() throws Exception {
        create(Map.of("username", name, "password", "a long synthetic passphrase", "roles", List.of("ANALYST")));
        ResponseEntity<String> r = http.getForEntity("/api/v1/admin/users", String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody())
                .contains("\"" + name + "\"")
                .doesNotContain("$2a$")
                .doesNotContain("hash")
                .doesNotContain("secret")
                .doesNotContain("passphrase")
                .doesNotContain("recovery");
        JsonNode users = json.readTree(r.getBody());
        // No "lockedUntil" any more: accounts are never locked (failed sign-ins are slowed down per address).
        assertThat(users.get(0).fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("username", "roles", "enabled", "twoFactor", "createdAt", "apiTokens");
    }

    @Test
    void patch_changes_roles_and_disables_and_a_disabled_user_can_no_longer_sign_in() throws Exception {
        create(Map.of("username", name, "password", "a long synthetic passphrase", "roles", List.of("WRITER")));
        ResponseEntity<String> r = patch(name, Map.of("roles", List.of("ANALYST", "ADVOCACY")));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(r.getBody()).get("roles"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("ANALYST", "ADVOCACY");

        assertThat(patch(name, Map.of("enabled", false)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous
                        .withBasicAuth(name, "a long synthetic passphrase")
                        .getForEntity("/api/v1/reports?size=1", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(patch(name, Map.of("enabled", true, "password", "a reset synthetic passphrase"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(anonymous
                        .withBasicAuth(name, "a reset synthetic passphrase")
                        .getForEntity("/api/v1/reports?size=1", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void patch_refuses_unknown_fields_wrong_types_and_unknown_users() throws Exception {
        create(Map.of("username", name, "password", "a long synthetic passphrase", "roles", List.of("WRITER")));
        assertBadRequest(patch(name, Map.of("role", List.of("ADMIN"))), "role");
        assertBadRequest(patch(name, Map.of("enabled", "no")), "enabled");
        assertBadRequest(patch(name, Map.of("password", "short")), "password");
        ResponseEntity<String> missing = patch("no-such-user-" + UUID.randomUUID(), Map.of("enabled", true));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(missing.getBody()).get("error").asText()).contains("no user");
    }

    private void assertBadRequest(ResponseEntity<String> r, String field) throws Exception {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = json.readTree(r.getBody());
        assertThat(body.get("parameter").asText()).isEqualTo(field);
        assertThat(body.get("error").asText()).isNotBlank();
    }
}
