package org.athar.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.athar.sharing.PackageRefusedException.Reason;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.Test;

class OpenPgpTest {

    private static final InstallationKey ALPHA = InstallationKey.generate("Alpha");
    private static final InstallationKey BETA = InstallationKey.generate("Beta");
    private static final InstallationKey GAMMA = InstallationKey.generate("Gamma");

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(21).nextBytes(bytes);
        return bytes;
    }

    private static byte[] seal(InstallationKey sender, PartnerKey recipient, byte[] content) throws IOException {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = OpenPgp.seal(sealed, sender, recipient, "athar-package-20261206210000-0a1b2c3d.zip")) {
            for (int i = 0; i < content.length; i += 10_000) {
                out.write(content, i, Math.min(10_000, content.length - i));
            }
        }
        return sealed.toByteArray();
    }

    private static PartnerKey open(byte[] sealed, InstallationKey own, List<PartnerKey> senders, OutputStream content)
            throws IOException {
        return OpenPgp.open(new ByteArrayInputStream(sealed), own, senders, content);
    }

    private static Reason refusal(byte[] sealed, InstallationKey own, List<PartnerKey> senders) {
        try {
            open(sealed, own, senders, OutputStream.nullOutputStream());
        } catch (PackageRefusedException e) {
            return e.reason();
        } catch (IOException e) {
            throw new AssertionError("an I/O error instead of a refusal", e);
        }
        throw new AssertionError("the package was accepted");
    }

    @Test
    void what_alpha_seals_for_beta_beta_opens_byte_for_byte_and_knows_it_came_from_alpha() throws IOException {
        byte[] content = content(1_234_567);
        byte[] sealed = seal(ALPHA, PartnerKey.of(BETA), content);

        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        PartnerKey sender = open(sealed, BETA, List.of(PartnerKey.of(GAMMA), PartnerKey.of(ALPHA)), opened);

        assertThat(opened.toByteArray()).isEqualTo(content);
        assertThat(sender.fingerprint()).isEqualTo(ALPHA.fingerprint());
    }

    @Test
    void the_package_is_encrypted_so_its_content_is_not_in_the_file() throws IOException {
        byte[] content =
                "Victim name: Ahmad Khalil, detained in Sednaya".repeat(100).getBytes();
        byte[] sealed = seal(ALPHA, PartnerKey.of(BETA), content);

        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Ahmad");
    }

    @Test
    void a_package_for_another_installation_is_refused_as_not_for_this_installation() throws IOException {
        byte[] sealed = seal(ALPHA, PartnerKey.of(GAMMA), content(1000));

        assertThat(refusal(sealed, BETA, List.of(PartnerKey.of(ALPHA)))).isEqualTo(Reason.NOT_FOR_THIS_INSTALLATION);
    }

    @Test
    void one_changed_byte_anywhere_in_the_encrypted_data_is_refused_never_returned_as_valid() throws IOException {
        byte[] content = content(200_000);
        byte[] sealed = seal(ALPHA, PartnerKey.of(BETA), content);
        for (int position : new int[] {sealed.length / 3, sealed.length / 2, sealed.length - 30, sealed.length - 1}) {
            byte[] changed = sealed.clone();
            changed[position] ^= 0x01;

            assertThat(refusal(changed, BETA, List.of(PartnerKey.of(ALPHA))))
                    .as("byte %d of %d changed", position, sealed.length)
                    .isIn(Reason.TAMPERED, Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void a_message_cut_short_is_refused() throws IOException {
        byte[] sealed = seal(ALPHA, PartnerKey.of(BETA), content(100_000));
        byte[] cut = java.util.Arrays.copyOf(sealed, sealed.length - 100);

        assertThat(refusal(cut, BETA, List.of(PartnerKey.of(ALPHA)))).isEqualTo(Reason.TAMPERED);
    }

    @Test
    void an_encrypted_but_unsigned_message_is_refused_as_unsigned() throws Exception {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        PGPEncryptedDataGenerator encryption =
                new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(new SecureRandom()));
        encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(
                PartnerKey.of(BETA).encryptionKey().orElseThrow()));
        try (OutputStream encrypted = encryption.open(sealed, new byte[4096])) {
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            try (OutputStream out =
                    literal.open(encrypted, PGPLiteralData.BINARY, "x.zip", new Date(), new byte[4096])) {
                out.write(content(5000));
            }
        }

        assertThat(refusal(sealed.toByteArray(), BETA, List.of(PartnerKey.of(ALPHA))))
                .isEqualTo(Reason.UNSIGNED);
    }

    @Test
    void a_package_signed_by_a_key_not_among_the_senders_is_refused_as_unknown_sender() throws IOException {
        byte[] sealed = seal(GAMMA, PartnerKey.of(BETA), content(1000));

        assertThat(refusal(sealed, BETA, List.of(PartnerKey.of(ALPHA)))).isEqualTo(Reason.UNKNOWN_SENDER);
        assertThat(refusal(sealed, BETA, List.of())).isEqualTo(Reason.UNKNOWN_SENDER);
    }

    @Test
    void random_bytes_and_a_plain_zip_are_not_a_package() {
        byte[] random = content(5000);
        random[0] = (byte) 0x50; // not a packet tag

        assertThat(refusal(random, BETA, List.of(PartnerKey.of(ALPHA)))).isEqualTo(Reason.NOT_A_PACKAGE);
        assertThat(refusal("PK\u0003\u0004 not encrypted".getBytes(), BETA, List.of()))
                .isEqualTo(Reason.NOT_A_PACKAGE);
        assertThat(refusal(new byte[0], BETA, List.of())).isEqualTo(Reason.NOT_A_PACKAGE);
        byte[] looksLikeAPacket = content(5000);
        looksLikeAPacket[0] = (byte) 0x85;
        assertThat(refusal(looksLikeAPacket, BETA, List.of())).isIn(Reason.NOT_A_PACKAGE);
    }

    @Test
    void an_ascii_armoured_package_is_read_as_well() throws IOException {
        byte[] content = content(10_000);
        ByteArrayOutputStream armoured = new ByteArrayOutputStream();
        try (OutputStream out = OpenPgp.seal(
                new org.bouncycastle.bcpg.ArmoredOutputStream(armoured), ALPHA, PartnerKey.of(BETA), "p.zip")) {
            out.write(content);
        }
        ByteArrayOutputStream opened = new ByteArrayOutputStream();

        open(armoured.toByteArray(), BETA, List.of(PartnerKey.of(ALPHA)), opened);

        assertThat(opened.toByteArray()).isEqualTo(content);
    }

    @Test
    void a_gnupg_style_rsa_partner_can_send_and_receive() throws Exception {
        InstallationKey rsa = TestKeys.rsa("Partner", 2048);
        PartnerKey rsaPublic = PartnerKey.parse(rsa.publicKeyArmoured());
        assertThat(rsaPublic.canEncrypt()).isTrue();
        assertThat(rsaPublic.canSign()).isTrue();
        byte[] content = content(50_000);

        ByteArrayOutputStream toRsa = new ByteArrayOutputStream();
        open(seal(ALPHA, rsaPublic, content), rsa, List.of(PartnerKey.of(ALPHA)), toRsa);
        ByteArrayOutputStream fromRsa = new ByteArrayOutputStream();
        PartnerKey sender = open(seal(rsa, PartnerKey.of(BETA), content), BETA, List.of(rsaPublic), fromRsa);

        assertThat(toRsa.toByteArray()).isEqualTo(content);
        assertThat(fromRsa.toByteArray()).isEqualTo(content);
        assertThat(sender.fingerprint()).isEqualTo(rsa.fingerprint());
    }
}
