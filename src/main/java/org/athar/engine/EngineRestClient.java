package org.athar.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.apache.http.impl.nio.reactor.IOReactorConfig;
import org.apache.http.message.BasicHeader;
import org.apache.http.nio.conn.ssl.SSLIOSessionStrategy;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails.Node;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.util.StringUtils;

/**
 * Builds the low-level REST client the way Spring Boot's {@code ElasticsearchRestClientConfigurations} does: nodes,
 * path prefix, credentials (also per node, from a URI's user info), SSL bundle, socket keep-alive and the two
 * timeouts; plus Athar's own API key and CA certificate for a cluster.
 */
final class EngineRestClient {

    static final String CA_CERTIFICATE = "athar.elasticsearch.ca-certificate";

    private EngineRestClient() {}

    /** The client of the node Athar runs itself: loopback, plain HTTP, its own account. */
    static RestClient embedded(EngineEndpoint endpoint, ElasticsearchProperties spring) {
        HttpHost[] hosts = endpoint.uris().stream()
                .map(u -> new HttpHost(u.getHost(), u.getPort(), u.getScheme()))
                .toArray(HttpHost[]::new);
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        endpoint.credentials()
                .ifPresent(l -> credentials.setCredentials(
                        AuthScope.ANY, new UsernamePasswordCredentials(l.username(), l.password())));
        RestClientBuilder builder = RestClient.builder(hosts);
        timeouts(builder, spring);
        builder.setHttpClientConfigCallback(http -> {
            keepAlive(http, spring);
            return http.setDefaultCredentialsProvider(credentials);
        });
        return builder.build();
    }

    /** The client of an external cluster. */
    static RestClient external(
            ElasticsearchConnectionDetails connection,
            EngineProperties.Elasticsearch athar,
            ElasticsearchProperties spring) {
        SslBundle bundle = connection.getSslBundle();
        Optional<Path> caCertificate = athar.caCertificateIfSet();
        if (bundle != null && caCertificate.isPresent()) {
            throw new EngineStartException(
                    "Both " + SpringConnectionDetails.SSL_BUNDLE + " and " + CA_CERTIFICATE
                            + " are set; Athar cannot tell which one should decide whom to trust",
                    "Keep one: the SSL bundle (" + SpringConnectionDetails.SSL_BUNDLE + ") or the PEM file ("
                            + CA_CERTIFICATE + "), and remove the other.");
        }
        HttpHost[] hosts = connection.getNodes().stream()
                .map(n -> new HttpHost(n.hostname(), n.port(), SpringConnectionDetails.scheme(n)))
                .toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        if (StringUtils.hasText(connection.getPathPrefix())) {
            builder.setPathPrefix(connection.getPathPrefix());
        }
        timeouts(builder, spring);
        athar.apiKeyIfSet()
                .ifPresent(key ->
                        builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + key)}));
        SSLContext trustingCa = caCertificate.map(EngineRestClient::trusting).orElse(null);
        builder.setHttpClientConfigCallback(http -> {
            configure(http, connection, spring);
            if (bundle != null) {
                SslOptions options = bundle.getOptions();
                // No hostname verifier given: the client's default checks the certificate names the node, as Boot's.
                http.setSSLStrategy(new SSLIOSessionStrategy(
                        bundle.createSslContext(), options.getEnabledProtocols(), options.getCiphers(), null));
            } else if (trustingCa != null) {
                http.setSSLContext(trustingCa);
            }
            return http;
        });
        return builder.build();
    }

    /** Credentials and keep-alive of an external cluster (separate from the build for its test). */
    static void configure(
            HttpAsyncClientBuilder http, ElasticsearchConnectionDetails connection, ElasticsearchProperties spring) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        if (StringUtils.hasText(connection.getUsername())) {
            credentials.setCredentials(
                    AuthScope.ANY, new UsernamePasswordCredentials(connection.getUsername(), connection.getPassword()));
        }
        // A node's own user info wins over the shared username for that node, as in Boot.
        for (Node node : connection.getNodes()) {
            if (node.username() != null) {
                credentials.setCredentials(
                        new AuthScope(node.hostname(), node.port()),
                        new UsernamePasswordCredentials(node.username(), node.password()));
            }
        }
        http.setDefaultCredentialsProvider(credentials);
        keepAlive(http, spring);
    }

    private static void timeouts(RestClientBuilder builder, ElasticsearchProperties spring) {
        builder.setRequestConfigCallback(r -> r.setConnectTimeout(millis(spring.getConnectionTimeout()))
                .setSocketTimeout(millis(spring.getSocketTimeout())));
    }

    private static void keepAlive(HttpAsyncClientBuilder http, ElasticsearchProperties spring) {
        if (spring.isSocketKeepAlive()) {
            http.setDefaultIOReactorConfig(
                    IOReactorConfig.custom().setSoKeepAlive(true).build());
        }
    }

    private static int millis(Duration duration) {
        return (int) duration.toMillis();
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
                    "Set " + CA_CERTIFICATE + " (ATHAR_ELASTICSEARCH_CACERTIFICATE) to a PEM file, "
                            + "such as the cluster's http_ca.crt.",
                    e);
        }
    }
}
