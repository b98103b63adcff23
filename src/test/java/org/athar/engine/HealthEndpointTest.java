package org.athar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.athar.AtharIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /actuator/health} against the real node: UP, and nothing but the status for an anonymous caller. */
class HealthEndpointTest extends AtharIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void health_is_up_and_shows_anonymous_callers_the_status_only() {
        ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void the_shell_renders_with_the_search_view_when_the_engine_is_up() {
        ResponseEntity<String> response = http.getForEntity("/", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
