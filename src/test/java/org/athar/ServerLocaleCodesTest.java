package org.athar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.athar.ingest.ImportBatch;
import org.athar.security.InvalidUserException;
import org.athar.security.UserConflictException;
import org.junit.jupiter.api.Test;

/**
 * Codes Athar stores in the engine or sends to API clients are the same words on every server: on a Turkish one,
 * Java lower-cases "I" to a dotless "ı", so "FAILED" would be stored as "faıled" and never read back.
 */
class ServerLocaleCodesTest {

    @Test
    void stored_and_answered_codes_are_the_same_words_on_a_turkish_server() throws Throwable {
        List<String> turkish = ServerDefaults.withLocale(ServerDefaults.TURKISH, ServerLocaleCodesTest::codes);
        assertThat(turkish)
                .isEqualTo(codes())
                .contains("failed", "interrupted", "password-is-username")
                .allSatisfy(code -> assertThat(code).matches("[a-z-]+"));
    }

    private static List<String> codes() {
        return List.of(
                        Arrays.stream(ImportBatch.Status.values()).map(ImportBatch.Status::code),
                        Arrays.stream(InvalidUserException.Reason.values()).map(InvalidUserException.Reason::code),
                        Arrays.stream(UserConflictException.Kind.values()).map(UserConflictException.Kind::code))
                .stream()
                .flatMap(s -> s)
                .toList();
    }
}
