package org.athar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The default demo file is what every new installation shows and what other tests count rows of: it must not change
 * by accident (for instance when the opt-in linkage mode is extended). The hash was taken before the linkage mode
 * existed; change it only on purpose, saying why in the commit.
 */
class DemoDefaultOutputTest {

    private static final String DEFAULT_500_ROWS_SHA256 =
            "51c883f229f9611540d8930971bf140cc9fa8706c1d1574c2a5ab6faba758d91";

    // 20,000 rows, the size of the demo load, holds a few hundred second reports written by another source.
    private static final String DEFAULT_20000_ROWS_SHA256 =
            "d4e1bf9eeccb5f7a5eac66d3feb14c033dd170afd5c630da4e66d84ecc70d5f4";

    @Test
    void the_default_five_hundred_rows_are_byte_for_byte_the_file_they_always_were()
            throws IOException, NoSuchAlgorithmException {
        String csv = DemoDataGeneratorTest.generate(DemoDataGenerator.DEFAULT_SEED, 500);
        String hash = sha256(csv);
        System.out.println("DemoDefaultOutputTest: SHA-256 of the default 500 rows = " + hash);
        assertThat(hash).isEqualTo(DEFAULT_500_ROWS_SHA256);
    }

    @Test
    void the_default_demo_load_of_twenty_thousand_rows_is_unchanged_too() throws IOException, NoSuchAlgorithmException {
        String hash = sha256(DemoDataGeneratorTest.generate(DemoDataGenerator.DEFAULT_SEED, 20_000));
        System.out.println("DemoDefaultOutputTest: SHA-256 of the default 20,000 rows = " + hash);
        assertThat(hash).isEqualTo(DEFAULT_20000_ROWS_SHA256);
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
