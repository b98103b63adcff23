package org.athar.engine;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.athar.report.ReportJson;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Connects Athar to its engine: starts the embedded node (default) or points at an external cluster, and builds
 * the one Elasticsearch client every feature uses.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ElasticsearchProperties.class)
class EngineConfiguration {

    @Bean
    EngineEndpoint engineEndpoint(
            EngineProperties properties,
            ElasticsearchProperties spring,
            ObjectProvider<ElasticsearchConnectionDetails> details,
            ObjectProvider<SslBundles> bundles) {
        if (properties.elasticsearch().mode() == EngineProperties.Mode.EMBEDDED) {
            refuseWhatEmbeddedCannotUse(spring);
            EmbeddedEngine engine = EmbeddedEngine.start(properties.embeddedSettings());
            return new EngineEndpoint(List.of(engine.uri()), "embedded", engine, Optional.of(engine.credentials()));
        }
        List<URI> uris = connection(spring, details, bundles).getNodes().stream()
                .map(SpringConnectionDetails::address)
                .toList();
        return new EngineEndpoint(uris, "external", () -> {});
    }

    @Bean(destroyMethod = "close")
    RestClient restClient(
            EngineEndpoint endpoint,
            EngineProperties properties,
            ElasticsearchProperties spring,
            ObjectProvider<ElasticsearchConnectionDetails> details,
            ObjectProvider<SslBundles> bundles) {
        if (properties.elasticsearch().mode() == EngineProperties.Mode.EMBEDDED) {
            return EngineRestClient.embedded(endpoint, spring);
        }
        return EngineRestClient.external(connection(spring, details, bundles), properties.elasticsearch(), spring);
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        // The same mapper the report JSON contract is tested with, so stored documents match it exactly.
        return new ElasticsearchClient(
                new RestClientTransport(restClient, new JacksonJsonpMapper(ReportJson.newMapper())));
    }

    /** A connection details bean (a service connection) if there is one, else {@code spring.elasticsearch.*}. */
    private static ElasticsearchConnectionDetails connection(
            ElasticsearchProperties spring,
            ObjectProvider<ElasticsearchConnectionDetails> details,
            ObjectProvider<SslBundles> bundles) {
        return details.getIfAvailable(() -> new SpringConnectionDetails(spring, bundles.getIfAvailable()));
    }

    /**
     * The embedded node listens on 127.0.0.1 over plain HTTP at its root: a path prefix or an SSL bundle meant for
     * it would be ignored, so Athar refuses to start rather than run with a setting that does nothing.
     */
    private static void refuseWhatEmbeddedCannotUse(ElasticsearchProperties spring) {
        if (StringUtils.hasText(spring.getPathPrefix())) {
            throw embeddedRefusal(SpringConnectionDetails.PATH_PREFIX);
        }
        if (StringUtils.hasText(spring.getRestclient().getSsl().getBundle())) {
            throw embeddedRefusal(SpringConnectionDetails.SSL_BUNDLE);
        }
    }

    private static EngineStartException embeddedRefusal(String property) {
        return new EngineStartException(
                property + " is set, but Athar runs its own engine (athar.elasticsearch.mode=embedded), which "
                        + "listens on 127.0.0.1 over plain HTTP at its root and cannot use it",
                "Remove " + property + ", or set athar.elasticsearch.mode=external to connect to a cluster that "
                        + "needs it.");
    }
}
