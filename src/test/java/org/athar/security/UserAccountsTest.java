package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.athar.AtharIntegrationTest;
import org.athar.ServerDefaults;
import org.athar.security.InvalidUserException.Reason;
import org.athar.security.UserChanged.Change;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Accounts on a fresh user index: what administrators may change, the last-admin rule, and failed sign-ins slowed
 * down (never locked) with a moving clock.
 */
class UserAccountsTest extends AtharIntegrationTest {

    @Autowired
    ElasticsearchClient client;

    private final TestUsers.MovableClock clock = new TestUsers.MovableClock();
    private final List<Object> events = new ArrayList<>();
    private final PasswordHashing hashing = new PasswordHashing();
    private final Viewer admin = Viewer.system("boss");
    private UserStore store;
    private Users users;

    @BeforeEach
    void freshIndex() {
        store = TestUsers.freshStore(client);
        users = new Users(store, hashing, events::add, clock);
    }

    @Test
    void a_created_user_is_listed_with_its_roles_and_the_stored_password_is_a_bcrypt_hash_of_cost_12() {
        users.create(admin, "Rana.Writer", "a long synthetic passphrase", Set.of(Role.WRITER));

        assertThat(users.list(admin))
                .extracting(UserSummary::username, UserSummary::roles)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rana.writer", Set.of(Role.WRITER)));
        UserAccount stored = store.find("rana.writer").orElseThrow();
        assertThat(stored.passwordHash()).startsWith("$2a$12$").doesNotContain("passphrase");
        assertThat(hashing.matches("a long synthetic passphrase", stored.passwordHash()))
                .isTrue();
        assertThat(events).containsExactly(new UserChanged("boss", "rana.writer", Change.CREATED, "WRITER"));
    }

    @Test
    void a_taken_username_is_refused_whatever_its_case() {
        users.create(admin, "samir", "a long synthetic passphrase", Set.of(Role.ANALYST));
        assertThatThrownBy(() -> users.create(admin, "SAMIR", "another synthetic passphrase", Set.of(Role.WRITER)))
                .isInstanceOfSatisfying(
                        UserConflictException.class,
                        e -> assertThat(e.kind()).isEqualTo(UserConflictException.Kind.USERNAME_TAKEN));
    }

    @Test
    void weak_passwords_and_bad_usernames_are_refused_naming_the_field() {
        assertRefused(
                () -> users.create(admin, "nour", "short pass", Set.of(Role.WRITER)),
                "password",
                Reason.PASSWORD_TOO_SHORT);
        assertRefused(
                () -> users.create(admin, "nour", "x".repeat(129), Set.of(Role.WRITER)),
                "password",
                Reason.PASSWORD_TOO_LONG);
        assertRefused(
                () -> users.create(admin, "nour.alhalabi", "Nour.Alhalabi", Set.of(Role.WRITER)),
                "password",
                Reason.PASSWORD_IS_USERNAME);
        assertRefused(
                () -> users.create(admin, "nour", "aaaaaaaaaaaa", Set.of(Role.WRITER)),
                "password",
                Reason.PASSWORD_REPETITIVE);
        assertRefused(
                () -> users.create(admin, "nour", "Password2024!", Set.of(Role.WRITER)),
                "password",
                Reason.PASSWORD_COMMON);
        assertRefused(
                () -> users.create(admin, "nour.alhalabi", "nour.alhalabi1990", Set.of(Role.WRITER)),
                "password",
                Reason.PASSWORD_CONTAINS_USERNAME);
        assertRefused(
                () -> users.create(admin, "نور", "a long synthetic passphrase", Set.of(Role.WRITER)),
                "username",
                Reason.USERNAME_FORMAT);
        assertRefused(() -> Users.roles(List.of("WRITER", "EDITOR")), "roles", Reason.UNKNOWN_ROLE);
        assertRefused(() -> Users.roles(List.of()), "roles", Reason.NO_ROLE);
        assertThat(users.list(admin)).isEmpty();
    }

