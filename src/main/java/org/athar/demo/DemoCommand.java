package org.athar.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code java -jar athar.jar --athar.demo.generate=1000000 --athar.demo.out=reports.csv}: writes synthetic demo data
 * to a CSV and exits, without starting the engine or the web server (for benchmarks and trials).
 */
public final class DemoCommand {

    private DemoCommand() {}

    /** Runs the command if the arguments ask for it; returns whether they did. */
    public static boolean runIfRequested(String[] args) throws IOException {
        Optional<String> count = option(args, "--athar.demo.generate=");
        if (count.isEmpty()) {
            return false;
        }
        long n = Long.parseLong(count.get().replace("_", ""));
        Path out = Path.of(option(args, "--athar.demo.out=").orElse("synthetic-demo-data.csv"));
        long started = System.nanoTime();
        writeCsv(out, n);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Wrote %,d synthetic demo reports to %s in %.1f s (%,.0f rows/s)%n", n, out.toAbsolutePath(),
                seconds, n / seconds);
        return true;
    }

    /** N synthetic reports as a UTF-8 CSV file, the same for every call (fixed seed). */
    static void writeCsv(Path out, long n) throws IOException {
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED).write(writer, n);
        }
    }

    private static Optional<String> option(String[] args, String prefix) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst();
    }
}
