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
 * role other than ADMIN; the components (disk path and sizes, engine state) for administrators.
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
            assertThat(response.getBody()).as(role.name()).isEqualTo("{\"status\":\"UP\"}");
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
        assertThat(response.getBody()).isEqualTo("{\"status\":\"UP\"}");
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
}
