package org.athar.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The embedded node's one account, for Athar: a generated password kept owner-only in
 * {@code <data-dir>/engine/password}, and the node's file realm ({@code users}, {@code users_roles},
 * {@code roles.yml} in its config directory) that admits it with the role {@value #ROLE}.
 *
 * <p>The file realm, not {@code bootstrap.password} in the keystore: the three files are written from Java in
 * milliseconds and offline, with no extra JVM launch of {@code bin/elasticsearch-keystore} at each start, no
 * {@code .security} index to create before the node can answer, and a role narrower than the {@code elastic}
 * superuser.
 */
final class EngineAccount {

    private static final Logger log = LoggerFactory.getLogger(EngineAccount.class);
    static final String ROLE = "athar_engine";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What Athar does on its engine and nothing else: health and stats, its index templates, snapshots to and
     * restores from its repository (and deleting an old backup by hand), and everything on its own indices. Not
     * security administration, not cluster settings, not any index outside {@code athar-*}.
     */
    private static final String ROLES = String.join(
            "\n",
            "# Written by Athar at each start; edits are overwritten. See docs/security.md (The embedded engine).",
            ROLE + ":",
            "  cluster:",
            "    - monitor",
            "    - manage_index_templates",
            "    - create_snapshot",
            "    - monitor_snapshot",
            "    - \"cluster:admin/repository/put\"",
            "    - \"cluster:admin/snapshot/restore\"",
            "    - \"cluster:admin/snapshot/delete\"",
            "  indices:",
            "    - names: [ \"athar-*\" ]",
            "      privileges: [ \"all\" ]",
            "");

    private EngineAccount() {}

    /**
     * The password in {@code file}, created (owner-only, random, 256 bits) when there is none yet; a file other
     * users could read is first made owner-only again.
     */
    static EngineCredentials loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                keepOwnerOnly(file);
                String password = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!password.isEmpty()) {
                    return new EngineCredentials(EngineCredentials.EMBEDDED_USERNAME, password);
                }
            }
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            writeOwnerOnly(file, password + "\n");
            log.info(
                    "Created the embedded engine's password for the account '{}' in {} (readable by its owner only)",
                    EngineCredentials.EMBEDDED_USERNAME,
                    file);
            return new EngineCredentials(EngineCredentials.EMBEDDED_USERNAME, password);
        } catch (IOException e) {
            throw new EngineStartException(
                    "Cannot read or create the embedded engine's password file " + file + ": " + e.getMessage(),
                    "Check that athar.data-dir (ATHAR_DATA_DIR) is writable by the account that "
                            + "runs Athar; delete the file to have a new password created at the next start.",
                    e);
        }
    }

    /** Writes the node's file realm so that it admits exactly {@code credentials}, with {@value #ROLE}. */
    static void writeRealm(Path configDir, EngineCredentials credentials) throws IOException {
        String hash = new BCryptPasswordEncoder().encode(credentials.password());
        writeOwnerOnly(configDir.resolve("users"), credentials.username() + ":" + hash + "\n");
        writeOwnerOnly(configDir.resolve("users_roles"), ROLE + ":" + credentials.username() + "\n");
        writeOwnerOnly(configDir.resolve("roles.yml"), ROLES);
    }

    /**
     * The node's security settings: authentication on every request, only the file realm (no {@code elastic}
     * superuser, no native users or API keys, so no {@code .security} index), no anonymous access. HTTP stays
     * plain: the node listens on 127.0.0.1 only, where nothing travels over a network a third party could read,
     * and TLS would add a certificate to create, renew and trust in every client.
     */
    static Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("xpack.security.enabled", true);
        settings.put("xpack.security.autoconfiguration.enabled", false);
        settings.put("xpack.security.enrollment.enabled", false);
        settings.put("xpack.security.http.ssl.enabled", false);
        settings.put("xpack.security.transport.ssl.enabled", false);
        settings.put("xpack.security.authc.reserved_realm.enabled", false);
        settings.put("xpack.security.authc.api_key.enabled", false);
        settings.put("xpack.security.authc.realms.file.athar_file.order", 0);
        return settings;
    }

    /** Writes {@code text} so that no other user can read it at any moment (a new file, then renamed). */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        boolean posix = Files.getFileStore(parent).supportsFileAttributeView(PosixFileAttributeView.class);
        Path temp = parent.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        try (SeekableByteChannel out = Files.newByteChannel(
                temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void keepOwnerOnly(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
            log.warn(
                    "{} was open to other users ({}); made it readable by its owner only again",
                    file,
                    PosixFilePermissions.toString(perms));
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }
}
