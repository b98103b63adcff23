package org.athar.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Elasticsearch nodes for fault tests, started by the test (not by Athar) from the distribution the build packs:
 * one node, or three forming one cluster on loopback with different ports and data directories. As root they run
 * as {@code nobody}, like the embedded node. Security is on as in the embedded node (one account, file realm, plain
 * HTTP on loopback; on loopback the node does not enforce transport TLS): Athar is pointed at them in external mode
 * with {@link #credentials()} as {@code spring.elasticsearch.username}/{@code password}.
 */
public final class LoopbackCluster implements AutoCloseable {

    /** One node: its directories, ports and, while it runs, its process. */
    public final class Node {
        private final String name;
        private final Path dir;
        private final int httpPort;
        private final int transportPort;
        private Process launcher;

        private Node(String name, Path dir, int httpPort, int transportPort) {
            this.name = name;
            this.dir = dir;
            this.httpPort = httpPort;
            this.transportPort = transportPort;
        }

        public String name() {
            return name;
        }

        public URI uri() {
            return URI.create("http://127.0.0.1:" + httpPort);
        }

        public boolean isRunning() {
            return launcher != null && launcher.isAlive();
        }

        /** {@code kill -9} of the node's server process (and its launcher): no shutdown, no flush. */
        public void kill() throws Exception {
            Optional<ProcessHandle> server = serverPid().flatMap(ProcessHandle::of);
            server.ifPresent(ProcessHandle::destroyForcibly);
            if (launcher != null) {
                launcher.destroyForcibly();
                launcher.waitFor(30, TimeUnit.SECONDS);
            }
            if (server.isPresent()) {
                server.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }

        /** Stops the node normally (SIGTERM) and waits for it to exit. */
        public void stop() throws Exception {
            serverPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
            if (launcher != null && !launcher.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }

        /** Starts (or starts again) the node on its own data directory and ports; returns without waiting. */
        public void start() throws IOException {
            Files.deleteIfExists(dir.resolve("run/elasticsearch.pid"));
            List<String> command = List.of(
                    home.resolve("bin/elasticsearch").toString(),
                    "-p",
                    dir.resolve("run/elasticsearch.pid").toString());
            ProcessBuilder pb = new ProcessBuilder(
                            user.map(u -> u.wrap(command)).orElse(command))
                    .directory(dir.resolve("logs").toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("logs/console.log").toFile()));
            pb.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("ES_PATH_CONF", dir.resolve("config").toString());
            pb.environment().put("ES_TMPDIR", dir.resolve("tmp").toString());
            pb.environment().remove("ES_JAVA_OPTS");
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            launcher = pb.start();
        }

        public Optional<Long> serverPid() {
            try {
                return Optional.of(Long.parseLong(
                        Files.readString(dir.resolve("run/elasticsearch.pid")).trim()));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        public String consoleTail() {
            return String.join("\n", EmbeddedEngine.lastLines(dir.resolve("logs/console.log"), 30));
        }

        private void configure(List<Node> all, String heap) throws IOException {
            for (String sub : List.of("config", "data", "logs", "tmp", "run")) {
                Files.createDirectories(dir.resolve(sub));
            }
            List<String> yml = new ArrayList<>(List.of(
                    "cluster.name: athar-fault-test",
                    "node.name: " + name,
                    "path.data: " + dir.resolve("data"),
                    "path.logs: " + dir.resolve("logs"),
                    "network.host: 127.0.0.1",
                    "http.port: " + httpPort,
                    "transport.port: " + transportPort,
                    EngineAccount.settings().entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining("\n")),
                    "cluster.routing.allocation.disk.watermark.low: 2gb",
                    "cluster.routing.allocation.disk.watermark.high: 1gb",
                    "cluster.routing.allocation.disk.watermark.flood_stage: 500mb"));
            if (all.size() == 1) {
                yml.add("discovery.type: single-node");
            } else {
                yml.add("discovery.seed_hosts: ["
                        + all.stream()
                                .map(n -> "\"127.0.0.1:" + n.transportPort + "\"")
                                .collect(Collectors.joining(", "))
                        + "]");
                yml.add("cluster.initial_master_nodes: ["
                        + all.stream().map(n -> "\"" + n.name + "\"").collect(Collectors.joining(", ")) + "]");
            }
            Files.writeString(dir.resolve("config/elasticsearch.yml"), String.join("\n", yml) + "\n");
            Path logs = dir.resolve("logs");
            String jvmOptions = Files.readAllLines(home.resolve("config/jvm.options")).stream()
                    .map(l -> l.replace("file=gc.log", "file=" + logs.resolve("gc.log"))
                            .replace("ErrorFile=hs_err_pid%p.log", "ErrorFile=" + logs.resolve("hs_err_pid%p.log")))
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(dir.resolve("config/jvm.options"), jvmOptions);
            Files.writeString(
                    dir.resolve("config/log4j2.properties"),
                    Files.readString(home.resolve("config/log4j2.properties")) + EngineLayout.QUIET_LOGGERS);
            EngineAccount.writeRealm(dir.resolve("config"), credentials);
            Files.createDirectories(dir.resolve("config/jvm.options.d"));
            Files.writeString(dir.resolve("config/jvm.options.d/heap.options"), "-Xms" + heap + "\n-Xmx" + heap + "\n");
            if (user.isPresent()) {
                user.get().ensureCanTraverse(root);
                user.get().own(dir);
            }
        }
    }

    private final Path root;
    private final Path home;
    private final Optional<EngineUser> user;
    private final List<Node> nodes;
    private final EngineCredentials credentials;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LoopbackCluster(Path root, int size, String heap) throws IOException {
        this.root = root;
        this.home = EngineDistribution.ensureUnpacked(root, Optional.empty());
        this.user = EngineUser.whenRoot("nobody");
        this.credentials = EngineAccount.loadOrCreate(root.resolve("password"));
        List<Node> list = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            list.add(new Node("node-" + i, root.resolve("node-" + i), freePort(), freePort()));
        }
        this.nodes = List.copyOf(list);
        for (Node n : nodes) {
            n.configure(nodes, heap);
        }
    }

    /** Starts {@code size} nodes (1, or 3 for a cluster) under {@code root} and waits until the cluster is green. */
    public static LoopbackCluster start(Path root, int size, String heap, Duration timeout) throws Exception {
        LoopbackCluster cluster = new LoopbackCluster(root, size, heap);
        for (Node n : cluster.nodes) {
            n.start();
        }
        cluster.awaitStatus("green", size, timeout);
        return cluster;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node node(String name) {
        return nodes.stream().filter(n -> n.name.equals(name)).findFirst().orElseThrow();
    }

    /** The HTTP addresses of all nodes, for {@code spring.elasticsearch.uris}. */
    public String uris() {
        return nodes.stream().map(n -> n.uri().toString()).collect(Collectors.joining(","));
    }

    /** The cluster's one account (all privileges Athar needs, on {@code athar-*}); it refuses requests without it. */
    public EngineCredentials credentials() {
        return credentials;
    }

    /** A node that is running, to ask the cluster things. */
    public Node anyRunning() {
        return nodes.stream().filter(Node::isRunning).findFirst().orElseThrow();
    }

    /** GET on a running node; the body, or an exception with the status. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(anyRunning().uri().resolve(path))
                        .header("Authorization", credentials.authorization())
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Waits until the cluster health is {@code status} (or better) with {@code nodes} nodes; returns seconds waited. */
    public double awaitStatus(String status, int nodeCount, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = get(
                        "/_cluster/health?wait_for_status=" + status + "&wait_for_nodes=" + nodeCount + "&timeout=2s");
                if (!last.contains("\"timed_out\":true")) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException | java.util.NoSuchElementException notYet) {
                last = notYet.getMessage();
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the cluster did not become " + status + " with " + nodeCount + " nodes within "
                + timeout + "; last answer: " + last + "\n"
                + nodes.stream().map(n -> n.name + ":\n" + n.consoleTail()).collect(Collectors.joining("\n")));
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            try {
                n.stop();
            } catch (Exception e) {
                try {
                    n.kill();
                } catch (Exception ignored) {
                    // nothing more to do
                }
            }
        }
    }

    /** Deletes the nodes' directories and the unpacked distribution (after {@link #close()}). */
    public void delete() throws IOException {
        EngineDistribution.deleteRecursively(root);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
