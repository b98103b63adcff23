package org.athar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A class a newcomer can read in one sitting: no source file under src/main/java has more than 400 lines (as the
 * build's formatter lays it out). A class that grows past that has taken a second responsibility; split it by
 * responsibility (docs/architecture.md says where things go), not by moving lines into a helper named "Util".
 */
class SourceSizeTest {

    static final int MOST_LINES = 400;

    @Test
    void no_main_source_file_is_longer_than_400_lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> f + " (" + lines(f) + " lines)")
                    .filter(s -> Long.parseLong(s.replaceAll(".*\\((\\d+) lines\\)$", "$1")) > MOST_LINES)
                    .sorted()
                    .toList();
        }
        assertThat(tooLong).as("source files over " + MOST_LINES + " lines").isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
