package org.athar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The default demo file is what every new installation shows and what other tests count rows of: it must not change
 * by accident (for instance when the opt-in linkage mode is extended). The hash was taken before the linkage mode
 * existed; change it only on purpose, saying why in the commit. Issue 21 appended the four consent columns on
 * purpose: the file without them must still be byte for byte the old one (no other value changed), and the whole
 * file is pinned with its own hashes.
 */
class DemoDefaultOutputTest {

    private static final String DEFAULT_500_ROWS_SHA256 =
            "51c883f229f9611540d8930971bf140cc9fa8706c1d1574c2a5ab6faba758d91";

    // 20,000 rows, the size of the demo load, holds a few hundred second reports written by another source.
    private static final String DEFAULT_20000_ROWS_SHA256 =
            "d4e1bf9eeccb5f7a5eac66d3feb14c033dd170afd5c630da4e66d84ecc70d5f4";

    private static final String DEFAULT_500_ROWS_WITH_CONSENT_SHA256 =
            "8e88d2a4bf2ace01c12c73f17f45d16f67cd321787082d636ff7fd37d4ea2b5e";

    @Test
    void the_default_five_hundred_rows_are_byte_for_byte_the_file_they_always_were()
            throws IOException, NoSuchAlgorithmException {
        String csv = DemoDataGeneratorTest.generate(DemoDataGenerator.DEFAULT_SEED, 500);
        String hash = sha256(withoutConsent(csv));
        System.out.println("DemoDefaultOutputTest: SHA-256 of the default 500 rows = " + hash);
        assertThat(hash).isEqualTo(DEFAULT_500_ROWS_SHA256);
    }

    @Test
    void the_default_demo_load_of_twenty_thousand_rows_is_unchanged_too() throws IOException, NoSuchAlgorithmException {
        String hash = sha256(withoutConsent(DemoDataGeneratorTest.generate(DemoDataGenerator.DEFAULT_SEED, 20_000)));
        System.out.println("DemoDefaultOutputTest: SHA-256 of the default 20,000 rows = " + hash);
        assertThat(hash).isEqualTo(DEFAULT_20000_ROWS_SHA256);
    }

    @Test
    void the_default_file_with_its_consent_columns_is_pinned_too() throws IOException, NoSuchAlgorithmException {
        String csv = DemoDataGeneratorTest.generate(DemoDataGenerator.DEFAULT_SEED, 500);
        String hash = sha256(csv);
        System.out.println("DemoDefaultOutputTest: SHA-256 of the default 500 rows with consent = " + hash);
        assertThat(hash).isEqualTo(DEFAULT_500_ROWS_WITH_CONSENT_SHA256);
    }

    /** The file as it was before issue 21: every row printed again without its last four (consent) columns. */
    static String withoutConsent(String csv) throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv));
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (CSVRecord row : parser) {
                List<String> values = row.toList();
                printer.printRecord(values.subList(0, values.size() - 4));
            }
        }
        return out.toString();
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
