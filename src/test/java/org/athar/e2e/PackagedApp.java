package org.athar.e2e;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;

/** The packaged jar started as a user starts it ({@code java -jar}), with its embedded engine, in a fresh data dir. */
public final class PackagedApp implements AutoCloseable {

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PackagedApp(Process process, Path dataDir, Path log, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
    }

    public static PackagedApp start(String... extraArgs) throws IOException {
        return start(java.util.Map.of(), extraArgs);
    }

    /** Starts the jar with extra environment variables (e.g. {@code ATHAR_ADMIN_PASSWORD}) and arguments. */
    public static PackagedApp start(java.util.Map<String, String> environment, String... extraArgs) throws IOException {
        return start(Files.createTempDirectory("athar-e2e"), "e2e-app.log", environment, extraArgs);
    }

    /**
     * Starts the jar on a given data directory (a fresh one, or the one of an instance that was killed), logging to
     * {@code target/<logName>} (appended, so the log of a killed run stays readable).
     */
    public static PackagedApp start(
            Path dataDir, String logName, java.util.Map<String, String> environment, String... extraArgs)
            throws IOException {
        Path jar = Path.of(System.getProperty("athar.jar", "target/athar-0.1.0-SNAPSHOT.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: run ./mvnw verify (it packages before this test)");
        }
        Path log = Path.of("target", logName).toAbsolutePath();
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx768m",
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--athar.data-dir=" + dataDir));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new PackagedApp(process, dataDir, log, port);
    }

    public URI base() {
        return URI.create("http://localhost:" + port + "/");
    }

    public Path dataDir() {
        return dataDir;
    }

    /** What the application printed (console and log). */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Waits until {@code /actuator/health} answers the given HTTP status; returns the seconds it took. */
    public double awaitHealth(int status, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Athar exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(base().resolve("actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == status) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("health did not become " + status + " within " + timeout + "; see " + log);
    }

    /**
     * Waits until the application's output contains every one of the given lines' texts; returns the seconds it took.
     */
    public double awaitOutput(Duration timeout, String... texts) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            String out = output();
            if (java.util.Arrays.stream(texts).allMatch(out::contains)) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("Athar did not print " + java.util.Arrays.toString(texts) + " within "
                        + timeout + (process.isAlive() ? "" : " (it exited)") + "; see " + log);
            }
            Thread.sleep(500);
        }
    }

    public long enginePid() throws IOException {
        return Long.parseLong(Files.readString(dataDir.resolve("engine/run/elasticsearch.pid"))
                .trim());
    }

    /** The embedded engine's HTTP address, from the configuration Athar wrote for it. */
    public URI engineUri() throws IOException {
        String port = Files.readAllLines(dataDir.resolve("engine/config/elasticsearch.yml")).stream()
                .filter(l -> l.startsWith("http.port:"))
                .findFirst()
                .orElseThrow()
                .substring("http.port:".length())
                .trim();
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The account the embedded engine admits (Athar created it in the data directory at its first start). */
    public org.athar.engine.EngineCredentials engineCredentials() {
        return org.athar.engine.EngineCredentials.ofEmbedded(dataDir);
    }

    /** {@code kill -9} of the application's JVM (its embedded engine is left running, as after a real crash). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the application normally (SIGTERM), which also stops its embedded engine. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
