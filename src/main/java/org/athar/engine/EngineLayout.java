package org.athar.engine;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Where the embedded node keeps its configuration, data, logs and pid file under {@code <data-dir>/engine}. */
record EngineLayout(Path root) {

    private static final Logger log = LoggerFactory.getLogger(EngineLayout.class);
    private static final String HTTP_PORT = "http.port";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    // With security on, the node tries ten times per start to copy its built-in roles into a .security index that
    // this distribution cannot create (it lacks the analysis module the index needs), logging a stack trace each
    // time. Athar uses the file realm only and never needs that index.
    static final String QUIET_LOGGERS = String.join(
            "\n",
            "",
            "# Added by Athar: see EngineLayout.QUIET_LOGGERS.",
            "logger.athar_builtin_roles.name = org.elasticsearch.xpack.security.support.QueryableBuiltInRolesSynchronizer",
            "logger.athar_builtin_roles.level = off",
            "");

    Path config() {
        return root.resolve("config");
    }

    Path data() {
        return root.resolve("data");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path tmp() {
        return root.resolve("tmp");
    }

    Path run() {
        return root.resolve("run");
    }

    /** Snapshot repository ({@code path.repo}): {@code <data-dir>/backups}, beside the engine, not inside it. */
    Path backups() {
        return root.resolveSibling("backups");
    }

    Path pidFile() {
        return run().resolve("elasticsearch.pid");
    }

    Path consoleLog() {
        return logs().resolve("console.log");
    }

    List<Path> nodeOwnedDirectories() {
        return List.of(config(), data(), logs(), tmp(), run(), backups());
    }

    void createDirectories(Path dataDir) {
        try {
            for (Path dir : nodeOwnedDirectories()) {
                Files.createDirectories(dir);
            }
            Path probe = Files.createTempFile(root, "write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new EngineStartException(
                    "The data directory " + dataDir.toAbsolutePath() + " is not writable (" + e.getMessage() + ")",
                    "Set athar.data-dir (environment variable ATHAR_DATA_DIR) to a directory Athar can write to.",
                    e);
        }
    }

    /** The HTTP port in the node configuration last written for this data directory, by whichever start wrote it. */
    Optional<Integer> configuredHttpPort() {
        try (Reader in = Files.newBufferedReader(config().resolve("elasticsearch.yml"), StandardCharsets.UTF_8)) {
            return Optional.ofNullable(new Yaml().<Map<String, Object>>load(in))
                    .map(settings -> settings.get(HTTP_PORT))
                    .filter(Integer.class::isInstance)
                    .map(Integer.class::cast);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    Optional<Long> readPid() {
        try {
            String text = Files.readString(pidFile()).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A node left running by an Athar that was killed (kill -9, power loss) still holds the data directory's lock;
     * stop it so this start can reuse the data.
     */
    void stopLeftoverNode(Duration grace) {
        Optional<ProcessHandle> leftover = readPid()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("org.elasticsearch"));
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle node = leftover.get();
        log.warn(
                "An Elasticsearch node from an earlier run is still running (pid {}); stopping it to reuse {}",
                node.pid(),
                data());
        node.destroy();
        try {
            node.onExit().get(grace.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            node.destroyForcibly();
            node.onExit().join();
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            log.debug("could not delete {}", pidFile(), e);
        }
    }

    /** Athar's password for the node, owner-only; see {@link EngineAccount}. */
    Path passwordFile() {
        return root.resolve("password");
    }

    /**
     * The node's {@code elasticsearch.yml}. Written by a YAML library, not by joining lines: a path is data, and a
     * data directory such as {@code /srv/a: b #c} must reach the node whole, not cut at {@code #} or read as a
     * nested key.
     */
    String nodeSettings(int httpPort, int transportPort) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("cluster.name", "athar");
        node.put("node.name", "athar-embedded");
        node.put("path.data", data().toString());
        node.put("path.logs", logs().toString());
        node.put("path.repo", backups().toString());
        node.put("network.host", "127.0.0.1");
        node.put(HTTP_PORT, httpPort);
        node.put("transport.port", transportPort);
        node.put("discovery.type", "single-node");
        Map<String, Object> disk = new LinkedHashMap<>();
        disk.put("cluster.routing.allocation.disk.watermark.low", "2gb");
        disk.put("cluster.routing.allocation.disk.watermark.high", "1gb");
        disk.put("cluster.routing.allocation.disk.watermark.flood_stage", "500mb");
        Map<String, Object> security = new LinkedHashMap<>(EngineAccount.settings());
        security.put("action.destructive_requires_name", true);
        return String.join(
                "",
                "# Written by Athar at each start; edits are overwritten.\n",
                yaml().dump(node),
                "# Every request must authenticate: other processes and users on this machine reach the port too.\n",
                yaml().dump(security),
                "# Absolute disk watermarks: percentages block writes on large, mostly full disks.\n",
                yaml().dump(disk));
    }

    // Block style, one "key: value" per line; the library quotes whatever a plain scalar would misread.
    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options);
    }

    void writeConfig(Path home, int httpPort, int transportPort, String heap, EngineCredentials credentials) {
        try {
            Files.writeString(
                    config().resolve("elasticsearch.yml"),
                    nodeSettings(httpPort, transportPort),
                    StandardCharsets.UTF_8);
            // GC logs and crash files default to the working directory; keep them under logs/.
            String jvmOptions = Files.readAllLines(home.resolve("config/jvm.options")).stream()
                    .map(l -> l.replace("file=gc.log", "file=" + logs().resolve("gc.log"))
                            .replace("ErrorFile=hs_err_pid%p.log", "ErrorFile=" + logs().resolve("hs_err_pid%p.log")))
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(config().resolve("jvm.options"), jvmOptions);
            Files.writeString(
                    config().resolve("log4j2.properties"),
                    Files.readString(home.resolve("config/log4j2.properties")) + QUIET_LOGGERS);
            Files.createDirectories(config().resolve("jvm.options.d"));
            Files.writeString(
                    config().resolve("jvm.options.d/athar-heap.options"), "-Xms" + heap + "\n-Xmx" + heap + "\n");
            EngineAccount.writeRealm(config(), credentials);
        } catch (IOException e) {
            throw new EngineStartException(
                    "Could not write the engine configuration in " + config() + ": " + e.getMessage(),
                    "Check that athar.data-dir (ATHAR_DATA_DIR) is writable.",
                    e);
        }
    }

    /**
     * Closes the data directory to other users: the node's directories (data, backups, logs, config, …) and the
     * engine directory become owner-only, and so does the data directory when the node runs as Athar's own user.
     * When Athar runs as root the node's user ({@code user}) must still pass through the data and engine
     * directories: they get its group and may be traversed, not listed, by that group only.
     */
    void restrictAccess(Path dataDir, Optional<EngineUser> user) {
        try {
            if (!Files.getFileStore(root).supportsFileAttributeView(PosixFileAttributeView.class)) {
                return;
            }
            for (Path dir : nodeOwnedDirectories()) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
            for (Path dir : List.of(dataDir.toRealPath(), root.toRealPath())) {
                if (user.isPresent()) {
                    user.get().letTraverse(dir);
                } else {
                    Files.setPosixFilePermissions(dir, OWNER_ONLY);
                }
            }
        } catch (IOException e) {
            throw new EngineStartException(
                    "Could not make the data directory " + dataDir.toAbsolutePath()
                            + " private to the account that runs Athar (" + e.getMessage() + ")",
                    "Run Athar as the owner of athar.data-dir (ATHAR_DATA_DIR), or as root.",
                    e);
        }
    }

    String consoleTail(int lines) {
        return String.join("\n", EmbeddedEngine.lastLines(consoleLog(), lines));
    }
}
