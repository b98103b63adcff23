package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;

/**
 * Six synthetic reports ({@code export/exports.csv}) under a source of their own: Arabic and Latin names, every date
 * precision, and texts that a spreadsheet would run as formulas ({@code =HYPERLINK(...)}, {@code +Branch},
 * {@code @teacher}, a narrative starting with {@code -}).
 */
final class ExportFixture {

    static final int ROWS = 6;

    final String source = "Export Org " + UUID.randomUUID();

    void load(ImportService imports) throws IOException {
        try (InputStream in = ExportFixture.class.getResourceAsStream("/export/exports.csv")) {
            ImportResult r = imports.importFile(
                    in, "exports.csv", new ImportOptions(Optional.of(source), "test", true), c -> {});
            assertThat(r.rejected()).as("%s", r.errors()).isZero();
            assertThat(r.indexed()).isEqualTo(ROWS);
        }
    }

    /** Every part of a zip (an .xlsx) inflated and joined, to search a workbook's bytes for a text. */
    static byte[] unzipped(byte[] zip) throws IOException {
        // Read through the central directory, as Excel and LibreOffice do (streamed entries carry no size up front).
        java.nio.file.Path file = java.nio.file.Files.createTempFile("exports-test", ".zip");
        try {
            java.nio.file.Files.write(file, zip);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(z.entries())) {
                    all.write(entry.getName().getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = z.getInputStream(entry)) {
                        in.transferTo(all);
                    }
                }
            }
            return all.toByteArray();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
