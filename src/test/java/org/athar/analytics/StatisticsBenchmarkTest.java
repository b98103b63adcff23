package org.athar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.athar.AtharIntegrationTest;
import org.athar.demo.DemoDataGenerator;
import org.athar.i18n.Messages;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.search.ReportSearch;
import org.athar.security.Viewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Trends budget: the dashboard answers in 300 ms or less on a large index. Opt-in (it imports that many synthetic
 * reports first): {@code ./mvnw -o test -Dtest=StatisticsBenchmarkTest -Dathar.benchmark.size=1000000}.
 */
@EnabledIfSystemProperty(named = "athar.benchmark.size", matches = "\\d+")
class StatisticsBenchmarkTest extends AtharIntegrationTest {

    private static final long BUDGET_MS = 300;
    private static final int RUNS = 21;

    @Autowired
    Statistics statistics;

    @Autowired
    ImportService imports;

    @Autowired
    ReportSearch search;

    @Test
    void the_dashboard_answers_within_300_ms_on_the_benchmark_index() throws IOException {
        long size = Long.parseLong(System.getProperty("athar.benchmark.size"));
        Path csv = Files.createTempFile("athar-benchmark", ".csv");
        try {
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED).write(w, size);
            }
            long started = System.nanoTime();
            try (InputStream in = Files.newInputStream(csv)) {
                ImportResult r = imports.importFile(
                        in, "benchmark.csv", new ImportOptions(Optional.empty(), "benchmark", true), c -> {});
                System.out.printf(
                        "Imported %,d reports in %.1f s%n",
                        r.indexed() + r.updated(), (System.nanoTime() - started) / 1e9);
            }
        } finally {
            Files.deleteIfExists(csv);
        }
        ReportQuery all = ReportQuery.all();
        long[] millis = new long[RUNS];
        Dashboard d = null;
        for (int i = -3; i < RUNS; i++) {
            long t0 = System.nanoTime();
            d = statistics.dashboard(
                    all, Dimension.MONTH, Dimension.GOVERNORATE, Dimension.PERPETRATOR, Messages.ARABIC);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - t0) / 1_000_000;
            }
        }
        Arrays.sort(millis);
        System.out.printf(
                "Dashboard on %,d reports: median %d ms, fastest %d ms, slowest %d ms (%d runs)%n",
                d.series().total().orElseThrow(), millis[RUNS / 2], millis[0], millis[RUNS - 1], RUNS);
        assertThat(d.series().total()).hasValue(search.count(Viewer.system("test"), all));
        assertThat(d.series().total().orElseThrow()).isGreaterThanOrEqualTo(size);
        assertThat(millis[RUNS / 2]).isLessThanOrEqualTo(BUDGET_MS);
    }
}
