package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Exports stream: 200,000 records written as a workbook and as CSV in a separate JVM capped at 256 MB of heap (CI
 * runs it on every build). The workbook rolls over every 150,000 rows here, so both sheets are checked. The number
 * of rows is {@code -Dathar.export.streaming.rows} (e.g. 1000000 for the figures in docs/exports.md).
 */
class ExportStreamingTest {

    private static final int ROWS = Integer.getInteger("athar.export.streaming.rows", 200_000);
    private static final int PER_SHEET = 150_000;

    @Test
    void two_hundred_thousand_records_are_written_with_a_256_mb_heap_and_roll_over_to_a_second_sheet()
            throws Exception {
        Path dir = Path.of("target", "exports-streaming");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-Djava.awt.headless=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExportStreamingMain.class.getName(),
                        Integer.toString(ROWS),
                        Integer.toString(PER_SHEET),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        System.out.print(output);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("xlsx rows=" + ROWS).contains("peak_heap_mb=");
        // About, By governorate and Cross-tab come first; then one Records sheet per PER_SHEET - 1 records.
        List<Integer> rows = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        int sheets = (ROWS + PER_SHEET - 2) / (PER_SHEET - 1);
        try (ZipFile zip = new ZipFile(dir.resolve("records.xlsx").toFile())) {
            for (int i = 0; i < sheets; i++) {
                try (InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet" + (4 + i) + ".xml"))) {
                    rows.add(count(in, "<row "));
                }
                expected.add(1 + Math.min(PER_SHEET - 1, ROWS - i * (PER_SHEET - 1)));
            }
            assertThat(zip.getEntry("xl/worksheets/sheet" + (4 + sheets) + ".xml"))
                    .isNull();
        }
        assertThat(sheets).isGreaterThanOrEqualTo(2);
        assertThat(rows).containsExactlyElementsOf(expected);
        try (var lines = Files.lines(dir.resolve("records.csv"), StandardCharsets.UTF_8)) {
            assertThat(lines.count()).isEqualTo(ROWS + 1L);
        }
    }

    private static int count(InputStream in, String needle) throws IOException {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        int matched = 0;
        int found = 0;
        byte[] buffer = new byte[1 << 16];
        for (int read; (read = in.read(buffer)) > 0; ) {
            for (int i = 0; i < read; i++) {
                matched = buffer[i] == n[matched] ? matched + 1 : buffer[i] == n[0] ? 1 : 0;
                if (matched == n.length) {
                    found++;
                    matched = 0;
                }
            }
        }
        return found;
    }
}
