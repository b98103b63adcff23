package org.athar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.athar.AtharIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /actuator/health} against the real node: UP, and nothing but the status for an anonymous caller. */
class HealthEndpointTest extends AtharIntegrationTest {

    @Test
    void health_is_up_and_shows_anonymous_callers_the_status_only() {
        ResponseEntity<String> response = anonymous.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_sign_in_page_which_opens() {
        ResponseEntity<String> stranger = anonymous.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .getForEntity("/", String.class);
        assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(stranger.getHeaders().getLocation()).hasPath("/login");
        assertThat(anonymous.getForEntity("/login", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
