package org.athar.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.util.unit.DataSize;

/**
 * Reads every file of the directory {@code args[0]} (the bad files, written by the test beforehand) through the
 * importer's readers, as an upload is read, in the JVM {@link BadFilesMemoryTest} starts with a small heap; prints one line per file (rows read, rows rejected, or the refusal) and the peak heap.
 */
public final class BadFilesReadMain {

    private BadFilesReadMain() {}

    public static void main(String[] args) throws IOException {
        XlsxSafety.apply(new ImportLimits.Xlsx(0.01, DataSize.ofMegabytes(4095), 10_000_000));
        Path dir = Path.of(args[0]);
        Map<String, Path> files = new java.util.TreeMap<>();
        try (Stream<Path> listed = Files.list(dir)) {
            listed.forEach(f -> files.put(f.getFileName().toString(), f));
        }
        {
            for (Map.Entry<String, Path> file : files.entrySet()) {
                long rows = 0;
                long problems = 0;
                String outcome;
                try (RowSource source = RowSources.open(Files.newInputStream(file.getValue()), file.getKey())) {
                    for (Optional<RawRow> row = source.next(); row.isPresent(); row = source.next()) {
                        rows++;
                        if (row.get().unreadable().isPresent()) {
                            problems++;
                        }
                    }
                    outcome = "read rows=" + rows + " problems=" + problems + " unknown_columns="
                            + source.unknownColumns().size();
                } catch (ImportFormatException e) {
                    outcome = "refused after rows=" + rows + ": "
                            + e.getMessage()
                                    .substring(0, Math.min(80, e.getMessage().length()));
                }
                System.out.printf("%s bytes=%d %s%n", file.getKey(), Files.size(file.getValue()), outcome);
            }
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(u -> u.getUsed())
                .sum();
        System.out.printf(
                "peak_heap_mb=%d max_heap_mb=%d%n",
                peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
}
