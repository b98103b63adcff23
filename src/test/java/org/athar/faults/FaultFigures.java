package org.athar.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/** Figures a fault test measured (rows, times, latencies): printed and appended to target/fault-figures.txt. */
final class FaultFigures {

    private static final Path FILE = Path.of("target", "fault-figures.txt");

    private FaultFigures() {}

    static void print(String test, String format, Object... args) {
        String line = Instant.now() + " " + test + ": " + String.format(Locale.ROOT, format, args);
        System.out.println("[fault-figures] " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(
                    FILE, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("could not write " + FILE + ": " + e);
        }
    }
}
