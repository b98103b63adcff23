package org.athar.sharing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.athar.engine.EngineProperties;
import org.athar.engine.IndexLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes this installation's OpenPGP key at the first start and loads it afterwards. The engine's copy
 * ({@code athar-keys}, id {@code openpgp}) is authoritative, so instances sharing one engine and restored backups
 * share the key; {@value #FILE} under the data directory is the operator's offline copy (owner-only) and puts the key
 * back when the engine lost it.
 */
@Configuration(proxyBeanMethods = false)
class InstallationKeys {

    /** Where the operator's copy is kept, under {@code athar.data-dir}. */
    static final String FILE = "sharing/installation-key.asc";

    private static final Logger log = LoggerFactory.getLogger(InstallationKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    @Bean
    InstallationKey installationKey(
            InstallationKeyStore store,
            IndexLifecycle lifecycle,
            EngineProperties engine,
            SharingProperties properties,
            Clock clock) {
        Path file = engine.dataDir().toAbsolutePath().normalize().resolve(FILE);
        Optional<String> onDisk = readFile(file);
        String armoured;
        try {
            if (!lifecycle.isReady()) {
                throw new IOException("the engine's indices are not ready");
            }
            Optional<String> inEngine = store.read();
            if (inEngine.isPresent()) {
                armoured = inEngine.get();
            } else {
                String candidate = onDisk.orElseGet(() ->
                        InstallationKey.generate(properties.installationName()).privateKeyArmoured());
                armoured = store.keep(candidate, clock.instant());
                if (onDisk.isPresent() && onDisk.get().equals(armoured)) {
                    log.warn("The engine held no OpenPGP key (index athar-keys); stored the one of {} again", file);
                }
            }
        } catch (IOException e) {
            // An external cluster may not be up yet; the file keeps the installation's identity until it is.
            armoured = onDisk.orElseGet(() ->
                    InstallationKey.generate(properties.installationName()).privateKeyArmoured());
            log.warn(
                    "Could not read or store the OpenPGP key in the engine ({}); using the key of {} until restart",
                    e.getMessage(),
                    file);
        }
        InstallationKey key = InstallationKey.fromArmoured(armoured);
        if (!onDisk.equals(Optional.of(armoured))) {
            if (onDisk.isPresent()) {
                log.warn(
                        "The OpenPGP key in {} differs from the engine's (restored from a backup or made by another "
                                + "instance); replacing the file by the engine's key {}",
                        file,
                        key.fingerprint());
            } else {
                log.info("This installation's OpenPGP key is {}; a copy is in {}", key.fingerprint(), file);
            }
            writeFile(file, armoured);
        }
        return key;
    }

    private static Optional<String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            restrict(file, OWNER_ONLY_FILE);
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            log.warn("Could not read the OpenPGP key file {} ({}); using the engine's copy", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static void writeFile(Path file, String armoured) {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            restrict(dir, OWNER_ONLY_DIR);
            Path temp = Files.createTempFile(dir, "installation-key", ".tmp");
            restrict(temp, OWNER_ONLY_FILE);
            Files.writeString(temp, armoured.strip() + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn(
                    "Could not write the OpenPGP key to {} ({}); it is kept in the engine (index athar-keys) and in "
                            + "its backups. Make athar.data-dir writable to keep a copy there too",
                    file,
                    e.getMessage());
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")
                && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
