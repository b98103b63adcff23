package org.athar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark from rotting: one small run (2,000 reports, one repetition) of the real runner against the
 * packaged jar must fill every line of the table with numbers. Timings are printed, never asserted.
 */
class BenchSmokeIT {

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(\\.\\d+)?");

    @Test
    void a_small_run_fills_every_line_of_the_results_table() throws Exception {
        Path out = Path.of("target", "bench-smoke");
        BenchRun.Result r = BenchRun.run(new BenchRun.Options(
                List.of(2_000L),
                1,
                1,
                3,
                1,
                Path.of(System.getProperty("athar.jar", "target/athar-0.1.0-SNAPSHOT.jar")),
                Files.createDirectories(Path.of("/tmp/athar-bn-smoke")),
                out,
                "512m",
                "256m",
                "1g"));

        List<ResultRow> rows = r.rows();
        assertThat(rows).filteredOn(row -> row.measure().startsWith("Import:")).hasSize(7);
        assertThat(rows).filteredOn(row -> row.measure().startsWith("Search:")).hasSize(21);
        assertThat(rows).filteredOn(row -> row.measure().startsWith("Search (")).hasSize(4);
        assertThat(rows).filteredOn(row -> row.measure().startsWith("Overhead")).hasSize(3);
        assertThat(rows).filteredOn(row -> row.measure().startsWith("Trends:")).hasSize(12);
        assertThat(rows)
                .filteredOn(row -> row.measure().startsWith("Trends screen in Chromium"))
                .hasSize(1);
        assertThat(rows).filteredOn(row -> row.measure().startsWith("Export:")).hasSize(6);
        assertThat(rows)
                .filteredOn(row -> row.measure().startsWith("Chart render:"))
                .hasSize(21);
        assertThat(rows).filteredOn(row -> row.measure().startsWith("Memory")).hasSize(4);
        for (ResultRow row : rows) {
            // CPU read from /proc in ticks of 10 ms may round to nothing at this size (a quiet second, the JIT).
            if (row.measure().contains("CPU") && !row.measure().startsWith("Import: CPU time per row: the")) {
                assertThat(row.athar().median()).as(row.measure()).isNotNegative();
                row.direct()
                        .ifPresent(d -> assertThat(d.median()).as(row.measure()).isNotNegative());
                continue;
            }
            assertThat(row.athar().median()).as(row.measure()).isPositive();
            row.direct().ifPresent(d -> assertThat(d.median()).as(row.measure()).isPositive());
            if (row.ratioTarget().isPresent()
                    || row.absoluteTarget().isPresent()
                    || row.marginTarget().isPresent()) {
                assertThat(row.pass()).as(row.measure()).isPresent();
            }
        }
        // Every figure that has a direct counterpart has a ratio; the file holds the same table as printed.
        assertThat(rows)
                .filteredOn(row -> row.direct().isPresent())
                .allSatisfy(row -> assertThat(row.ratio()).isPresent());
        String file = Files.readString(r.file());
        assertThat(file)
                .isEqualTo(r.markdown())
                .contains("load average at start")
                .contains("cores");
        for (String line : file.lines()
                .filter(l -> l.startsWith("| 2,000 |") || l.startsWith("| any |"))
                .toList()) {
            String[] cells = line.split("\\|");
            assertThat(NUMBER.matcher(cells[4]).find()).as(line).isTrue();
        }
        assertThat(file.lines().filter(l -> l.startsWith("| 2,000 |") || l.startsWith("| any |")))
                .hasSize(rows.size());
        // The same rows as data, and the growth plot as a PNG.
        String date = r.file().getFileName().toString().replace("results-", "").replace(".md", "");
        List<String> csv = Files.readAllLines(out.resolve("results-" + date + ".csv"));
        assertThat(csv).hasSize(rows.size() + 1);
        assertThat(csv.get(1)).startsWith("2000,\"Import: CSV");
        byte[] png = Files.readAllBytes(out.resolve("growth-" + date + ".png"));
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png))
                        .getWidth())
                .isEqualTo(1600);
    }
}
