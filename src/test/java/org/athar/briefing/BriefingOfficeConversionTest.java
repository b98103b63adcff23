package org.athar.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.athar.AtharIntegrationTest;
import org.athar.RenderedText;
import org.athar.ingest.ImportService;
import org.athar.search.RedactionFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The DOCX and PPTX open in LibreOffice: {@code soffice --headless --convert-to pdf} succeeds, the PDF it makes holds
 * the briefing's title, and page 1 is saved as a PNG under {@code target/screenshots/} (with {@code pdftoppm}).
 * Skipped, saying why, only when LibreOffice is not installed (CI installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefingOfficeConversionTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    private final String source = "Briefing Office Test " + UUID.randomUUID();
    private final Path out = Path.of("target", "briefing-office");
    private final Path screenshots = Path.of("target", "screenshots");

    @BeforeAll
    void importFixtures() throws IOException {
        RedactionFixture.importInto(imports, source);
        Files.createDirectories(out);
        Files.createDirectories(screenshots);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private String create(String title, String language) throws IOException {
        String scope =
                "source=" + URLEncoder.encode(source, StandardCharsets.UTF_8).replace("+", "%20");
        Map<String, Object> body = Map.of(
                "title",
                title,
                "language",
                language,
                "profile",
                "internal",
                "text",
                language.equals("ar") ? "إحاطة تجريبية ببيانات مُصطنعة." : "A synthetic briefing.",
                "figures",
                List.of(Map.of("filters", scope, "share_dimension", "perpetrator", "share_key", "government")),
                "charts",
                List.of(
                        Map.of(
                                "kind",
                                "breakdown",
                                "filters",
                                scope,
                                "by",
                                "governorate",
                                "caption",
                                language.equals("ar") ? "البلاغات حسب المحافظة" : "Reports by governorate"),
                        Map.of("kind", "map", "filters", scope)));
        ResponseEntity<String> r =
                http.postForEntity(URI.create(http.getRootUri() + "/api/v1/briefings"), body, String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        return new ObjectMapper().readTree(r.getBody()).get("id").asText();
    }

    private Path download(String id, String format, String name) throws IOException {
        ResponseEntity<byte[]> r = http.getForEntity(
                URI.create(http.getRootUri() + "/api/v1/briefings/" + id + "." + format), byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        Path file = out.resolve(name + "." + format);
        Files.write(file, r.getBody());
        return file;
    }

    /** LibreOffice's PDF of {@code file}; fails with LibreOffice's own output when the conversion does not work. */
    private Path convert(Path file) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("briefing-lo-");
        List<String> command = List.of(
                "soffice",
                "--headless",
                "-env:UserInstallation=" + profile.toUri(),
                "--convert-to",
                "pdf",
                "--outdir",
                out.toAbsolutePath().toString(),
                file.toAbsolutePath().toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = p.waitFor(240, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try (var files = Files.walk(profile)) {
            // LibreOffice's throwaway profile: deepest entries first.
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
        assertThat(done).as("soffice finished within 240 s: %s", said).isTrue();
        assertThat(p.exitValue()).as("soffice: %s", said).isZero();
        String name = file.getFileName().toString();
        Path pdf = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
        assertThat(pdf).as("soffice: %s", said).exists();
        return pdf;
    }

    private void screenshot(Path pdf, String name) throws IOException, InterruptedException {
        if (!onPath("pdftoppm")) {
            return;
        }
        Path prefix = screenshots.resolve(name);
        List<String> command = new ArrayList<>(List.of(
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
                prefix.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(screenshots.resolve(name + ".png")).exists();
    }

    @Test
    void libreoffice_converts_the_docx_and_the_pptx_to_pdf_with_the_title_on_their_pages() throws Exception {
        assumeThat(onPath("soffice"))
                .as("LibreOffice (soffice) is not installed; apt-get install libreoffice-writer "
                        + "libreoffice-impress to run this test")
                .isTrue();
        String id = create("Briefing in LibreOffice", "en");
        for (String format : List.of("docx", "pptx")) {
            Path pdf = convert(download(id, format, "briefing-" + format));
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertThat(doc.getNumberOfPages()).as(format).isGreaterThanOrEqualTo(format.equals("docx") ? 3 : 5);
                RenderedText text = RenderedText.of(doc);
                assertThat(text.missing("Briefing in LibreOffice", "Reports by governorate"))
                        .as("%s: phrases not on the pages of LibreOffice's PDF, whose text is:%n%s", format, text)
                        .isEmpty();
            }
            screenshot(pdf, "briefing-" + format + "-p1");
        }
        String ar = create("إحاطة في ليبر أوفيس", "ar");
        for (String format : List.of("docx", "pptx")) {
            Path pdf = convert(download(ar, format, "briefing-ar-" + format));
            // Which fonts LibreOffice finds changes the order of this right-to-left line in the PDF's text layer,
            // not what the page shows: RenderedText compares the words of the line (issue 24).
            RenderedText text = RenderedText.ofPdf(pdf);
            assertThat(text.missing("إحاطة في ليبر أوفيس", "البلاغات حسب المحافظة"))
                    .as("%s: phrases not on the pages of LibreOffice's PDF, whose text is:%n%s", format, text)
                    .isEmpty();
            screenshot(pdf, "briefing-ar-" + format + "-p1");
        }
        // Athar's own PDFs next to LibreOffice's, for a reviewer to compare.
        screenshot(download(id, "pdf", "briefing-pdf"), "briefing-pdf-p1");
        screenshot(download(ar, "pdf", "briefing-ar-pdf"), "briefing-ar-pdf-p1");
    }
}
