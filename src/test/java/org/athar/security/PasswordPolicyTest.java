package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.athar.security.InvalidUserException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a guesser tries first is refused as a new password; long passphrases, Latin or Arabic, are accepted. */
class PasswordPolicyTest {

    private static Reason refusal(String username, String password) {
        try {
            PasswordPolicy.check(username, password, "password");
        } catch (InvalidUserException e) {
            assertThat(e.field()).isEqualTo("password");
            assertThat(e.getMessage()).as("says what to do instead").isNotBlank();
            return e.reason();
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aaaaaaaaaaaa",
                "123456789012",
                "abcabcabcabc",
                "abcdefghijklmnop",
                "zyxwvutsrqpon",
                "987654321098",
                "passwordpassword",
                "aaaaaa123456",
                "qwertyuiopasdf",
                "1q2w3e4r5t6y7u",
                "abab baba abab",
                "ZZZZZZZZZZZZZZZZ",
                "٩٨٧٦٥٤٣٢١٠٩٨",
                "ههههههههههههه",
                "............"
            })
    void repeated_and_sequential_patterns_are_refused(String password) {
        assertThat(refusal("layla", password)).isIn(Reason.PASSWORD_REPETITIVE, Reason.PASSWORD_COMMON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "123456789012", "abcabcabcabc"})
    void the_patterns_of_the_issue_are_refused_as_patterns(String password) {
        assertThat(refusal("layla", password)).isEqualTo(Reason.PASSWORD_REPETITIVE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "iloveyou1234",
                "Password2024!",
                "sunshine!!!!2025",
                "1qaz2wsx3edc",
                "qwerty123456",
                "   football1234   ",
                "123dragon1234",
                "trustno1trustno1",
                "LetMeIn@2026!!"
            })
    void common_passwords_also_with_digits_or_punctuation_around_them_are_refused(String password) {
        assertThat(refusal("layla", password)).isIn(Reason.PASSWORD_COMMON, Reason.PASSWORD_REPETITIVE);
        assertThat(PasswordPolicy.isCommon(password.strip().toLowerCase(java.util.Locale.ROOT))
                        || PasswordPolicy.isPattern(password.strip().toLowerCase(java.util.Locale.ROOT)))
                .isTrue();
    }

    @Test
    void the_username_inside_the_password_does_not_count_towards_its_length() {
        assertThat(refusal("rana.writer", "rana.writer2026!")).isEqualTo(Reason.PASSWORD_CONTAINS_USERNAME);
        assertThat(refusal("rana.writer", "2026RANA.WRITER")).isEqualTo(Reason.PASSWORD_CONTAINS_USERNAME);
        assertThat(refusal("rana.writer", "Rana.Writer")).isEqualTo(Reason.PASSWORD_TOO_SHORT);
        assertThat(refusal("samir.hassan", "samir.hassan")).isEqualTo(Reason.PASSWORD_IS_USERNAME);
        // What is left must itself be a password: the username plus a pattern is a pattern.
        assertThat(refusal("admin", "admin" + "aaaaaaaaaaaaaa")).isEqualTo(Reason.PASSWORD_REPETITIVE);
        assertThat(refusal("admin", "admin-password1234")).isEqualTo(Reason.PASSWORD_COMMON);
        // A long passphrase that happens to hold the username is as strong as the passphrase.
        assertThat(refusal("admin", "test-admin-passphrase-2026")).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a long synthetic passphrase",
                "correct horse battery staple",
                "Tulips in Idlib 1998",
                "synthetic pass 4f6c1a0e-9b1d-4f0a-8a55-2d9e3c7b1f00",
                "شجرة زيتون قرب النهر",
                "bread-river-lantern-7",
                "xK9#mQ2$vL7!",
                "Marguerite & the old bridge",
                "aZ3-kP9-wQ1-lM5"
            })
    void long_or_random_passwords_in_either_script_are_accepted(String password) {
        assertThatCode(() -> PasswordPolicy.check("layla", password, "password"))
                .doesNotThrowAnyException();
    }

    @Test
    void generated_first_start_passwords_always_pass() {
        for (int i = 0; i < 200; i++) {
            String generated = FirstStart.generate();
            assertThatCode(() -> PasswordPolicy.check("admin", generated, "athar.security.admin-password"))
                    .as(generated)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void the_shipped_list_holds_thousands_of_common_passwords_in_lower_case() throws IOException {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS)) {
            assertThat(in).as("the list is inside the application").isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            assertThat(lines.length).isGreaterThan(10_000);
            assertThat(lines)
                    .contains("123456", "password", "iloveyou", "qwertyuiop", "1qaz2wsx3edc")
                    .allMatch(l -> l.equals(l.toLowerCase(java.util.Locale.ROOT)));
        }
        assertThatThrownBy(() -> PasswordPolicy.check("layla", "qwertyuiop12", "newPassword"))
                .isInstanceOfSatisfying(
                        InvalidUserException.class, e -> assertThat(e.field()).isEqualTo("newPassword"));
    }
}
