package org.athar.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JFR recording of the embedded engine around one part of the benchmark, when {@code athar.bench.engine-jfr} names
 * a directory: started and stopped with {@code jcmd} (as the engine's own user when the benchmark runs as root, since
 * a JVM only lets its own user attach). The file is {@code <dir>/engine-<n>-<part>.jfr}, readable with {@code jfr}.
 */
final class EngineProfile implements AutoCloseable {

    private final long pid;
    private final String name;

    private EngineProfile(long pid, String name) {
        this.pid = pid;
        this.name = name;
    }

    /** Starts a recording if the setting asks for one; closing it writes the file. */
    static Optional<EngineProfile> start(long enginePid, long n, String part) throws IOException, InterruptedException {
        String dir = System.getProperty("athar.bench.engine-jfr", "").strip();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Path out = Path.of(dir).toAbsolutePath();
        Files.createDirectories(out);
        out.toFile().setWritable(true, false);
        String name = "athar-" + n + "-" + part;
        jcmd(
                enginePid,
                "JFR.start",
                "name=" + name,
                "settings=profile",
                "filename=" + out.resolve("engine-" + n + "-" + part + ".jfr"));
        return Optional.of(new EngineProfile(enginePid, name));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + name);
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        PosixFileAttributes owner = Files.readAttributes(Path.of("/proc/" + pid), PosixFileAttributes.class);
        if (!owner.owner().getName().equals(System.getProperty("user.name"))) {
            command.addAll(List.of(
                    "setpriv",
                    "--reuid=" + owner.owner().getName(),
                    "--regid=" + owner.group().getName(),
                    "--clear-groups"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || said.contains("Exception") || said.contains("Could not")) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + said.strip());
        }
    }
}
