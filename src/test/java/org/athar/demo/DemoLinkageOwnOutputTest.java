package org.athar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The linkage mode's own set ({@link LinkageShares#OWN}) is what the project's evaluation and its published figures
 * were measured on: its CSV and its truth (with every report's variants and look-alike relation) must stay the bytes
 * they were before the shares became a value object. The hashes were taken from the code before that change.
 */
class DemoLinkageOwnOutputTest {

    private static final String OWN_5000_ROWS_SHA256 =
            "07081ca4e551967fed82e576eb7adbd91e1c3c2dd0462c817d9f81e546ec9735";
    private static final String OWN_5000_TRUTH_SHA256 =
            "c53a3019df3b8e6119e11b87efc010a14433d6170a82cf79fca7ab5ba1f610a7";

    @Test
    void the_own_linkage_set_is_byte_for_byte_what_it_was_before_the_shares_became_a_value_object()
            throws IOException, NoSuchAlgorithmException {
        StringWriter csv = new StringWriter();
        List<DemoTruth> truth = new ArrayList<>();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED)
                .withLinkage(DemoDataGenerator.DEFAULT_SHARED_PERSONS)
                .write(csv, 5000, done -> {}, truth::add);
        StringBuilder lines = new StringBuilder();
        for (DemoTruth t : truth) {
            lines.append(t.source())
                    .append(',')
                    .append(t.reportId())
                    .append(',')
                    .append(t.person());
            t.variants().stream()
                    .map(Enum::name)
                    .sorted()
                    .forEach(v -> lines.append(',').append(v));
            lines.append(',')
                    .append(t.relation())
                    .append(',')
                    .append(t.relatedPerson())
                    .append('\n');
        }
        String csvHash = sha256(csv.toString());
        String truthHash = sha256(lines.toString());
        System.out.println(
                "DemoLinkageOwnOutputTest: SHA-256 of 5,000 rows = " + csvHash + ", of the truth = " + truthHash);
        assertThat(csvHash).isEqualTo(OWN_5000_ROWS_SHA256);
        assertThat(truthHash).isEqualTo(OWN_5000_TRUTH_SHA256);
    }

    @Test
    void the_own_shares_write_what_the_share_of_a_quarter_always_wrote_and_no_extra_variant() throws IOException {
        StringWriter byShares = new StringWriter();
        List<DemoTruth> truth = new ArrayList<>();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED)
                .withLinkage(LinkageShares.OWN)
                .write(byShares, 2000, done -> {}, truth::add);
        StringWriter byShare = new StringWriter();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED)
                .withLinkage(DemoDataGenerator.DEFAULT_SHARED_PERSONS)
                .write(byShare, 2000);
        assertThat(byShares.toString()).isEqualTo(byShare.toString());
        assertThat(truth).allSatisfy(t -> assertThat(t.extraVariants()).isEmpty());
        assertThat(LinkageShares.OWN.sharedPersons()).isEqualTo(DemoDataGenerator.DEFAULT_SHARED_PERSONS);
        for (DemoVariant v : DemoVariant.values()) {
            assertThat(LinkageShares.OWN.share(v)).isEqualTo(v.share());
        }
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
