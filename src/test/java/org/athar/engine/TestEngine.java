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

    private TestEngine() {}

    public static synchronized URI uri() {
        if (engine == null) {
            Path dir = freshDataDir("athar-test-engine");
            engine = EmbeddedEngine.start(new EmbeddedEngine.Settings(dir, "512m", Duration.ofSeconds(180), "nobody",
                    Optional.empty()));
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

    /** A new, empty directory for a data dir; the launcher opens it up for the engine user itself. */
    public static Path freshDataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
