package org.athar.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.athar.engine.EngineCredentials;

/**
 * The packaged jar as a user runs it ({@code java -Xmx.. -jar}) on a data directory, with its embedded engine at a
 * fixed heap, demo data off, and a local-only JMX port through which the benchmark samples the heap in use.
 */
final class BenchApp implements AutoCloseable {

    static final String ADMIN_PASSWORD = "synthetic benchmark admin passphrase";
    private static final java.util.concurrent.atomic.AtomicInteger STARTS =
            new java.util.concurrent.atomic.AtomicInteger();

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final JMXConnector jmx;
    private final java.lang.management.MemoryMXBean memory;
    private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
    private java.util.concurrent.ScheduledExecutorService sampler;
    final String heap;

    private BenchApp(
            Process process,
            Path dataDir,
            Path log,
            int port,
            JMXConnector jmx,
            java.lang.management.MemoryMXBean memory,
            String heap) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.jmx = jmx;
        this.memory = memory;
        this.heap = heap;
    }

    /** Starts the packaged application; {@code settings} are further {@code --name=value} arguments. */
    static BenchApp start(Path jar, Path dataDir, String appHeap, String engineHeap, Path log, String... settings)
            throws Exception {
        int port = freePort();
        int jmxPort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xms" + appHeap,
                "-Xmx" + appHeap,
                "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false"));
        // e.g. -Dathar.bench.app-jvm-args="-XX:StartFlightRecording=filename=/tmp/app-%s.jfr" to profile; %s is
        // replaced by the start's number, as the application is started twice per size.
        String extra = System.getProperty("athar.bench.app-jvm-args", "")
                .strip()
                .replace("%s", Integer.toString(STARTS.incrementAndGet()));
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--athar.data-dir=" + dataDir,
                "--athar.demo.enabled=false",
                "--athar.elasticsearch.embedded.heap=" + engineHeap,
                "--athar.security.admin-password=" + ADMIN_PASSWORD));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            awaitHealth(process, port, log, Duration.ofMinutes(5));
            JMXConnector jmx = JMXConnectorFactory.connect(
                    new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            return new BenchApp(
                    process,
                    dataDir,
                    log,
                    port,
                    jmx,
                    ManagementFactory.newPlatformMXBeanProxy(
                            server, ManagementFactory.MEMORY_MXBEAN_NAME, java.lang.management.MemoryMXBean.class),
                    appHeap);
        } catch (Exception e) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
            throw e;
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    long pid() {
        return process.pid();
    }

    long enginePid() throws IOException {
        return Long.parseLong(Files.readString(dataDir.resolve("engine/run/elasticsearch.pid"))
                .trim());
    }

    /** The account the embedded engine admits (created by Athar in the data directory at its first start). */
    EngineCredentials engineCredentials() {
        return EngineCredentials.ofEmbedded(dataDir);
    }

    /** The embedded engine's HTTP address, from the configuration Athar wrote for it. */
    URI engine() throws IOException {
        Matcher m = Pattern.compile("(?m)^http\\.port:\\s*(\\d+)")
                .matcher(Files.readString(dataDir.resolve("engine/config/elasticsearch.yml")));
        if (!m.find()) {
            throw new IllegalStateException("no http.port in " + dataDir.resolve("engine/config/elasticsearch.yml"));
        }
        return URI.create("http://127.0.0.1:" + m.group(1));
    }

    /**
     * Starts a new peak: from now on {@link #peakHeapBytes()} covers only what follows. The heap in use is sampled
     * every 20 ms over JMX (a peak between two samples can be missed; summing each pool's own peak instead would
     * overstate it, as the pools peak at different moments, up to more than -Xmx).
     */
    void resetPeakHeap() {
        stopSampling();
        peak.set(0);
        sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0,
                20,
                TimeUnit.MILLISECONDS);
    }

    /** The largest heap in use sampled since {@link #resetPeakHeap()}; stops sampling. */
    long peakHeapBytes() {
        stopSampling();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return peak.get();
    }

    private void stopSampling() {
        if (sampler != null) {
            sampler.shutdownNow();
            try {
                sampler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sampler = null;
        }
    }

    @Override
    public void close() throws Exception {
        stopSampling();
        try {
            jmx.close();
        } catch (IOException ignored) {
            // the process is stopped next anyway
        }
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static void awaitHealth(Process process, int port, Path log, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Athar exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Athar was not healthy within " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
