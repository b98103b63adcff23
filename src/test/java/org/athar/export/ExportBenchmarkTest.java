package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.athar.AtharIntegrationTest;
import org.athar.demo.DemoDataGenerator;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportService;
import org.athar.search.ReportQuery;
import org.athar.security.Viewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Export throughput against the real engine, end to end (scan, redaction, writing): imports N synthetic reports, then
 * exports every report in the index as CSV, JSON Lines and the workbook, and prints rows per second and the peak
 * heap of the test JVM. Opt-in:
 * {@code ./mvnw -o test -Dtest=ExportBenchmarkTest -Dathar.export.benchmark=1000000}.
 */
@EnabledIfSystemProperty(named = "athar.export.benchmark", matches = "\\d+")
class ExportBenchmarkTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    ExportService exports;

    @Test
    void every_report_of_a_large_index_is_exported_and_the_throughput_printed() throws IOException {
        long size = Long.parseLong(System.getProperty("athar.export.benchmark"));
        Path csv = Files.createTempFile("exports-benchmark", ".csv");
        try {
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED).write(w, size);
            }
            try (InputStream in = Files.newInputStream(csv)) {
                imports.importFile(
                        in, "benchmark.csv", new ImportOptions(Optional.empty(), "benchmark", true), c -> {});
            }
        } finally {
            Files.deleteIfExists(csv);
        }
        Viewer admin = Viewer.system("benchmark");
        for (ExportService.Format format : ExportService.Format.values()) {
            ExportService.Prepared prepared = exports.prepare(
                    admin,
                    "127.0.0.1",
                    new ExportService.Request(
                            format, ReportQuery.all(), Locale.ENGLISH, Optional.empty(), "http://localhost/report/"));
            long[] bytes = {0};
            long t0 = System.nanoTime();
            prepared.write(
                    new OutputStream() {
                        @Override
                        public void write(int b) {
                            bytes[0]++;
                        }

                        @Override
                        public void write(byte[] b, int off, int len) {
                            bytes[0] += len;
                        }
                    },
                    n -> {});
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "%s: %,d records in %.1f s = %,.0f records/s, %,d MB, peak heap %d MB%n",
                    format, prepared.rows(), seconds, prepared.rows() / seconds, bytes[0] >> 20, peakHeapMb());
            assertThat(prepared.rows()).isGreaterThanOrEqualTo(size);
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
