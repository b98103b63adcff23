package org.athar.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The upload tells a partner's package from a file of reports by its first bytes, and reads the file whole after. */
class PackageFilesTest {

    private static boolean looksLikePackage(byte[] content) throws IOException {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(content));
        boolean answer = PackageFiles.looksLikePackage(in);
        assertThat(in.readAllBytes()).as("the stream is reset to its start").isEqualTo(content);
        return answer;
    }

    @Test
    void a_sealed_package_binary_or_armoured_is_recognised() throws IOException {
        InstallationKey sender = InstallationKey.generate("Partner A");
        InstallationKey recipient = InstallationKey.generate("Us");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealed = OpenPgp.seal(out, sender, PartnerKey.of(recipient), "athar-package-x.zip")) {
            sealed.write("PK".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(looksLikePackage(out.toByteArray())).isTrue();
        assertThat(looksLikePackage("-----BEGIN PGP MESSAGE-----\n\nhQ".getBytes(StandardCharsets.US_ASCII)))
                .isTrue();
    }

    @Test
    void files_of_reports_whose_first_byte_has_the_high_bit_set_are_not_taken_for_packages() throws IOException {
        assertThat(looksLikePackage("رقم البلاغ,victim_name\n".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(looksLikePackage("\uFEFFreport_id,victim_name\n".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(looksLikePackage("\uFEFFreport_id\n".getBytes(StandardCharsets.UTF_16LE)))
                .isFalse();
        assertThat(looksLikePackage("Émile,x\n".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(looksLikePackage(new byte[] {'P', 'K', 3, 4})).isFalse();
        assertThat(looksLikePackage(new byte[0])).isFalse();
    }
}
