package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** bcrypt at cost 12, and every one of up to 128 characters counts, even beyond bcrypt's 72 bytes. */
class PasswordHashingTest {

    private final PasswordHashing hashing = new PasswordHashing();

    @Test
    void a_password_is_stored_as_bcrypt_with_cost_12_and_a_fresh_salt() {
        String first = hashing.encode("correct horse battery staple");
        assertThat(first).startsWith("$2a$12$").hasSize(60);
        assertThat(hashing.encode("correct horse battery staple")).isNotEqualTo(first);
        assertThat(hashing.matches("correct horse battery staple", first)).isTrue();
        assertThat(hashing.matches("correct horse battery stapler", first)).isFalse();
    }

    @Test
    void a_128_character_arabic_passphrase_is_checked_to_its_last_character() {
        String passphrase = "كلمة سر طويلة جدا ".repeat(8).substring(0, 128);
        String hash = hashing.encode(passphrase);
        assertThat(hashing.matches(passphrase, hash)).isTrue();
        String lastDiffers = passphrase.substring(0, 127) + "ز";
        assertThat(hashing.matches(lastDiffers, hash)).isFalse();
    }
}
