package org.athar.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Settings under {@code athar.*} that choose and shape the search engine Athar talks to. */
@ConfigurationProperties("athar")
public record EngineProperties(
        @DefaultValue("./data") Path dataDir, @DefaultValue Elasticsearch elasticsearch) {

    /** {@code athar.elasticsearch.*}. */
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
