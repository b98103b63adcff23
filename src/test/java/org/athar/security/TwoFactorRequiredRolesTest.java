package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.athar.AtharIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@code athar.security.require-2fa-roles=ANALYST}: an analyst has no way in with a password alone, on no channel:
 * not HTTP Basic (before or after setting two factors up), not an API token made before, not a session that became
 * an analyst's while it was open.
 */
class TwoFactorRequiredRolesTest extends AtharIntegrationTest {

    private static final String PASSWORD = "a long synthetic passphrase";

    @org.springframework.beans.factory.annotation.Autowired
    ElasticsearchClient client;

    private final TestUsers.MovableClock clock = new TestUsers.MovableClock();
    private final AtharSecurityProperties requireAnalysts = TestUsers.properties(null, Set.of(Role.ANALYST));
    private final List<Object> events = new ArrayList<>();
    private UserStore store;
    private Users users;
    private ApiTokens tokens;
    private TwoFactor twoFactor;

    @BeforeEach
    void freshIndex() {
        store = TestUsers.freshStore(client);
        users = new Users(store, new PasswordHashing(), this::publish, clock);
        tokens = new ApiTokens(store, this::publish, clock);
        twoFactor = new TwoFactor(store, this::publish, clock);
    }

    @AfterEach
    void noContextLeft() {
        SecurityContextHolder.clearContext();
    }

    // As the application context does: every account change reaches the token cache.
    private void publish(Object event) {
        events.add(event);
        if (event instanceof UserChanged change && tokens != null) {
            tokens.accountChanged(change);
        }
    }

    private AccountAuthenticationProvider basic() {
        return new AccountAuthenticationProvider(
                store,
                new PasswordHashing(),
                requireAnalysts,
                new SignInThrottle(AtharSecurityProperties.Throttle.defaults(), clock),
                clock,
                AccountAuthenticationProvider.Channel.HTTP_BASIC);
    }

    private void enrol(String username) throws Exception {
        TwoFactor.Enrolment enrolment = twoFactor.begin(username);
        String code = Totp.code(enrolment.secret(), clock.instant().getEpochSecond() / 30);
        assertThat(twoFactor.confirm(username, enrolment.secret(), code)).isPresent();
    }

    @Test
    void http_basic_refuses_the_right_password_of_such_a_role_before_and_after_enrolment() throws Exception {
        users.create(Viewer.system("test"), "amal", PASSWORD, Set.of(Role.ANALYST));
        users.create(Viewer.system("test"), "rana", PASSWORD, Set.of(Role.WRITER));
        var basic = basic();

        assertThatThrownBy(
                        () -> basic.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("amal", PASSWORD)))
                .isInstanceOfSatisfying(
                        TwoFactorRequiredException.class,
                        e -> assertThat(e.twoFactorOn()).isFalse());
        enrol("amal");
        assertThatThrownBy(
                        () -> basic.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("amal", PASSWORD)))
                .isInstanceOfSatisfying(
                        TwoFactorRequiredException.class,
                        e -> assertThat(e.twoFactorOn()).isTrue());
        // A role that does not require two factors keeps HTTP Basic.
        assertThat(basic.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("rana", PASSWORD)))
                .isInstanceOf(BasicSignIn.class);
    }

    @Test
    void an_api_token_of_such_a_role_works_only_once_two_factors_are_set_up() throws Exception {
        users.create(Viewer.system("test"), "samir", PASSWORD, Set.of(Role.WRITER));
        String secret = tokens.create("samir", "made as a writer").secret();
        var tokenSignIn = new TokenAuthenticationProvider(tokens, requireAnalysts, clock);
        assertThat(tokenSignIn.authenticate(new BearerToken(secret))).isInstanceOf(ApiTokenSignIn.class);

        users.update(Viewer.system("boss"), "samir", UserUpdate.roles(Set.of(Role.ANALYST)));
        assertThatThrownBy(() -> tokenSignIn.authenticate(new BearerToken(secret)))
                .isInstanceOf(TwoFactorNotSetUpException.class)
                .hasMessageContaining("set it up under Account");
        enrol("samir");
        Authentication signedIn = tokenSignIn.authenticate(new BearerToken(secret));
        assertThat(signedIn.getAuthorities())
                .extracting(a -> a.getAuthority())
                .contains("ROLE_" + Permission.SEE_IDENTITIES.name());
    }

    @Test
    void an_open_session_whose_new_role_requires_two_factors_is_left_only_the_enrolment() throws Exception {
        users.create(Viewer.system("test"), "layla", PASSWORD, Set.of(Role.WRITER));
        var check = new SessionAccountCheck(
                store, requireAnalysts, clock, SecurityContextHolder.getContextHolderStrategy());
        SignedInUser writer = new SignedInUser("layla", Set.of(Role.WRITER), clock.instant());
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        writer, null, Authorities.of(writer.roles())));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(new MockHttpSession());

        users.update(Viewer.system("boss"), "layla", UserUpdate.roles(Set.of(Role.ANALYST)));
        clock.advance(Duration.ofMinutes(1));
        check.doFilter(request, new MockHttpServletResponse(), (req, res) -> {});

        Authentication now = SecurityContextHolder.getContext().getAuthentication();
        assertThat(now.getAuthorities())
                .extracting(a -> a.getAuthority())
                .containsExactly("ROLE_" + Authorities.TWO_FACTOR_ENROL);
        assertThat(WebSignIn.nextStep(now)).contains(WebSignIn.ENROLMENT_PAGE);
        assertThat(((SignedInUser) now.getPrincipal()).roles()).containsExactly(Role.ANALYST);
    }
}
