package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fault 6, memory: every bad file (the 100 MB row, the zip bomb, 10,000 columns among them) goes through the
 * importer's readers in a JVM capped at 64 MB of heap, so no reader holds a file, a row or an unpacked part whole.
 */
class BadFilesMemoryTest {

    @Test
    void every_bad_file_is_read_or_refused_within_a_64_mb_heap() throws Exception {
        Path dir = Files.createTempDirectory("athar-bl-badfiles-heap");
        String output;
        Process p;
        try {
            BadFiles.write(dir);
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            p = new ProcessBuilder(
                            java,
                            "-Xmx64m",
                            "-XX:+ExitOnOutOfMemoryError",
                            "-Djava.awt.headless=true",
                            "-cp",
                            System.getProperty("java.class.path"),
                            BadFilesReadMain.class.getName(),
                            dir.toString())
                    .redirectErrorStream(true)
                    .start();
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        System.out.print(output);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output)
                .containsPattern("huge.csv bytes=10\\d{7} read rows=3 problems=1 ")
                .containsPattern("bomb.xlsx bytes=\\d+ refused after rows=\\d+: The workbook was refused")
                .containsPattern("wide.csv bytes=\\d+ read rows=3 problems=0 unknown_columns=9997")
                .containsPattern("windows-1256.csv bytes=\\d+ refused after rows=0: The file is not UTF-8")
                .containsPattern("random.csv bytes=\\d+ refused after rows=0: The file is not UTF-8")
                .containsPattern("random.xlsx bytes=\\d+ refused after rows=0: The file is not a readable")
                .containsPattern("truncated.xlsx bytes=\\d+ refused after rows=0: The file is not a readable")
                .containsPattern("truncated.csv bytes=\\d+ read rows=2 problems=1 ")
                .contains("peak_heap_mb=");
    }
}
