package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Athar's own RFC 6238 codes and RFC 4648 base32, checked against the RFCs' published test vectors. */
class TotpTest {

    // RFC 6238 Appendix B, the SHA-1 rows: the key is the ASCII of "12345678901234567890", codes have 8 digits.
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void the_codes_are_those_of_rfc_6238_appendix_b(long unixSeconds, String expected) {
        assertThat(Totp.code(RFC_KEY, unixSeconds / 30, 8)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "59, 287082",
        "1111111109, 081804",
        "1111111111, 050471",
        "1234567890, 005924",
        "2000000000, 279037",
        "20000000000, 353130"
    })
    void a_six_digit_code_is_the_last_six_digits_with_leading_zeros_kept(long unixSeconds, String expected) {
        assertThat(Totp.code(Totp.base32(RFC_KEY), unixSeconds / 30)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                "'',''",
                "f,MY======",
                "fo,MZXQ====",
                "foo,MZXW6===",
                "foob,MZXW6YQ=",
                "fooba,MZXW6YTB",
                "foobar,MZXW6YTBOI======"
            })
    void base32_is_that_of_rfc_4648_section_10(String text, String encoded) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.base32(bytes)).isEqualTo(encoded);
        assertThat(Totp.fromBase32(encoded)).isEqualTo(bytes);
        assertThat(Totp.fromBase32(encoded.replace("=", "").toLowerCase()))
                .as("apps accept secrets without padding and in lower case")
                .isEqualTo(bytes);
    }

    @Test
    void a_secret_is_32_base32_letters_holding_160_random_bits() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.fromBase32(secret)).hasSize(20);
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void a_secret_that_is_not_base32_is_refused_by_name_not_turned_into_some_key() {
        assertThatThrownBy(() -> Totp.code("GEZDGNBV1", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base32");
    }

    @Test
    void a_secret_enrolled_before_athar_had_its_own_totp_still_signs_in() {
        // The form the earlier library stored: 32 upper-case base32 letters. This one is RFC 6238's key.
        String stored = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(Totp.fromBase32(stored)).isEqualTo(RFC_KEY);
        assertThat(Totp.code(stored, 59 / 30)).isEqualTo("287082");
    }

    @Test
    void the_enrolment_address_is_the_key_uri_authenticator_apps_read() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        TwoFactor.Enrolment enrolment = new TwoFactor(null, null, clock).begin("dalia al-x");
        assertThat(enrolment.otpauthUri())
                .isEqualTo("otpauth://totp/dalia%20al-x?secret=" + enrolment.secret()
                        + "&issuer=Athar&algorithm=SHA1&digits=6&period=30");
        assertThat(enrolment.qrPng()).startsWith(0x89, 'P', 'N', 'G');
    }
}
