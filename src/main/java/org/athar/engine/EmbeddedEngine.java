package org.athar.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.athar.platform.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * A real single-node Elasticsearch that Athar unpacks under its data directory, runs as a child process on
 * loopback, waits on until green, restarts on the same data and ports when it dies (killed, crashed, out of memory)
 * and stops again. Tests start theirs through the same class.
 */
public final class EmbeddedEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration LONGEST_RESTART_DELAY = Duration.ofSeconds(60);

    /** What the node needs to know: where to live, how much heap, how long to wait, whom to run as when root. */
    public record Settings(
            Path dataDir,
            String heap,
            Duration startTimeout,
            String runAs,
            Optional<Path> distribution,
            Duration restartDelay) {

        /** With the default first restart delay of one second. */
        public Settings(Path dataDir, String heap, Duration startTimeout, String runAs, Optional<Path> distribution) {
            this(dataDir, heap, startTimeout, runAs, distribution, Duration.ofSeconds(1));
        }
    }

    private final Settings settings;
    private final EngineLayout layout;
    private Process process;
    private int httpPort;
    private int transportPort;
    private Path home;
    private Optional<EngineUser> user = Optional.empty();
    private EngineCredentials credentials;
    // Supervision: restart a node that exits unless Athar is stopping it; one restart loop at a time.
    private volatile boolean supervised;
    private volatile boolean closing;
    private final AtomicBoolean restarting = new AtomicBoolean();
    private final AtomicInteger restarts = new AtomicInteger();
    /** Runs a restart loop on a daemon thread of its own: it ends when the node is up again or Athar stops. */
    private final SimpleAsyncTaskExecutor supervisor = Tasks.threads("athar-engine-supervisor", Duration.ZERO);

    private EmbeddedEngine(Settings settings) {
        this.settings = settings;
        this.layout =
                new EngineLayout(settings.dataDir().toAbsolutePath().normalize().resolve("engine"));
    }

    /** Starts a node and returns once every primary shard is active (green, or yellow for an index asking for replicas); throws {@link EngineStartException} with a remedy. */
    public static EmbeddedEngine start(Settings settings) {
        EmbeddedEngine engine = new EmbeddedEngine(settings);
        engine.startNode();
        engine.supervised = true;
        return engine;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /**
     * The account Athar's client signs in with; the node refuses requests without it (its password is kept
     * owner-only in {@code <data-dir>/engine/password}).
     */
    public EngineCredentials credentials() {
        return credentials;
    }

    /** The Elasticsearch server's process id, as it wrote it in its pid file. */
    public Optional<Long> serverPid() {
        return layout.readPid();
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    /** True while Athar restarts a node that exited on its own; the engine is down meanwhile. */
    public boolean isRestarting() {
        return restarting.get();
    }

    /** How many times the node was restarted after it exited on its own. */
    public int restarts() {
        return restarts.get();
    }

    private void startNode() {
        long started = System.nanoTime();
        user = EngineUser.whenRoot(settings.runAs());
        layout.createDirectories(settings.dataDir());
        credentials = EngineAccount.loadOrCreate(layout.passwordFile());
        layout.stopLeftoverNode(STOP_GRACE);
        home = EngineDistribution.ensureUnpacked(layout.root(), settings.distribution());
        httpPort = freePort();
        transportPort = freePort();
        launch();
        awaitGreen();
        log.info("Elasticsearch is ready on {} after {} ms", uri(), (System.nanoTime() - started) / 1_000_000);
    }

    // Writes the configuration and starts the node's process; the same ports every time, so the client's address
    // stays valid across restarts.
    private synchronized void launch() {
        if (closing) {
            throw new EngineStartException("Athar is stopping; the engine was not started", "Nothing to do.");
        }
        layout.writeConfig(home, httpPort, transportPort, settings.heap(), credentials);
        layout.restrictAccess(settings.dataDir(), user);
        try {
            if (user.isPresent()) {
                log.info(
                        "Athar runs as root and Elasticsearch refuses root: starting the node as user '{}' "
                                + "(athar.elasticsearch.embedded.run-as) and giving it {}",
                        user.get().name(),
                        layout.root());
                user.get().ensureCanTraverse(settings.dataDir());
                for (Path dir : layout.nodeOwnedDirectories()) {
                    user.get().own(dir);
                }
            }
            List<String> command = List.of(
                    home.resolve("bin/elasticsearch").toString(),
                    "-p",
                    layout.pidFile().toString());
            ProcessBuilder pb = new ProcessBuilder(
                            user.map(u -> u.wrap(command)).orElse(command))
                    .directory(layout.logs().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(layout.consoleLog().toFile()));
            Map<String, String> env = pb.environment();
            env.put("ES_JAVA_HOME", System.getProperty("java.home"));
            env.put("ES_PATH_CONF", layout.config().toString());
            env.put("ES_TMPDIR", layout.tmp().toString());
            env.remove("ES_JAVA_OPTS");
            env.remove("JAVA_TOOL_OPTIONS");
            log.info(
                    "Starting Elasticsearch {} on 127.0.0.1:{} (data in {})",
                    home.getFileName(),
                    httpPort,
                    layout.data());
            Process started = pb.start();
            process = started;
            started.onExit().thenRun(() -> onExit(started));
        } catch (IOException e) {
            throw new EngineStartException(
                    "Could not start Elasticsearch from " + home + ": " + e.getMessage(),
                    "Check that " + home + "/bin/elasticsearch can run and that setpriv (util-linux) is installed "
                            + "when Athar runs as root.",
                    e);
        }
    }

    private void onExit(Process exited) {
        if (closing || !supervised || exited != process || !restarting.compareAndSet(false, true)) {
            return;
        }
        supervisor.execute(() -> restartAfterExit(exited));
    }

    /**
     * The node exited while Athar runs: start it again on the same data directory and ports, waiting the restart
     * delay (1 s by default), then twice as long after each failed attempt (at most 60 s), until it is ready or Athar stops. Writes the node had acknowledged are in its
     * translog on disk and are there again after the restart.
     */
    private void restartAfterExit(Process exited) {
        try {
            log.error(
                    "Elasticsearch on {} exited unexpectedly with code {}; the engine is DOWN and Athar restarts it "
                            + "on the same data ({}). Last lines of {}:\n{}",
                    uri(),
                    exited.exitValue(),
                    layout.data(),
                    layout.consoleLog(),
                    layout.consoleTail(10));
            Duration delay = settings.restartDelay();
            for (int attempt = 1; !closing; attempt++) {
                sleep(delay);
                if (closing) {
                    return;
                }
                Optional<Integer> configured = layout.configuredHttpPort();
                if (configured.isPresent() && configured.get() != httpPort) {
                    // Another start (a second Athar on the same data directory) has taken the data over: fighting it
                    // for the node lock would leave neither running.
                    log.error(
                            "Not restarting Elasticsearch: another start now runs a node on {} (HTTP port {}); "
                                    + "only one Athar may use a data directory",
                            layout.data(),
                            configured.get());
                    return;
                }
                long started = System.nanoTime();
                try {
                    layout.stopLeftoverNode(STOP_GRACE);
                    launch();
                    awaitGreen();
                    restarts.incrementAndGet();
                    log.warn(
                            "Elasticsearch restarted on {} after {} ms (attempt {}); the engine is UP again",
                            uri(),
                            (System.nanoTime() - started) / 1_000_000,
                            attempt);
                    return;
                } catch (EngineStartException | UncheckedIOException e) {
                    delay = delay.multipliedBy(2).compareTo(LONGEST_RESTART_DELAY) > 0
                            ? LONGEST_RESTART_DELAY
                            : delay.multipliedBy(2);
                    log.error(
                            "Restarting Elasticsearch failed (attempt {}): {}; trying again in {} s",
                            attempt,
                            e.getMessage(),
                            delay.toSeconds());
                }
            }
        } finally {
            restarting.set(false);
        }
    }

    private void awaitGreen() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        // Green, or yellow: a single node cannot host replicas of an index that asks for them, but yellow still
        // means every primary shard, so every document, is available.
        URI health = uri().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s");
        int lastStatus = 0;
        while (System.nanoTime() < deadline) {
            Process node = process;
            if (node == null || closing) {
                throw new EngineStartException("Athar is stopping; the engine was not started", "Nothing to do.");
            }
            if (!node.isAlive()) {
                throw new EngineStartException(
                        "Elasticsearch exited with code " + node.exitValue() + " while starting. Last lines of "
                                + layout.consoleLog() + ":\n" + layout.consoleTail(25),
                        "Read the log above; the usual causes are too little memory for "
                                + "athar.elasticsearch.embedded.heap or a data directory used by another node.");
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health)
                                .header("Authorization", credentials.authorization())
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                lastStatus = response.statusCode();
                if (response.statusCode() == 200
                        && ClusterHealth.parse(response.body()).primariesActive()) {
                    return;
                }
                if (response.statusCode() == 401 || response.statusCode() == 403) {
                    sleep(Duration.ofMillis(250));
                }
            } catch (IOException notYetListening) {
                sleep(Duration.ofMillis(250));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopProcess();
        String refused = lastStatus == 401 || lastStatus == 403
                ? " It refused Athar's account '"
                        + credentials.username() + "' (HTTP " + lastStatus + "); the account is written into "
                        + layout.config() + " from " + layout.passwordFile() + " at each start."
                : "";
        throw new EngineStartException(
                "Elasticsearch did not become ready (all primary shards active) within "
                        + settings.startTimeout().toSeconds() + " s." + refused + " Last lines of "
                        + layout.consoleLog()
                        + ":\n" + layout.consoleTail(25),
                "Raise athar.elasticsearch.embedded.start-timeout (ATHAR_ELASTICSEARCH_EMBEDDED_STARTTIMEOUT) on a "
                        + "slow machine, or read the log for the cause.");
    }

    /** Stops the node gracefully (SIGTERM to the server, then to the launcher) and waits for it to exit. */
    @Override
    public void close() {
        closing = true;
        stopProcess();
    }

    private synchronized void stopProcess() {
        if (process == null) {
            return;
        }
        log.info("Stopping Elasticsearch on {}", uri());
        layout.readPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Elasticsearch did not stop within {} s; killing it", STOP_GRACE.toSeconds());
                layout.readPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lines a human reads when start-up fails; kept short so the failure message stays readable. */
    static List<String> lastLines(Path file, int n) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return new ArrayList<>(all.subList(Math.max(0, all.size() - n), all.size()));
        } catch (IOException e) {
            return List.of("(no log at " + file + ")");
        }
    }
}
