package org.athar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.athar.AtharIntegrationTest;
import org.athar.security.Role;
import org.athar.security.TestUsers;
import org.athar.security.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code /actuator/health} against the real node: UP, nothing but the status for an anonymous caller or a signed-in
 * role other than ADMIN; the components (disk path and sizes, engine state) for administrators. The liveness and
 * readiness probes and the build info ({@code /actuator/info}, administrators only).
 */
class HealthEndpointTest extends AtharIntegrationTest {

    @Autowired
    Users users;

    @Test
    void every_signed_in_role_but_admin_reads_the_status_only_and_never_the_data_path_or_disk_sizes() {
        for (Role role : new Role[] {Role.WRITER, Role.ADVOCACY, Role.ANALYST}) {
            TestUsers.Account account = TestUsers.create(users, role);
            ResponseEntity<String> response = anonymous
                    .withBasicAuth(account.username(), account.password())
                    .getForEntity("/actuator/health", String.class);
            assertThat(response.getStatusCode()).as(role.name()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody())
                    .as(role.name())
                    .isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
            assertThat(String.valueOf(anonymous
                            .withBasicAuth(account.username(), account.password())
                            .getForEntity("/actuator/health/diskSpace", String.class)
                            .getBody()))
                    .as(role.name())
                    .doesNotContain("path")
                    .doesNotContain("free");
        }
    }

    @Test
    void an_administrator_reads_the_components_with_their_details() {
        ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"diskSpace\"", "\"path\"", "\"engine\"", "\"aliasReady\"");
    }

    @Test
    void health_is_up_and_shows_anonymous_callers_the_status_only() {
        ResponseEntity<String> response = anonymous.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_sign_in_page_which_opens() {
        ResponseEntity<String> stranger = anonymous
                .withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .getForEntity("/", String.class);
        assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(stranger.getHeaders().getLocation()).hasPath("/login");
        assertThat(anonymous.getForEntity("/login", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void the_probes_answer_anonymous_callers_with_the_status_only() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            ResponseEntity<String> response = anonymous.getForEntity(probe, String.class);
            assertThat(response.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void readiness_includes_the_engine_and_liveness_does_not() {
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getBody())
                .contains("\"engine\"", "\"readinessState\"", "\"aliasReady\"");
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getBody())
                .contains("\"livenessState\"")
                .doesNotContain("engine");
    }

    @Test
    void build_info_is_shown_to_administrators_only() {
        ResponseEntity<String> admin = http.getForEntity("/actuator/info", String.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getBody()).contains("\"build\"", "\"name\"", "\"version\"", "\"time\"");
        assertThat(anonymous.getForEntity("/actuator/info", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        TestUsers.Account analyst = TestUsers.create(users, Role.ANALYST);
        ResponseEntity<String> signedIn = anonymous
                .withBasicAuth(analyst.username(), analyst.password())
                .getForEntity("/actuator/info", String.class);
        assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(signedIn.getBody()).doesNotContain("version");
    }
}
