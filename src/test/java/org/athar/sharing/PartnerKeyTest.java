package org.athar.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartnerKeyTest {

    private static final InstallationKey KEY = InstallationKey.generate("Partner Org");

    @Test
    void an_installation_key_is_ed25519_with_an_x25519_subkey_and_a_40_digit_fingerprint() {
        PartnerKey parsed = PartnerKey.parse(KEY.publicKeyArmoured());

        assertThat(parsed.fingerprint()).matches("[0-9A-F]{40}").isEqualTo(KEY.fingerprint());
        assertThat(parsed.canEncrypt()).isTrue();
        assertThat(parsed.canSign()).isTrue();
        assertThat(KEY.userId()).isEqualTo("Partner Org <sharing@athar.invalid>");
        assertThat(KEY.publicKeyArmoured())
                .startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----")
                .doesNotContain("PRIVATE")
                .doesNotContain("Version:");
    }

    @Test
    void a_stored_private_key_reads_back_as_the_same_key() {
        InstallationKey again = InstallationKey.fromArmoured(KEY.privateKeyArmoured());

        assertThat(again.fingerprint()).isEqualTo(KEY.fingerprint());
        assertThat(KEY.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void a_private_key_is_refused_and_the_message_says_to_send_the_public_one() {
        assertThatThrownBy(() -> PartnerKey.parse(KEY.privateKeyArmoured()))
                .isInstanceOf(InvalidPartnerKeyException.class)
                .hasMessageContaining("private key")
                .hasMessageContaining("gpg --armor --export");
    }

    @Test
    void text_that_is_no_key_or_a_damaged_key_is_refused() {
        assertThatThrownBy(() -> PartnerKey.parse("ssh-ed25519 AAAAC3Nza… partner@example.org"))
                .isInstanceOf(InvalidPartnerKeyException.class)
                .hasMessageContaining("ASCII-armoured");
        assertThatThrownBy(() -> PartnerKey.parse(" "))
                .isInstanceOf(InvalidPartnerKeyException.class)
                .hasMessageContaining("empty");
        String armoured = KEY.publicKeyArmoured();
        String cut = armoured.substring(0, armoured.length() / 2) + "\n-----END PGP PUBLIC KEY BLOCK-----\n";
        assertThatThrownBy(() -> PartnerKey.parse(cut)).isInstanceOf(InvalidPartnerKeyException.class);
    }

    @Test
    void two_keys_in_one_text_are_refused() {
        String two = KEY.publicKeyArmoured() + InstallationKey.generate("Other").publicKeyArmoured();

        assertThatThrownBy(() -> PartnerKey.parse(two))
                .isInstanceOf(InvalidPartnerKeyException.class)
                .hasMessageContaining("one partner key at a time");
    }

    @Test
    void an_rsa_key_under_2048_bits_is_refused() throws Exception {
        InstallationKey weak = TestKeys.rsa("Weak", 1024);

        assertThatThrownBy(() -> PartnerKey.parse(weak.publicKeyArmoured()))
                .isInstanceOf(InvalidPartnerKeyException.class)
                .hasMessageContaining("2048");
    }
}
