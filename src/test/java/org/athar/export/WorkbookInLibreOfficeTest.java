package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.athar.report.VisibleReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The workbook opens in LibreOffice: {@code soffice --headless --convert-to pdf} turns it into a PDF that PDFBox
 * reads, with the sheets' words in it, and page 1 is saved as {@code target/screenshots/workbook-p1.png}
 * ({@code pdftoppm}). Skipped, saying why, only where LibreOffice is not installed ({@code .ci/run} installs it).
 */
class WorkbookInLibreOfficeTest {

    @Test
    void libreoffice_converts_the_workbook_to_a_pdf_whose_first_page_is_saved_as_a_screenshot() throws Exception {
        Assumptions.assumeTrue(onPath("soffice"), "LibreOffice (soffice) is not installed: apt-get install "
                + "--no-install-recommends libreoffice-calc poppler-utils, or run .ci/run");
        Path dir = Files.createDirectories(Path.of("target", "exports-libreoffice"));
        Path xlsx = dir.resolve("workbook.xlsx");
        List<VisibleReport> reports = IntStream.range(0, 40).mapToObj(WorkbookWriterTest::report).toList();
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            new WorkbookWriter(WorkbookWriter.EXCEL_MAX_ROWS).write(WorkbookWriterTest.content(reports), out, n -> { });
        }
        Path profile = Path.of(System.getProperty("java.io.tmpdir"), "exports-lo-" + UUID.randomUUID());
        try {
            run(List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--convert-to", "pdf",
                    "--outdir", dir.toString(), xlsx.toString()));
        } finally {
            deleteTree(profile);
        }
        Path pdf = dir.resolve("workbook.pdf");
        assertThat(pdf).exists();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Title").contains("Aleppo").contains("report_id").contains("W39");
        }
        if (onPath("pdftoppm")) {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            run(List.of("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                    shots.resolve("workbook-p1").toString()));
            Path png = shots.resolve("workbook-p1.png");
            assertThat(png).exists();
            assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("%s did not end within 3 minutes", command).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command, output).isZero();
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
