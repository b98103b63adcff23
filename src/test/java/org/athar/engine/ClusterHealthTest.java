package org.athar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up wait reads the node's health answer as JSON, field by field. */
class ClusterHealthTest {

    @Test
    void green_or_yellow_within_the_wait_means_every_primary_shard_is_active() {
        assertThat(ClusterHealth.parse("{\"cluster_name\":\"athar\",\"status\":\"green\",\"timed_out\":false}")
                        .primariesActive())
                .isTrue();
        assertThat(ClusterHealth.parse("{\"cluster_name\":\"athar\",\"status\":\"yellow\",\"timed_out\":false}")
                        .primariesActive())
                .isTrue();
    }

    @Test
    void a_wait_that_timed_out_or_a_red_cluster_is_not_ready() {
        assertThat(ClusterHealth.parse("{\"status\":\"red\",\"timed_out\":true}")
                        .primariesActive())
                .isFalse();
        assertThat(ClusterHealth.parse("{\"status\":\"red\",\"timed_out\":false}")
                        .primariesActive())
                .isFalse();
        // Spacing the old substring test did not expect: it read this answer as ready.
        assertThat(ClusterHealth.parse("{\"status\": \"red\", \"timed_out\": true}")
                        .primariesActive())
                .isFalse();
    }

    @Test
    void the_words_timed_out_inside_another_field_do_not_decide() {
        // The old test looked for the text "timed_out":true anywhere in the answer, so this ready node read as not
        // ready, however long it waited.
        String body = "{\"cluster_name\":\"athar\",\"status\":\"green\",\"timed_out\":false,"
                + "\"last_check\":{\"timed_out\":true}}";
        assertThat(body).contains("\"timed_out\":true");
        assertThat(ClusterHealth.parse(body).primariesActive()).isTrue();
    }

    @Test
    void an_answer_that_is_not_health_is_not_ready() {
        assertThat(ClusterHealth.parse("<html>proxy error</html>").primariesActive())
                .isFalse();
        assertThat(ClusterHealth.parse("{\"status\":\"green\"}").primariesActive())
                .isFalse();
        assertThat(ClusterHealth.parse("").primariesActive()).isFalse();
    }
}
