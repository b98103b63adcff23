package org.athar.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The one real Elasticsearch node that all tests of a test JVM share, started by the same launcher the application
 * uses, in a fresh directory under the system temp dir (traversable when tests run as root).
 */
public final class TestEngine {

    private static EmbeddedEngine engine;
    private static co.elastic.clients.elasticsearch.ElasticsearchClient superuser;

    private TestEngine() {}

    public static synchronized URI uri() {
        if (engine == null) {
            Path dir = freshDataDir("athar-test-engine");
            engine = EmbeddedEngine.start(
                    new EmbeddedEngine.Settings(dir, "512m", Duration.ofSeconds(180), "nobody", Optional.empty()));
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "athar-test-engine-stop"));
        }
        return engine.uri();
    }

    /** The account the node admits (it refuses requests without it), as Athar's client uses it. */
    public static synchronized EngineCredentials credentials() {
        uri();
        return engine.credentials();
    }

    /** The node's data directory (what {@code athar.data-dir} would be). */
    public static synchronized Path dataDir() {
        uri();
        return engine.dataDir();
    }

    /** The node's snapshot repository directory ({@code path.repo}), for the tests' backup repository. */
    public static synchronized Path backupsDir() {
        uri();
        return engine.dataDir().toAbsolutePath().normalize().resolve("backups");
    }

    /**
     * A client signed in as a superuser of the test node, for the few tests that change the node itself (cluster
     * settings): Athar's own account has a least-privilege role that may not. The superuser is added to the node's
     * file realm once (the node reloads the realm's files within seconds); it exists on the test node only.
     */
    public static synchronized co.elastic.clients.elasticsearch.ElasticsearchClient superuserClient() {
        uri();
        EngineCredentials admin = new EngineCredentials(
                "athar-test-superuser",
                "test-superuser-" + ProcessHandle.current().pid());
        try {
            if (superuser == null) {
                Path users;
                try (var files = Files.walk(engine.dataDir())) {
                    users = files.filter(f -> f.getFileName().toString().equals("users_roles"))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no file realm under " + engine.dataDir()));
                }
                String hash =
                        new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(admin.password());
                Files.writeString(
                        users.resolveSibling("users"),
                        admin.username() + ":" + hash + "\n",
                        java.nio.file.StandardOpenOption.APPEND);
                Files.writeString(
                        users, "superuser:" + admin.username() + "\n", java.nio.file.StandardOpenOption.APPEND);
                URI uri = engine.uri();
                var rest = org.elasticsearch.client.RestClient.builder(
                                new org.apache.http.HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()))
                        .setDefaultHeaders(new org.apache.http.Header[] {
                            new org.apache.http.message.BasicHeader("Authorization", admin.authorization())
                        })
                        .build();
                superuser = new co.elastic.clients.elasticsearch.ElasticsearchClient(
                        new co.elastic.clients.transport.rest_client.RestClientTransport(
                                rest, new co.elastic.clients.json.jackson.JacksonJsonpMapper()));
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (true) {
                    try {
                        superuser.cluster().health();
                        break;
                    } catch (RuntimeException | IOException e) {
                        if (System.nanoTime() > until) {
                            throw new IllegalStateException("the test superuser was not admitted within 60 s", e);
                        }
                        Thread.sleep(500);
                    }
                }
            }
            return superuser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty directory for a data dir; the launcher opens it up for the engine user itself. */
    public static Path freshDataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
