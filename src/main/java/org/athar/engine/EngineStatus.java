package org.athar.engine;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.RequestOptions;
import org.springframework.stereotype.Component;

/** Whether the engine answers and Athar's indices are ready, checked quickly and cached for a moment. */
@Component
public class EngineStatus {

    private static final Duration CACHE = Duration.ofSeconds(2);

    /** One observation of the engine. */
    public record Snapshot(
            boolean up, String clusterHealth, boolean indicesReady, Optional<String> problem, Instant checkedAt) {}

    private final ElasticsearchClient client;
    private final IndexLifecycle indices;
    private final EngineEndpoint endpoint;
    private final Clock clock;
    private volatile Snapshot last;

    EngineStatus(ElasticsearchClient client, IndexLifecycle indices, EngineEndpoint endpoint, Clock clock) {
        RequestConfig quick = RequestConfig.custom()
                .setConnectTimeout(1000)
                .setSocketTimeout(3000)
                .build();
        this.client = client.withTransportOptions(new RestClientOptions(
                RequestOptions.DEFAULT.toBuilder().setRequestConfig(quick).build(), false));
        this.indices = indices;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    public Snapshot current() {
        Snapshot s = last;
        Instant now = clock.instant();
        if (s == null || s.checkedAt().plus(CACHE).isBefore(now)) {
            s = check(now);
            last = s;
        }
        return s;
    }

    public boolean isAvailable() {
        return current().up();
    }

    private Snapshot check(Instant now) {
        try {
            HealthResponse health = client.cluster().health();
            String status = health.status().jsonValue();
            boolean aliasReady = indices.isReady()
                    && client.indices()
                            .existsAlias(b -> b.name(EngineIndices.REPORTS))
                            .value();
            Optional<String> problem = aliasReady
                    ? Optional.empty()
                    : Optional.of("the alias " + EngineIndices.REPORTS + " does not exist yet");
            boolean up = aliasReady && !"red".equals(status);
            return new Snapshot(up, status, aliasReady, problem, now);
        } catch (Exception e) {
            if (endpoint.owner() instanceof EmbeddedEngine embedded && embedded.isRestarting()) {
                return new Snapshot(
                        false,
                        "restarting",
                        false,
                        Optional.of("the embedded Elasticsearch at " + endpoint.uris()
                                + " stopped unexpectedly and Athar is restarting it on the same data"),
                        now);
            }
            return new Snapshot(
                    false,
                    "unreachable",
                    false,
                    Optional.of("Elasticsearch at " + endpoint.uris() + " did not answer: " + e.getMessage()),
                    now);
        }
    }
}
