package org.athar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** What the benchmark ran on, read from /proc (Linux). */
final class Machine {

    private Machine() {}

    static String describe() {
        String cpu = read("/proc/cpuinfo")
                .lines()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse("unknown CPU");
        long memKb = read("/proc/meminfo")
                .lines()
                .filter(l -> l.startsWith("MemTotal:"))
                .findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .orElse(0L);
        return String.format(
                Locale.ROOT,
                "%d cores (%s), %.1f GB memory, %s %s",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memKb / 1048576.0,
                System.getProperty("os.name"),
                System.getProperty("os.version"));
    }

    static String loadAverage() {
        String[] parts = read("/proc/loadavg").split("\\s+");
        return parts.length >= 3 ? parts[0] + " / " + parts[1] + " / " + parts[2] + " (1/5/15 min)" : "unknown";
    }

    /** VmRSS (resident now) and VmHWM (resident peak) of a process, in kB. */
    static Map<String, Long> residentKb(long pid) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                out.put(line.substring(0, line.indexOf(':')), Long.parseLong(line.replaceAll("\\D", "")));
            }
        }
        if (out.size() != 2) {
            throw new IllegalStateException("no VmRSS/VmHWM in /proc/" + pid + "/status");
        }
        return out;
    }

    /** CPU time a process has used so far (user + system, all its threads), in seconds; Linux clock ticks of 1/100 s. */
    static double cpuSeconds(long pid) throws IOException {
        return statCpuSeconds(Files.readString(Path.of("/proc/" + pid + "/stat")));
    }

    /** User + system CPU seconds from a {@code stat} line of {@code /proc} (a process's or one of its threads'). */
    private static double statCpuSeconds(String stat) {
        // The fields after the command name, which is in parentheses and may hold spaces.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /**
     * CPU time (seconds) the JIT compiler threads of a JVM have used so far, by thread id: the threads named
     * {@code C1 CompilerThre...} and {@code C2 CompilerThre...} in {@code /proc/<pid>/task}. A compiler thread the JVM
     * ends (they come and go with the load) takes its time with it, so a difference of two readings is a lower bound.
     */
    static Map<Long, Double> compilerCpuSeconds(long pid) throws IOException {
        Map<Long, Double> byThread = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.matches("C[12] CompilerThre.*")) {
                    byThread.put(Long.parseLong(task.getFileName().toString()), statCpuSeconds(stat));
                }
            }
        }
        return byThread;
    }

    /** The compiler threads' CPU seconds between two readings of {@link #compilerCpuSeconds}. */
    static double compilerCpuBetween(Map<Long, Double> before, Map<Long, Double> after) {
        return after.entrySet().stream()
                .mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0))
                .sum();
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
