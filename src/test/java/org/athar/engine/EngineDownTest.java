package org.athar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An external cluster that does not answer: Athar still starts and says DOWN (the page users see then is checked in a
 * real browser by ShellInBrowserIT).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "athar.elasticsearch.mode=external",
            "spring.elasticsearch.uris=http://127.0.0.1:9",
            "spring.elasticsearch.connection-timeout=500ms",
            "athar.demo.enabled=false"
        })
class EngineDownTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void health_is_down_with_status_503() {
        ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getBody()).isEqualTo("{\"status\":\"DOWN\",\"groups\":[\"liveness\",\"readiness\"]}");
    }

    @Test
    void an_engine_outage_makes_athar_not_ready_but_never_asks_for_a_restart() {
        ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(readiness.getBody()).isEqualTo("{\"status\":\"DOWN\"}");
        // An orchestrator restarts what fails liveness; restarting Athar cannot bring a cluster back.
        ResponseEntity<String> liveness = http.getForEntity("/actuator/health/liveness", String.class);
        assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(liveness.getBody()).isEqualTo("{\"status\":\"UP\"}");
    }
}
