package org.athar.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code athar.*} that choose and shape the search engine Athar talks to.
 *
 * @param dataDir the directory for everything Athar stores locally, including the embedded engine and its indices
 * @param elasticsearch which engine Athar uses and how it signs in to it
 */
@ConfigurationProperties("athar")
public record EngineProperties(
        @DefaultValue("./data") Path dataDir, @DefaultValue Elasticsearch elasticsearch) {

    /**
     * {@code athar.elasticsearch.*}.
     *
     * @param mode {@code embedded}: Athar runs its own Elasticsearch node; {@code external}: Athar connects to the
     *     cluster at {@code spring.elasticsearch.uris}
     * @param embedded the node Athar runs itself (embedded mode only)
     * @param apiKey external mode: an API key (the base64 {@code encoded} value) instead of username and password
     * @param caCertificate external mode: a PEM file with the CA that signed the cluster's HTTP certificate (or use
     *     {@code spring.elasticsearch.restclient.ssl.bundle}, not both)
     */
    public record Elasticsearch(
            @DefaultValue("embedded") Mode mode,
            @DefaultValue Embedded embedded,
            String apiKey,
            Path caCertificate) {

        public Optional<String> apiKeyIfSet() {
            return Optional.ofNullable(apiKey).filter(k -> !k.isBlank());
        }

        public Optional<Path> caCertificateIfSet() {
            return Optional.ofNullable(caCertificate);
        }
    }

    /**
     * {@code athar.elasticsearch.embedded.*}: the node Athar starts itself; {@code heap} is its {@code -Xms} and
     * {@code -Xmx}, written as the JVM writes it ({@code 512m}, {@code 1g}) or as {@code 512MB}.
     *
     * @param heap the node's Java heap ({@code -Xms} and {@code -Xmx}): {@code 512m}, {@code 1g} or {@code 512MB}
     * @param startTimeout how long Athar waits for the node to start and its primary shards to be active
     * @param runAs when Athar runs as root: the user the node runs as (Elasticsearch refuses to run as root)
     * @param distribution another Elasticsearch distribution zip to run instead of the one inside Athar
     * @param restartDelay the wait before restarting a node that exited on its own; doubles after each failed
     *     attempt, at most 60 s
     */
    public record Embedded(
            @DefaultValue("512m") @JvmSize DataSize heap,
            @DefaultValue("120s") Duration startTimeout,
            @DefaultValue("nobody") String runAs,
            Path distribution,
            @DefaultValue("1s") Duration restartDelay) {}

    /** Where the engine comes from. */
    public enum Mode {
        /** Athar unpacks and runs its own single node on loopback. */
        EMBEDDED,
        /** Athar connects to a cluster given by {@code spring.elasticsearch.uris}. */
        EXTERNAL
    }

    EmbeddedEngine.Settings embeddedSettings() {
        Embedded e = elasticsearch.embedded();
        return new EmbeddedEngine.Settings(
                dataDir,
                JvmSizeConverter.jvmOption(e.heap()),
                e.startTimeout(),
                e.runAs(),
                Optional.ofNullable(e.distribution()),
                e.restartDelay());
    }
}
