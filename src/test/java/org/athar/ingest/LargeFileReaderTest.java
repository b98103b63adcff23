package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads large files in a separate JVM with a heap far smaller than the files, so holding them in memory would fail. */
class LargeFileReaderTest {

    private static final String SMALL_HEAP = "-Xmx32m";

    @TempDir
    Path dir;

    @Test
    void a_200000_row_csv_is_read_row_by_row_in_a_small_heap() throws Exception {
        Path csv = dir.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("report_id,victim_name,age,governorate,disappeared_on,narrative\n");
            for (int i = 1; i <= 200_000; i++) {
                out.write("R" + i + ",محمد أحمد " + i + "," + (i % 90) + ",حلب,2013-05-" + (1 + i % 28) + ",\""
                        + narrative(i) + (i % 1000 == 0 ? "\nsecond line, \"\"quoted\"\"" : "") + "\"\n");
            }
        }
        assertThat(Files.size(csv)).as("larger than the heap").isGreaterThan(40L << 20);

        assertThat(countInSmallHeap(csv, "large.csv")).isEqualTo("200000 rows, 0 unreadable, last 200000");
    }

    @Test
    void a_100000_row_workbook_is_read_row_by_row_in_a_small_heap() throws Exception {
        Path xlsx = dir.resolve("large.xlsx");
        try (SXSSFWorkbook book = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = book.createSheet();
            Row header = sheet.createRow(0);
            String[] names = {"report_id", "victim_name", "age", "governorate", "narrative"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            for (int i = 1; i <= 100_000; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("R" + i);
                row.createCell(1).setCellValue("فاطمة " + i);
                row.createCell(2).setCellValue(i % 90);
                row.createCell(3).setCellValue("دمشق");
                row.createCell(4).setCellValue(narrative(i));
            }
            book.write(out);
            book.dispose();
        }

        assertThat(countInSmallHeap(xlsx, "large.xlsx")).isEqualTo("100000 rows, 0 unreadable, last 100000");
    }

    /** Varied text, as real narratives are, so the workbook's compression ratio stays realistic. */
    private static String narrative(int i) {
        return "Taken at checkpoint " + Integer.toHexString(i * 7919) + " near the bakery; family asked branch "
                + (i % 300) + " on " + (i * 31 % 365) + " occasions, without an answer; a released detainee saw him in "
                + "cell " + (i % 41) + " in " + (2012 + i % 9) + ". Ref " + Long.toString(i * 104729L, 36);
    }

    private static String countInSmallHeap(Path file, String name) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        SMALL_HEAP,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LargeFileCount.class.getName(),
                        file.toString(),
                        name)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
