package org.athar.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A user name and password for the engine's HTTP API: the embedded node's generated account for Athar, or the
 * {@code spring.elasticsearch.username}/{@code password} of a cluster. Never printed: {@link #toString()} hides the
 * password.
 */
public record EngineCredentials(String username, String password) {

    /** The embedded node's one account; its password is in {@code <data-dir>/engine/password}. */
    public static final String EMBEDDED_USERNAME = "athar";

    /** The value of an HTTP {@code Authorization} header for these credentials (Basic). */
    public String authorization() {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The embedded engine's credentials of the Athar whose data directory is {@code dataDir}, as Athar created them
     * at its first start: for tools and tests that talk to that engine directly.
     */
    public static EngineCredentials ofEmbedded(Path dataDir) {
        Path file = passwordFile(dataDir);
        try {
            return new EngineCredentials(
                    EMBEDDED_USERNAME,
                    Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the embedded engine's password at " + file
                            + "; it is created at Athar's first start with this data directory",
                    e);
        }
    }

    /** Where the embedded engine's password for Athar is kept (owner-only). */
    public static Path passwordFile(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("engine").resolve("password");
    }

    @Override
    public String toString() {
        return "EngineCredentials[username=" + username + ", password=(hidden)]";
    }
}
