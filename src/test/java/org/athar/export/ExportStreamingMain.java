package org.athar.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.report.VisibleReport;

/**
 * Writes N synthetic reports as a workbook (Records rolling over every {@code rowsPerSheet} rows) and as CSV, the
 * reports made one at a time as a scan hands them over, and prints rows per second and the peak heap. Run in a JVM
 * with a small heap ({@code -Xmx256m}) by {@link ExportStreamingTest}: if the writers held their rows, it would stop
 * with an OutOfMemoryError.
 * <p>{@code java -Xmx256m -cp <test classpath> org.athar.export.ExportStreamingMain <rows> <rowsPerSheet> <dir>}
 */
public final class ExportStreamingMain {

    private ExportStreamingMain() {}

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        int perSheet = Integer.parseInt(args[1]);
        Path dir = Files.createDirectories(Path.of(args[2]));
        // A list view that makes each report when it is read: nothing is held.
        List<VisibleReport> reports = new AbstractList<>() {
            @Override
            public VisibleReport get(int i) {
                return WorkbookWriterTest.report(i);
            }

            @Override
            public int size() {
                return rows;
            }
        };
        long t0 = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("records.xlsx")))) {
            new WorkbookWriter(perSheet).write(WorkbookWriterTest.content(reports), out, n -> {});
        }
        long t1 = System.nanoTime();
        RecordColumns columns =
                new RecordColumns(new Messages(), Gazetteer.load(), Messages.ARABIC, "http://athar.test/report/");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("records.csv")));
                RecordWriter csv = RecordWriter.csv(columns, out)) {
            reports.forEach(csv::write);
        }
        long t2 = System.nanoTime();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                "xlsx rows=%d seconds=%.1f rows_per_s=%.0f bytes=%d%n",
                rows, (t1 - t0) / 1e9, rows / ((t1 - t0) / 1e9), Files.size(dir.resolve("records.xlsx")));
        System.out.printf(
                "csv rows=%d seconds=%.1f rows_per_s=%.0f bytes=%d%n",
                rows, (t2 - t1) / 1e9, rows / ((t2 - t1) / 1e9), Files.size(dir.resolve("records.csv")));
        System.out.printf(
                "peak_heap_mb=%d max_heap_mb=%d%n",
                peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
}
