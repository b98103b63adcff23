package org.athar.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.http.auth.AuthScope;
import org.apache.http.client.CredentialsProvider;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.apache.http.impl.nio.reactor.IOReactorConfig;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchProperties;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * {@code spring.elasticsearch.*} is honoured as Spring Boot honours it: a path prefix, user info in a URI, an SSL
 * bundle and socket keep-alive reach the real test engine (through a small reverse proxy, as a cluster behind nginx);
 * what cannot apply stops the start naming the property.
 */
class ExternalConnectionTest {

    private static final String STORE_PASSWORD =
            "test-only-" + ProcessHandle.current().pid();

    @TempDir
    static Path dir;

    private static Path keystore;
    private static Path certificate;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, SslAutoConfiguration.class))
            .withUserConfiguration(Wiring.class)
            .withPropertyValues("athar.data-dir=" + dir);

    @Configuration
    @EnableConfigurationProperties(EngineProperties.class)
    @Import({EngineConfiguration.class, JvmSizeConverter.class})
    static class Wiring {}

    /** A key pair for 127.0.0.1 made for this run with the JDK's keytool, and its certificate as PEM. */
    @BeforeAll
    static void makeCertificate() throws Exception {
        keystore = dir.resolve("engine.p12");
        certificate = dir.resolve("engine.pem");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(
                keytool,
                "-genkeypair",
                "-alias",
                "engine",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-keypass",
                STORE_PASSWORD);
        run(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                "engine",
                "-keystore",
                keystore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-file",
                certificate.toString());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private static SSLContext serverTls() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }

    private static String whoAmI(AssertableApplicationContext c) throws IOException {
        assertThat(c).hasNotFailed();
        var response = c.getBean(RestClient.class).performRequest(new Request("GET", "/_security/_authenticate"));
        return EntityUtils.toString(response.getEntity());
    }

    private static String encoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void a_path_prefix_and_the_user_info_of_a_uri_reach_the_engine_behind_a_proxy() throws Exception {
        EngineCredentials login = TestEngine.credentials();
        try (ReverseProxy proxy = new ReverseProxy(TestEngine.uri(), "/search/es", null)) {
            context.withPropertyValues(
                            "athar.elasticsearch.mode=external",
                            "spring.elasticsearch.uris=http://" + encoded(login.username()) + ":"
                                    + encoded(login.password()) + "@127.0.0.1:" + proxy.port(),
                            "spring.elasticsearch.path-prefix=/search/es")
                    .run(c -> {
                        assertThat(whoAmI(c)).contains("\"username\":\"" + login.username() + "\"");
                        assertThat(proxy.paths).isNotEmpty().allMatch(p -> p.startsWith("/search/es/"));
                        // The password never shows in the addresses Athar prints in messages and logs.
                        assertThat(c.getBean(EngineEndpoint.class).uris())
                                .containsExactly(URI.create("http://127.0.0.1:" + proxy.port()));
                    });
        }
    }

    @Test
    void the_engine_is_trusted_through_the_named_ssl_bundle_and_not_without_it() throws Exception {
        EngineCredentials login = TestEngine.credentials();
        try (ReverseProxy proxy = new ReverseProxy(TestEngine.uri(), "/es", serverTls())) {
            ApplicationContextRunner https = context.withPropertyValues(
                    "athar.elasticsearch.mode=external",
                    "spring.elasticsearch.uris=https://127.0.0.1:" + proxy.port(),
                    "spring.elasticsearch.path-prefix=/es",
                    "spring.elasticsearch.username=" + login.username(),
                    "spring.elasticsearch.password=" + login.password());
            https.withPropertyValues(
                            "spring.ssl.bundle.pem.engine.truststore.certificate=file:" + certificate,
                            "spring.elasticsearch.restclient.ssl.bundle=engine")
                    .run(c -> assertThat(whoAmI(c)).contains("\"username\":\"" + login.username() + "\""));
            https.run(c -> assertThatThrownBy(() -> whoAmI(c)).hasStackTraceContaining("PKIX"));
        }
    }

    @Test
    void a_node_s_user_info_wins_over_the_shared_username_for_that_node_and_keep_alive_is_set() {
        ElasticsearchProperties spring = new ElasticsearchProperties();
        spring.setUris(List.of("https://reader:s3cret@es1:9200", "https://es2:9200"));
        spring.setUsername("shared");
        spring.setPassword("other");
        spring.setSocketKeepAlive(true);
        HttpAsyncClientBuilder http = HttpAsyncClientBuilder.create();

        EngineRestClient.configure(http, new SpringConnectionDetails(spring, null), spring);

        CredentialsProvider credentials =
                (CredentialsProvider) ReflectionTestUtils.getField(http, "credentialsProvider");
        assertThat(credentials
                        .getCredentials(new AuthScope("es1", 9200))
                        .getUserPrincipal()
                        .getName())
                .isEqualTo("reader");
        assertThat(credentials.getCredentials(new AuthScope("es1", 9200)).getPassword())
                .isEqualTo("s3cret");
        assertThat(credentials
                        .getCredentials(new AuthScope("es2", 9200))
                        .getUserPrincipal()
                        .getName())
                .isEqualTo("shared");
        IOReactorConfig reactor = (IOReactorConfig) ReflectionTestUtils.getField(http, "defaultIOReactorConfig");
        assertThat(reactor.isSoKeepalive()).isTrue();
    }

    @Test
    void a_path_prefix_in_embedded_mode_stops_the_start_naming_the_property() {
        context.withPropertyValues("athar.elasticsearch.mode=embedded", "spring.elasticsearch.path-prefix=/es")
                .run(c -> assertThat(refusal(c).getDescription())
                        .contains("spring.elasticsearch.path-prefix is set")
                        .contains("athar.elasticsearch.mode=embedded"));
    }

    @Test
    void an_ssl_bundle_in_embedded_mode_stops_the_start_naming_the_property() {
        context.withPropertyValues(
                        "athar.elasticsearch.mode=embedded",
                        "spring.ssl.bundle.pem.engine.truststore.certificate=file:" + certificate,
                        "spring.elasticsearch.restclient.ssl.bundle=engine")
                .run(c -> assertThat(refusal(c).getDescription())
                        .contains("spring.elasticsearch.restclient.ssl.bundle is set"));
    }

    @Test
    void an_ssl_bundle_and_a_ca_certificate_together_stop_the_start_naming_both() {
        context.withPropertyValues(
                        "athar.elasticsearch.mode=external",
                        "spring.elasticsearch.uris=https://127.0.0.1:9",
                        "spring.ssl.bundle.pem.engine.truststore.certificate=file:" + certificate,
                        "spring.elasticsearch.restclient.ssl.bundle=engine",
                        "athar.elasticsearch.ca-certificate=" + certificate)
                .run(c -> {
                    FailureAnalysis analysis = refusal(c);
                    assertThat(analysis.getDescription())
                            .contains("spring.elasticsearch.restclient.ssl.bundle")
                            .contains("athar.elasticsearch.ca-certificate");
                    assertThat(analysis.getAction()).contains("Keep one");
                });
    }

    @Test
    void an_ssl_bundle_that_does_not_exist_stops_the_start_naming_the_property() {
        context.withPropertyValues(
                        "athar.elasticsearch.mode=external",
                        "spring.elasticsearch.uris=https://127.0.0.1:9",
                        "spring.elasticsearch.restclient.ssl.bundle=missing")
                .run(c -> assertThat(refusal(c).getDescription())
                        .contains("spring.elasticsearch.restclient.ssl.bundle names the SSL bundle 'missing'"));
    }

    /** What the start-up failure report shows (Spring Boot's analyzer output), not a stack trace. */
    private static FailureAnalysis refusal(AssertableApplicationContext c) {
        assertThat(c).hasFailed();
        FailureAnalysis analysis = new EngineFailureAnalyzer().analyze(c.getStartupFailure());
        assertThat(analysis).as("an EngineStartException, not another failure").isNotNull();
        return analysis;
    }
}
