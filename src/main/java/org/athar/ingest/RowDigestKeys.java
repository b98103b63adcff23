package org.athar.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.athar.engine.EngineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The installation's secret key for row digests: 32 random bytes made at the first start, kept in the data directory
 * ({@value #FILE}, readable by its owner only) and in the engine ({@code athar-keys}), so that every instance on the
 * cluster digests alike and every backup carries the key of its reports. The engine's copy wins: after a restore it
 * is the key the restored digests were made with, and the file is brought in line.
 */
@Component
public class RowDigestKeys {

    /** Where the key is kept, under {@code athar.data-dir}. */
    static final String FILE = "keys/row-digest.key";

    static final int KEY_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(RowDigestKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final DigestKeyStore store;
    private final Path file;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RowDigestKeys(DigestKeyStore store, EngineProperties engine, Clock clock) {
        this.store = store;
        this.file = engine.dataDir().toAbsolutePath().normalize().resolve(FILE);
        this.clock = clock;
    }

    /** Makes the key at the first start, so that it exists (and is backed up) before the first import. */
    @EventListener(ApplicationReadyEvent.class)
    public void createAtFirstStart() {
        try {
            current();
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "The row-digest key could not be read or created yet ({}); the first import tries again",
                    e.getMessage());
        }
    }

    /** The digest to import a batch with, keyed with the key the stored reports were digested with. */
    synchronized RowDigest current() throws IOException {
        return new RowDigest(decode(resolve()));
    }

    /** Where the key file is: for the operator's backup of the data directory and for tests. */
    Path file() {
        return file;
    }

    private String resolve() throws IOException {
        Optional<String> inEngine = store.read();
        Optional<String> onDisk = readFile();
        String key;
        if (inEngine.isPresent()) {
            key = inEngine.get();
        } else {
            key = store.keep(onDisk.orElseGet(this::generate), clock.instant());
            if (onDisk.isPresent() && onDisk.get().equals(key)) {
                log.warn("The engine held no row-digest key (index athar-keys); stored the one of {} again", file);
            } else {
                log.info("Created the row-digest key (HMAC-SHA-256) in the engine and in {}", file);
            }
        }
        decode(key);
        if (!onDisk.equals(Optional.of(key))) {
            if (onDisk.isPresent()) {
                log.warn(
                        "The row-digest key in {} differs from the engine's (the reports were restored from a backup "
                                + "or written by another Athar instance); replacing the file by the engine's key",
                        file);
            }
            writeFile(key);
        }
        return key;
    }

    private String generate() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private byte[] decode(String key) throws IOException {
        try {
            byte[] bytes = Base64.getDecoder().decode(key.strip());
            if (bytes.length == KEY_BYTES) {
                return bytes;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        throw new IOException("the row-digest key is not " + KEY_BYTES + " bytes in Base64; restore " + file
                + " or the index athar-keys from a backup");
    }

    private Optional<String> readFile() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            restrict(file, OWNER_ONLY_FILE);
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        } catch (IOException e) {
            log.warn("Could not read the row-digest key file {} ({}); using the engine's copy", file, e.getMessage());
            return Optional.empty();
        }
    }

    // The engine's copy is what imports use; a data directory Athar cannot write only loses the local copy.
    private void writeFile(String key) {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            restrict(dir, OWNER_ONLY_DIR);
            Path temp = Files.createTempFile(dir, "row-digest", ".tmp");
            restrict(temp, OWNER_ONLY_FILE);
            Files.writeString(temp, key + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn(
                    "Could not write the row-digest key to {} ({}); it is kept in the engine (index athar-keys) and "
                            + "in its backups. Make athar.data-dir writable to keep a copy there too",
                    file,
                    e.getMessage());
        }
    }

    /** Owner-only permissions where the file system has POSIX permissions (elsewhere the directory's own apply). */
    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")
                && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
