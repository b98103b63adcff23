package org.athar.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;

/**
 * The answer of {@code GET _cluster/health?wait_for_status=yellow}, read as JSON: its {@code status} and
 * {@code timed_out} fields, not text that might also appear in another field.
 */
record ClusterHealth(String status, boolean timedOut) {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Green, or yellow: a single node cannot host replicas of an index that asks for them, but yellow still means
    // every primary shard, so every document, is available.
    private static final Set<String> PRIMARIES_ACTIVE = Set.of("green", "yellow");

    /** The health in {@code body}; an answer without both fields reads as not ready. */
    static ClusterHealth parse(String body) {
        try {
            JsonNode health = JSON.readTree(body);
            JsonNode timedOut = health.path("timed_out");
            return new ClusterHealth(
                    health.path("status").asText(""), !timedOut.isBoolean() || timedOut.booleanValue());
        } catch (JsonProcessingException e) {
            return new ClusterHealth("", true);
        }
    }

    /** True once every primary shard is active, within the wait the request asked for. */
    boolean primariesActive() {
        return !timedOut && PRIMARIES_ACTIVE.contains(status);
    }
}
