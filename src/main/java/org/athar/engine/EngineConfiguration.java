package org.athar.engine;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.athar.report.ReportJson;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects Athar to its engine: starts the embedded node (default) or points at an external cluster, and builds
 * the one Elasticsearch client every feature uses.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ElasticsearchProperties.class)
class EngineConfiguration {

    @Bean
    EngineEndpoint engineEndpoint(EngineProperties properties, ElasticsearchProperties spring) {
        if (properties.elasticsearch().mode() == EngineProperties.Mode.EMBEDDED) {
            EmbeddedEngine engine = EmbeddedEngine.start(properties.embeddedSettings());
            return new EngineEndpoint(List.of(engine.uri()), "embedded", engine, Optional.of(engine.credentials()));
        }
        List<URI> uris = spring.getUris().stream().map(URI::create).toList();
        return new EngineEndpoint(uris, "external", () -> {});
    }

    @Bean(destroyMethod = "close")
    RestClient restClient(EngineEndpoint endpoint, EngineProperties properties, ElasticsearchProperties spring) {
        HttpHost[] hosts = endpoint.uris().stream()
                .map(u -> new HttpHost(u.getHost(), u.getPort(), u.getScheme()))
                .toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts)
                .setRequestConfigCallback(r -> r.setConnectTimeout(
                                (int) spring.getConnectionTimeout().toMillis())
                        .setSocketTimeout((int) spring.getSocketTimeout().toMillis()));
        // The embedded node's own account, or the cluster's configured user; an API key only for a cluster.
        Optional<EngineCredentials> login = endpoint.credentials()
                .or(() -> Optional.ofNullable(spring.getUsername())
                        .map(user -> new EngineCredentials(user, spring.getPassword())));
        if (endpoint.credentials().isEmpty()) {
            properties
                    .elasticsearch()
                    .apiKeyIfSet()
                    .ifPresent(key -> builder.setDefaultHeaders(
                            new Header[] {new BasicHeader("Authorization", "ApiKey " + key)}));
        }
        SSLContext ssl = properties
                .elasticsearch()
                .caCertificateIfSet()
                .map(EngineConfiguration::trusting)
                .orElse(null);
        builder.setHttpClientConfigCallback(http -> {
            login.ifPresent(l -> {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(l.username(), l.password()));
                http.setDefaultCredentialsProvider(credentials);
            });
            if (ssl != null) {
                http.setSSLContext(ssl);
            }
            return http;
        });
        return builder.build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        // The same mapper the report JSON contract is tested with, so stored documents match it exactly.
        return new ElasticsearchClient(
                new RestClientTransport(restClient, new JacksonJsonpMapper(ReportJson.newMapper())));
    }

    private static SSLContext trusting(Path caCertificate) {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new EngineStartException(
                    "Cannot read the CA certificate " + caCertificate + ": " + e.getMessage(),
                    "Set athar.elasticsearch.ca-certificate (ATHAR_ELASTICSEARCH_CACERTIFICATE) to a PEM file, "
                            + "such as the cluster's http_ca.crt.",
                    e);
        }
    }
}
