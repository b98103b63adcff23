package org.athar.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The unprivileged account the embedded node runs under when Athar runs as root: Elasticsearch refuses to run
 * as root, so the node is started through {@code setpriv} with its directories owned by that account.
 */
record EngineUser(String name, int uid, int gid) {

    /** The account to drop to, or empty when Athar does not run as root (the node then runs as Athar's user). */
    static Optional<EngineUser> whenRoot(String runAs) {
        if (!"root".equals(ProcessHandle.current().info().user().orElse(System.getProperty("user.name")))) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
            return Optional.of(lines.map(l -> l.split(":"))
                    .filter(f -> f.length > 3 && f[0].equals(runAs))
                    .findFirst()
                    .map(f -> new EngineUser(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3])))
                    .orElseThrow(() -> new EngineStartException(
                            "Athar runs as root and must start Elasticsearch as an unprivileged user, but the user '"
                                    + runAs + "' does not exist on this machine",
                            "Set athar.elasticsearch.embedded.run-as (ATHAR_ELASTICSEARCH_EMBEDDED_RUNAS) to an "
                                    + "existing unprivileged user, or run Athar as a non-root user.")));
        } catch (IOException e) {
            throw new EngineStartException(
                    "Cannot read /etc/passwd to find the user '" + runAs + "'", "Run Athar as a non-root user.", e);
        }
    }

    List<String> wrap(List<String> command) {
        List<String> wrapped =
                new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives this user every file under {@code dir} (the node's config, data, logs, tmp and run directories). */
    void own(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (!Integer.valueOf(uid).equals(Files.getAttribute(p, "unix:uid"))) {
                    Files.setAttribute(p, "unix:uid", uid);
                    Files.setAttribute(p, "unix:gid", gid);
                }
            }
        }
    }

    /**
     * Makes sure this user can reach {@code dataDir}: the data directory lets this user's group through (see
     * {@link #letTraverse}); a parent it does not own stops the start with the directory and the remedy.
     */
    void ensureCanTraverse(Path dataDir) throws IOException {
        Path real = dataDir.toRealPath();
        letTraverse(real);
        for (Path p = real.getParent(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new EngineStartException(
                        "Athar runs as root, so the embedded Elasticsearch runs as the user '" + name
                                + "', which cannot enter " + p + " (a parent of the data directory " + real + ")",
                        "Run 'chmod o+x " + p + "', or set athar.data-dir (ATHAR_DATA_DIR) to a directory every user "
                                + "can reach, such as /var/lib/athar, or run Athar as a non-root user.");
            }
        }
    }

    /**
     * A directory of Athar's (root's) that this user must pass through, and nobody else: it gets this user's group
     * with permission to traverse it, not to list it ({@code rwx--x---}); other users get nothing.
     */
    void letTraverse(Path dir) throws IOException {
        if (!Integer.valueOf(gid).equals(Files.getAttribute(dir, "unix:gid"))) {
            Files.setAttribute(dir, "unix:gid", gid);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x---"));
    }
}
