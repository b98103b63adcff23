package org.athar.faults;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.athar.demo.DemoDataGenerator;

/**
 * A synthetic import file for fault tests: demo rows (each a distinct (source, report_id)), every
 * {@code badEvery}-th data row given a governorate that does not exist so that it must end in quarantine.
 */
record FaultFile(Path path, long rows, Set<String> goodKeys, Set<Long> badRows) {

    static FaultFile write(Path dir, long rows, int badEvery) throws IOException {
        Path demo = dir.resolve("demo.csv");
        try (Writer w = Files.newBufferedWriter(demo, StandardCharsets.UTF_8)) {
            new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED).write(w, rows);
        }
        Path out = dir.resolve("reports-" + rows + ".csv");
        Set<String> good = new HashSet<>();
        Set<Long> bad = new TreeSet<>();
        CSVFormat in = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(DemoDataGenerator.HEADER.toArray(String[]::new))
                .get();
        try (Reader r = Files.newBufferedReader(demo, StandardCharsets.UTF_8);
                CSVParser parser = in.parse(r);
                Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(w, format)) {
            long number = 0;
            for (CSVRecord record : parser) {
                number++;
                String[] values = record.values();
                if (number % badEvery == 0) {
                    values[DemoDataGenerator.HEADER.indexOf("governorate")] = "Atlantis " + number;
                    bad.add(number);
                } else if (!good.add(values[1] + "|" + values[0])) {
                    throw new IllegalStateException("the demo generator repeated " + values[1] + " " + values[0]);
                }
                printer.printRecord((Object[]) values);
            }
        }
        Files.delete(demo);
        return new FaultFile(out, rows, Set.copyOf(good), Set.copyOf(bad));
    }

    long goodRows() {
        return goodKeys.size();
    }
}
