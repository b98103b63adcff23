package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.athar.AtharIntegrationTest;
import org.athar.RenderedText;
import org.athar.ingest.ImportService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The workbook a user downloads opens in LibreOffice: {@code GET /api/v1/exports/workbook.xlsx} (English and Arabic)
 * becomes with {@code soffice --headless --convert-to pdf} a PDF that PDFBox reads, with the About sheet's words and
 * the figures in it, and page 1 is saved as {@code target/screenshots/workbook-p1.png} / {@code workbook-ar-p1.png}
 * ({@code pdftoppm}). Skipped, saying why, only where LibreOffice is not installed ({@code .ci/run} installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbookInLibreOfficeTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    private final ExportFixture fixture = new ExportFixture();

    @BeforeAll
    void load() throws IOException {
        fixture.load(imports);
    }

    @Test
    void libreoffice_converts_the_downloaded_workbook_in_both_languages_and_page_one_is_saved() throws Exception {
        Assumptions.assumeTrue(
                onPath("soffice"),
                "LibreOffice (soffice) is not installed: apt-get install "
                        + "--no-install-recommends libreoffice-calc poppler-utils, or run .ci/run");
        Path dir = Files.createDirectories(Path.of("target", "exports-libreoffice"));
        for (String lang : List.of("en", "ar")) {
            ResponseEntity<byte[]> r = http.getForEntity(
                    URI.create(http.getRootUri()
                            + "/api/v1/exports/workbook.xlsx?lang=" + lang + "&source="
                            + URLEncoder.encode(fixture.source, StandardCharsets.UTF_8)),
                    byte[].class);
            assertThat(r.getStatusCode().value()).isEqualTo(200);
            String name = "en".equals(lang) ? "workbook" : "workbook-ar";
            Path xlsx = dir.resolve(name + ".xlsx");
            Files.write(xlsx, r.getBody());
            Path profile = Path.of(System.getProperty("java.io.tmpdir"), "exports-lo-" + UUID.randomUUID());
            try {
                run(List.of(
                        "soffice",
                        "-env:UserInstallation=" + profile.toUri(),
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        dir.toString(),
                        xlsx.toString()));
            } finally {
                deleteTree(profile);
            }
            Path pdf = dir.resolve(name + ".pdf");
            assertThat(pdf).exists();
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
                // The cells' text as the page shows it, whatever fonts LibreOffice found on this machine.
                RenderedText text = RenderedText.of(doc);
                List<String> expected = "en".equals(lang)
                        ? List.of(
                                "Documented cases, not the total number of disappearances",
                                "Total persons 6",
                                fixture.source)
                        : List.of("حلب");
                assertThat(text.missing(expected.toArray(String[]::new)))
                        .as("%s: phrases not on the pages of LibreOffice's PDF, whose text is:%n%s", lang, text)
                        .isEmpty();
            }
            if (onPath("pdftoppm")) {
                Path shots = Files.createDirectories(Path.of("target", "screenshots"));
                run(List.of(
                        "pdftoppm",
                        "-png",
                        "-r",
                        "60",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        "-singlefile",
                        pdf.toString(),
                        shots.resolve(name + "-p1").toString()));
                Path png = shots.resolve(name + "-p1.png");
                assertThat(png).exists();
                assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES))
                .as("%s did not end within 3 minutes", command)
                .isTrue();
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
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
