package org.athar.ingest;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The hostile and broken uploads of the bad-files tests, written to a directory (the 100 MB one streamed to disk,
 * never held in memory). Every name and value is synthetic.
 */
public final class BadFiles {

    /** Size of the huge CSV: one row whose narrative is this many bytes, between two good rows. */
    public static final long HUGE_BYTES = 100L * 1024 * 1024;

    public static final int WIDE_COLUMNS = 10_000;
    /** Values a spreadsheet would run as formulas; Athar stores them as text. */
    public static final String[] FORMULAS = {
        "=HYPERLINK(\"http://example.invalid/x\",\"click\")",
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "-1+1",
        "=1+1"
    };

    private BadFiles() {}

    /** Writes every file into {@code dir}: file name → path. */
    public static Map<String, Path> write(Path dir) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        byte[] workbook = workbook();
        files.put(
                "truncated.xlsx",
                Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(workbook, workbook.length / 2)));
        files.put(
                "truncated.csv",
                Files.writeString(
                        dir.resolve("truncated.csv"),
                        "report_id,victim_name,governorate,narrative\n"
                                + "T1,Synthetic Truncated One,Aleppo,\"complete\"\n"
                                + "T2,Synthetic Truncated Two,Homs,\"cut off in the midd",
                        StandardCharsets.UTF_8));
        byte[] noise = new byte[256 * 1024];
        new Random(8).nextBytes(noise);
        files.put("random.csv", Files.write(dir.resolve("random.csv"), noise));
        files.put("random.xlsx", Files.write(dir.resolve("random.xlsx"), noise));
        files.put(
                "windows-1256.csv",
                Files.write(
                        dir.resolve("windows-1256.csv"),
                        ("report_id,victim_name,governorate\nW1,سامر الخطيب,حلب\nW2,رنا العلي,حمص\n")
                                .getBytes(Charset.forName("windows-1256"))));
        files.put("huge.csv", huge(dir.resolve("huge.csv")));
        files.put("bomb.xlsx", Files.write(dir.resolve("bomb.xlsx"), CraftedWorkbooks.bomb(50_000_000)));
        files.put("wide.csv", wide(dir.resolve("wide.csv")));
        files.put("formulas.csv", formulasCsv(dir.resolve("formulas.csv")));
        files.put("formulas.xlsx", Files.write(dir.resolve("formulas.xlsx"), formulasWorkbook()));
        return files;
    }

    private static byte[] workbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("reports");
            String[] header = {"report_id", "victim_name", "governorate", "narrative"};
            for (int r = 0; r <= 200; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < header.length; c++) {
                    row.createCell(c).setCellValue(r == 0 ? header[c] : header[c] + " synthetic " + r);
                }
            }
            book.write(out);
        }
        return out.toByteArray();
    }

    private static Path huge(Path file) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(
                    "report_id,victim_name,governorate,narrative\nH1,Synthetic Huge One,Aleppo,short\nH2,Synthetic Huge Two,Homs,\""
                            .getBytes(StandardCharsets.UTF_8));
            byte[] block = "synthetic narrative text ".repeat(2_000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < HUGE_BYTES; written += block.length) {
                out.write(block);
            }
            out.write("\"\nH3,Synthetic Huge Three,Idlib,short\n".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static Path wide(Path file) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.write("report_id,victim_name,governorate");
            for (int c = 4; c <= WIDE_COLUMNS; c++) {
                out.write(",extra_" + c);
            }
            out.write('\n');
            for (int r = 1; r <= 3; r++) {
                out.write("X" + r + ",Synthetic Wide " + r + ",Hama");
                for (int c = 4; c <= WIDE_COLUMNS; c++) {
                    out.write(",v" + c);
                }
                out.write('\n');
            }
        }
        return file;
    }

    private static Path formulasCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("report_id,victim_name,locality,narrative\n");
        for (int i = 0; i < FORMULAS.length; i++) {
            String f = "\"" + FORMULAS[i].replace("\"", "\"\"") + "\"";
            csv.append("F")
                    .append(i + 1)
                    .append(',')
                    .append(f)
                    .append(',')
                    .append(f)
                    .append(',')
                    .append(f)
                    .append('\n');
        }
        return Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
    }

    /** Real formula cells (cached results absent) and formula-like text cells. */
    private static byte[] formulasWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("reports");
            Row header = sheet.createRow(0);
            String[] names = {"report_id", "victim_name", "narrative"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            for (int i = 0; i < FORMULAS.length; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue("FX" + (i + 1));
                row.createCell(1).setCellValue(FORMULAS[i]);
                row.createCell(2).setCellValue(FORMULAS[i]);
            }
            Row formula = sheet.createRow(FORMULAS.length + 1);
            formula.createCell(0).setCellValue("FX" + (FORMULAS.length + 1));
            formula.createCell(1).setCellValue("Synthetic Formula Cell");
            formula.createCell(2).setCellFormula("HYPERLINK(\"http://example.invalid/y\",\"click\")");
            book.write(out);
        }
        return out.toByteArray();
    }
}
