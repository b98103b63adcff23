package org.athar.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.athar.report.Report;
import org.junit.jupiter.api.Test;

/**
 * Packages stream: 200,000 reports written as one sealed package (ZIP signed and encrypted as it is written) in a
 * separate JVM capped at 256 MB of heap, the export heap bound (CI runs it on every build), then opened here as the
 * recipient would: decrypted, signature checked, every file's SHA-256 compared with the manifest, every record
 * counted. The number of reports is {@code -Dathar.sharing.streaming.rows} (e.g. 1000000 for the figures in
 * docs/sharing.md).
 */
class PackageStreamingTest {

    private static final int ROWS = Integer.getInteger("athar.sharing.streaming.rows", 200_000);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void two_hundred_thousand_reports_are_packaged_signed_and_encrypted_with_a_256_mb_heap() throws Exception {
        Path dir = Path.of("target", "sharing-streaming");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-Djava.awt.headless=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PackageStreamingMain.class.getName(),
                        Integer.toString(ROWS),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10L + ROWS / 20_000, TimeUnit.MINUTES)).isTrue();
        System.out.print(output);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("package reports=" + ROWS + " ")
                .contains("sent_ids=" + ROWS + " ")
                .contains("peak_heap_mb=");

        // Opened as the recipient opens it: decrypted with its key, signed by the sender it registered.
        Path zipFile = dir.resolve("package.zip");
        InstallationKey recipient = InstallationKey.fromArmoured(
                Files.readString(dir.resolve(PackageStreamingMain.RECIPIENT_SECRET), StandardCharsets.US_ASCII));
        PartnerKey sender = PartnerKey.parse(
                Files.readString(dir.resolve(PackageStreamingMain.SENDER_PUBLIC), StandardCharsets.US_ASCII));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(PackageStreamingMain.PACKAGE)));
                OutputStream content = new BufferedOutputStream(Files.newOutputStream(zipFile))) {
            assertThat(OpenPgp.open(in, recipient, List.of(sender), content).fingerprint())
                    .isEqualTo(sender.fingerprint());
        }

        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            List<String> names = Collections.list(zip.entries()).stream()
                    .map(ZipEntry::getName)
                    .toList();
            assertThat(names)
                    .containsExactly("README.txt", "reports.jsonl", "reports.csv", "summary.xlsx", "manifest.json");
            JsonNode manifest;
            try (InputStream in = zip.getInputStream(zip.getEntry("manifest.json"))) {
                manifest = json.readTree(in);
            }
            assertThat(manifest.path("kind").asText()).isEqualTo("package");
            assertThat(manifest.path("packageId").asText()).isEqualTo(PackageStreamingMain.PACKAGE_ID);
            assertThat(manifest.path("reports").asLong()).isEqualTo(ROWS);
            assertThat(manifest.path("withheld").path("noConsent").asLong())
                    .isEqualTo(PackageStreamingMain.WITHHELD.noConsent());
            assertThat(manifest.path("dataVersion").asText()).isEqualTo(PackageStreamingMain.DATA_VERSION);
            assertThat(counts(manifest.path("countsByGovernorate"))).isEqualTo(expectedGovernorates());
            assertThat(counts(manifest.path("countsByYear"))).isEqualTo(expectedYears());

            // Every file is what the manifest says it is, byte for byte.
            List<String> listed = new ArrayList<>();
            for (JsonNode f : manifest.path("files")) {
                String name = f.path("name").asText();
                listed.add(name);
                Scanned scanned = scan(zip, name);
                assertThat(scanned.sha256()).as(name).isEqualTo(f.path("sha256").asText());
                assertThat(scanned.bytes()).as(name).isEqualTo(f.path("bytes").asLong());
                if (name.equals("reports.jsonl")) {
                    assertThat(scanned.lines()).isEqualTo(ROWS);
                }
                if (name.equals("reports.csv")) {
                    assertThat(scanned.lines()).isEqualTo(ROWS + 1L);
                }
            }
            assertThat(listed).containsExactly("README.txt", "reports.jsonl", "reports.csv", "summary.xlsx");

            // The records are the synthetic reports in the order they were handed over, first to last.
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                    zip.getInputStream(zip.getEntry("reports.jsonl")), StandardCharsets.UTF_8))) {
                assertThat(json.readTree(lines.readLine()).path("id").asText())
                        .isEqualTo(Report.idFor(PackageStreamingMain.SOURCE, "S-0000000"));
            }
        }
    }

    /** The counts {@link PackageStreamingMain#report} makes: governorate {@code n % 15}, year {@code n % 14}. */
    private static Map<String, Long> expectedGovernorates() {
        Map<String, Long> out = new TreeMap<>();
        for (int n = 0; n < ROWS; n++) {
            int g = n % 15;
            out.merge(g == 14 ? "unknown" : String.format(Locale.ROOT, "SY%02d", g + 1), 1L, Long::sum);
        }
        return out;
    }

    private static Map<String, Long> expectedYears() {
        Map<String, Long> out = new TreeMap<>();
        for (int n = 0; n < ROWS; n++) {
            out.merge(n % 16 == 15 ? "unknown" : String.valueOf(2011 + n % 14), 1L, Long::sum);
        }
        return out;
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        return new TreeMap<>(out);
    }

    private record Scanned(long bytes, long lines, String sha256) {}

    /** An entry's size, number of line feeds and SHA-256, read once without holding it. */
    private static Scanned scan(ZipFile zip, String name) throws IOException {
        MessageDigest sha256 = PackageZip.sha256();
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, read);
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new Scanned(bytes, lines, HexFormat.of().formatHex(sha256.digest()));
    }
}
