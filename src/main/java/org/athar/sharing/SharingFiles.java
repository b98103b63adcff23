package org.athar.sharing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.athar.engine.EngineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sealed files under {@code <athar.data-dir>/sharing/packages}: written under a temporary name while the SHA-256
 * of their bytes is computed, and given their real name only once complete, so a half-written package never looks
 * like one.
 */
@Component
class SharingFiles {

    private static final Logger log = LoggerFactory.getLogger(SharingFiles.class);

    /** What writes a file's bytes. */
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** A complete file under its temporary name, with the SHA-256 of its bytes (lower-case hex). */
    record Pending(Path temporary, String sha256, long bytes) {}

    private final Path directory;

    SharingFiles(EngineProperties properties) {
        this.directory = properties
                .dataDir()
                .toAbsolutePath()
                .normalize()
                .resolve("sharing")
                .resolve("packages");
    }

    /** Writes a file under a temporary name; nothing is left behind when {@code body} fails. */
    Pending write(Body body) throws IOException {
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".athar-sharing-", ".part");
        try {
            MessageDigest sha = sha256();
            try (OutputStream out =
                    new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)), sha)) {
                body.write(out);
            }
            return new Pending(temporary, HexFormat.of().formatHex(sha.digest()), Files.size(temporary));
        } catch (IOException | RuntimeException e) {
            discard(temporary);
            throw e;
        }
    }

    /** Gives a pending file its name. */
    void commit(Pending pending, String fileName) throws IOException {
        try {
            Path target = file(fileName);
            // A sent package's file is never replaced (ATOMIC_MOVE may replace silently on Linux).
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(pending.temporary(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discard(pending.temporary());
            throw e;
        }
    }

    void discard(Pending pending) {
        discard(pending.temporary());
    }

    /** Removes a committed file whose ledger entry could not be written. */
    void remove(String fileName) {
        discard(file(fileName));
    }

    Optional<Path> find(String fileName) {
        Path f = file(fileName);
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    InputStream open(Path file) throws IOException {
        return Files.newInputStream(file);
    }

    private Path file(String fileName) {
        Path f = directory.resolve(fileName).normalize();
        if (!f.getParent().equals(directory)) {
            throw new IllegalArgumentException("not a package file name: " + fileName);
        }
        return f;
    }

    private static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the sharing file {}: {}", file, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