    @Test
    void only_an_administrator_may_manage_users() {
        Viewer writer = new Viewer("writer", Set.of(Role.WRITER));
        assertThatThrownBy(() -> users.list(writer)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.create(writer, "x-user", "a long synthetic passphrase", Set.of(Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(users.list(admin)).isEmpty();
    }

    @Test
    void the_last_enabled_administrator_cannot_be_disabled_or_lose_admin_until_another_exists() {
        users.create(admin, "first-admin", "a long synthetic passphrase", Set.of(Role.ADMIN));
        assertThatThrownBy(() -> users.update(admin, "first-admin", UserUpdate.enabled(false)))
                .isInstanceOfSatisfying(
                        UserConflictException.class,
                        e -> assertThat(e.kind()).isEqualTo(UserConflictException.Kind.LAST_ADMIN));
        assertThatThrownBy(() -> users.update(admin, "first-admin", UserUpdate.roles(Set.of(Role.ANALYST))))
                .isInstanceOf(UserConflictException.class);
        assertThat(store.find("first-admin").orElseThrow().isEnabledAdmin()).isTrue();

        users.create(admin, "second-admin", "another synthetic passphrase", Set.of(Role.ADMIN));
        users.update(admin, "first-admin", UserUpdate.roles(Set.of(Role.ANALYST)));
        assertThat(store.find("first-admin").orElseThrow().roles()).containsExactly(Role.ANALYST);
        assertThatThrownBy(() -> users.update(admin, "second-admin", UserUpdate.enabled(false)))
                .isInstanceOf(UserConflictException.class);
    }

    @Test
    void a_password_reset_or_disabling_ends_the_users_open_sessions_and_is_published() {
        users.create(admin, "layla", "a long synthetic passphrase", Set.of(Role.WRITER));
        clock.advance(Duration.ofMinutes(5));
        users.update(admin, "layla", UserUpdate.password("a brand new synthetic passphrase"));

        UserAccount after = store.find("layla").orElseThrow();
        assertThat(after.sessionsValidAfter()).contains(clock.instant());
        assertThat(hashing.matches("a brand new synthetic passphrase", after.passwordHash()))
                .isTrue();
        clock.advance(Duration.ofMinutes(5));
        users.update(admin, "layla", UserUpdate.enabled(false));
        assertThat(store.find("layla").orElseThrow().sessionsValidAfter()).contains(clock.instant());
        assertThat(events)
                .extracting(e -> ((UserChanged) e).change())
                .containsExactly(Change.CREATED, Change.PASSWORD_RESET, Change.DISABLED);
    }

    @Test
    void a_user_changes_their_own_password_only_with_the_current_one() {
        users.create(admin, "omar", "a long synthetic passphrase", Set.of(Role.ADVOCACY));
        assertRefused(
                () -> users.changeOwnPassword("omar", "not the password", "a newer synthetic passphrase"),
                "currentPassword",
                Reason.WRONG_CURRENT_PASSWORD);
        users.changeOwnPassword("omar", "a long synthetic passphrase", "a newer synthetic passphrase");
        assertThat(hashing.matches(
                        "a newer synthetic passphrase",
                        store.find("omar").orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void failed_sign_ins_slow_down_only_that_name_from_that_address_and_never_lock_the_account() {
        users.create(admin, "huda", "a long synthetic passphrase", Set.of(Role.ANALYST));
        UserAccount stored = store.find("huda").orElseThrow();
        SignInThrottle throttle = new SignInThrottle(AtharSecurityProperties.Throttle.defaults(), clock);
        var page = new AccountAuthenticationProvider(
                store,
                hashing,
                TestUsers.properties(null, Set.of()),
                throttle,
                clock,
                AccountAuthenticationProvider.Channel.SIGN_IN_PAGE);
        String guesser = "198.51.100.7";
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> from(guesser, () -> page.authenticate(attempt("HUDA", "a wrong passphrase!"))))
                    .isInstanceOf(BadCredentialsException.class);
        }
        // The sixth try from there is refused without looking at the password, even the right one, for a second.
        assertThatThrownBy(() -> from(guesser, () -> page.authenticate(attempt("huda", "a long synthetic passphrase"))))
                .isInstanceOf(SignInThrottledException.class);

        // The owner, elsewhere, signs in at once: nobody can lock anybody out.
        assertThat(from("203.0.113.9", () -> page.authenticate(attempt("huda", "a long synthetic passphrase")))
                        .getAuthorities())
                .extracting(a -> a.getAuthority())
                .contains("ROLE_" + Authorities.SIGNED_IN);
        // After the wait the right password works from the guesser's address too, and starts the count again.
        clock.advance(Duration.ofSeconds(1));
        assertThat(from(guesser, () -> page.authenticate(attempt("huda", "a long synthetic passphrase")))
                        .isAuthenticated())
                .isTrue();
        assertThatThrownBy(() -> from(guesser, () -> page.authenticate(attempt("huda", "a wrong passphrase!"))))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(store.find("huda").orElseThrow())
                .as("nothing about failures is stored in the account")
                .isEqualTo(stored);
        assertThat(events).extracting(e -> ((UserChanged) e).change()).containsExactly(Change.CREATED);
    }

    @Test
    void failed_sign_ins_typed_in_capitals_slow_the_account_down_on_a_server_with_a_turkish_locale() throws Throwable {
        // Java lower-cases "IMAD" to "ımad" under a Turkish default locale: the failures would then count against
        // no account, and a password could be guessed without end by typing the username in capitals.
        SignInThrottle throttle = new SignInThrottle(AtharSecurityProperties.Throttle.defaults(), clock);
        ServerDefaults.withLocale(ServerDefaults.TURKISH, () -> {
            for (int i = 0; i < 10; i++) {
                throttle.failed("IMAD", "192.0.2.7");
            }
            return null;
        });
        assertThat(throttle.waitFor("imad", "192.0.2.7")).isPresent();
    }

    @Test
    void a_failed_sign_in_for_an_unknown_username_stores_nothing() {
        SignInThrottle throttle = new SignInThrottle(AtharSecurityProperties.Throttle.defaults(), clock);
        var page = new AccountAuthenticationProvider(
                store,
                hashing,
                TestUsers.properties(null, Set.of()),
                throttle,
                clock,
                AccountAuthenticationProvider.Channel.SIGN_IN_PAGE);
        assertThatThrownBy(() -> page.authenticate(attempt("nobody-here", "a wrong passphrase!")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(store.count()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void the_sign_in_page_hands_out_only_enrolment_to_a_role_that_requires_two_factors() {
        users.create(admin, "amal", "a long synthetic passphrase", Set.of(Role.ANALYST));
        var page = new AccountAuthenticationProvider(
                store,
                hashing,
                TestUsers.properties(null, Set.of(Role.ANALYST)),
                new SignInThrottle(AtharSecurityProperties.Throttle.defaults(), clock),
                clock,
                AccountAuthenticationProvider.Channel.SIGN_IN_PAGE);

        var result = page.authenticate(attempt("amal", "a long synthetic passphrase"));
        assertThat(result.getAuthorities())
                .extracting(a -> a.getAuthority())
                .containsExactly("ROLE_" + Authorities.TWO_FACTOR_ENROL);
        assertThatThrownBy(() -> page.authenticate(attempt("amal", "a wrong passphrase!")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    /** Runs {@code call} as if in a request from {@code address} (the throttle counts per address). */
    static <T> T from(String address, java.util.function.Supplier<T> call) {
        org.springframework.mock.web.MockHttpServletRequest request =
                new org.springframework.mock.web.MockHttpServletRequest();
        request.setRemoteAddr(address);
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(request));
        try {
            return call.get();
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
    }

    private static void assertRefused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidUserException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).isEqualTo(reason);
        });
    }
}
