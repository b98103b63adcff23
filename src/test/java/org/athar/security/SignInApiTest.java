package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.athar.AtharIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Signing in over HTTP against the running application: API tokens, HTTP Basic refused for two-factor accounts,
 * failed sign-ins slowed down (never locked), the browser session with its CSRF token and two-step sign-in, headers
 * and the session timeout.
 */
class SignInApiTest extends AtharIntegrationTest {

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    TwoFactor twoFactor;

    @Autowired
    ServletContext servletContext;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    private ResponseEntity<String> reports(String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        return anonymous.exchange("/api/v1/reports?size=1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String basic(TestUsers.Account a, String password) {
        return "Basic " + HttpHeaders.encodeBasicAuth(a.username(), password, StandardCharsets.UTF_8);
    }

    private String error(ResponseEntity<String> r) throws Exception {
        return json.readTree(r.getBody()).get("error").asText();
    }

    @Test
    void an_api_token_signs_in_shows_when_it_was_used_and_once_revoked_is_refused() throws Exception {
        TestUsers.Account analyst = TestUsers.create(users, Role.ANALYST);
        ApiTokens.Created token = tokens.create(analyst.username(), "monthly export");
        assertThat(token.secret()).startsWith("athar_").hasSizeGreaterThanOrEqualTo(6 + 43);

        assertThat(reports("Bearer " + token.secret()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tokens.list(analyst.username())).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("monthly export");
            assertThat(t.lastUsedAt()).isPresent();
        });

        assertThat(tokens.revoke(analyst.username(), token.token().id())).isTrue();
        ResponseEntity<String> revoked = reports("Bearer " + token.secret());
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(error(revoked)).contains("revoked token");
        assertThat(reports("Bearer athar_" + "x".repeat(43)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void an_api_token_never_clears_failed_password_sign_ins_and_stops_at_once_when_its_account_is_disabled()
            throws Exception {
        TestUsers.Account analyst = TestUsers.create(users, Role.ANALYST);
        String token = "Bearer " + tokens.create(analyst.username(), "nightly").secret();
        for (int i = 1; i <= 3; i++) {
            assertThat(reports(basic(analyst, "wrong password " + i)).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        // A script's calls prove nothing about the password: the count of failed guesses stays.
        assertThat(reports(token).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reports(token).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (int i = 4; i <= 5; i++) {
            assertThat(reports(basic(analyst, "wrong password " + i)).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(reports(basic(analyst, analyst.password())).getStatusCode())
                .as("the sixth try is slowed down")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        // The token was checked a moment ago; disabling the account still refuses it on the very next call.
        Viewer boss = Viewer.system("boss");
        users.update(boss, analyst.username(), UserUpdate.enabled(false));
        ResponseEntity<String> disabled = reports(token);
        assertThat(disabled.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        users.update(boss, analyst.username(), UserUpdate.enabled(true));
        assertThat(reports(token).getStatusCode()).isEqualTo(HttpStatus.OK);
        // A change of roles takes effect at once too: an analyst may not read the audit log, an administrator may.
        assertThat(anonymousGet("/api/v1/admin/audit", token).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        users.update(boss, analyst.username(), UserUpdate.roles(java.util.Set.of(Role.ADMIN)));
        assertThat(anonymousGet("/api/v1/admin/audit", token).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> anonymousGet(String path, String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        return anonymous.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void http_basic_is_refused_for_a_two_factor_account_which_uses_a_token_instead() throws Exception {
        TestUsers.Account writer = TestUsers.create(users, Role.WRITER);
        assertThat(reports(basic(writer, writer.password())).getStatusCode()).isEqualTo(HttpStatus.OK);
        enrol(writer.username());

        ResponseEntity<String> refused = reports(basic(writer, writer.password()));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(error(refused)).contains("two factors").contains("Authorization: Bearer <token>");
        // The right password gets the very answer a wrong one gets: it does not confirm a guess.
        ResponseEntity<String> wrong = reports(basic(writer, "not the password of this writer"));
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(error(refused)).isEqualTo(error(wrong));
        assertThat(refused.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo(wrong.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
        String token = tokens.create(writer.username(), "script").secret();
        assertThat(reports("Bearer " + token).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // Was five_wrong_passwords_lock_the_account_with_the_same_answer_an_unknown_user_gets: the lockout let anyone
    // lock anyone out for 15 minutes; now the guesser waits and the owner does not.
    @Test
    void five_wrong_passwords_slow_the_next_try_down_as_for_an_unknown_user_and_never_lock_the_owner_out()
            throws Exception {
        TestUsers.Account analyst = TestUsers.create(users, Role.ANALYST);
        TestUsers.Account nobody = new TestUsers.Account("nobody-" + analyst.username(), "", null);
        String unknownUser = error(reports(basic(nobody, "whatever it is")));
        for (int i = 1; i <= 5; i++) {
            ResponseEntity<String> wrong = reports(basic(analyst, "wrong password " + i));
            assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(error(wrong)).isEqualTo(unknownUser);
        }
        ResponseEntity<String> slowed = reports(basic(analyst, analyst.password()));
        assertThat(slowed.getStatusCode())
                .as("the right password is not even looked at yet")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(error(slowed)).contains("wait").contains("from this address");
        long retryAfter = Long.parseLong(slowed.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 2L);
        // A name that does not exist is slowed down exactly the same way: the 429 tells nothing about the name.
        for (int i = 2; i <= 5; i++) {
            assertThat(reports(basic(nobody, "whatever it is " + i)).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> nobodySlowed = reports(basic(nobody, "whatever it is 6"));
        assertThat(nobodySlowed.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(error(nobodySlowed).replaceAll("\\d+ s", ""))
                .isEqualTo(error(slowed).replaceAll("\\d+ s", ""));

        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(reports(basic(analyst, analyst.password())).getStatusCode())
                .as("no lockout: after the wait the " + "owner's password works")
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_browser_session_reads_the_api_but_changes_data_only_with_its_csrf_token() throws Exception {
        FormBrowser browser = new FormBrowser(port);
        HttpResponse<String> signIn = browser.signIn("admin", ADMIN_PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(browser.get("/api/v1/admin/users").statusCode()).isEqualTo(200);

        TestUsers.Account target = TestUsers.create(users, Role.WRITER);
        String patch = "/api/v1/admin/users/" + target.username();
        HttpResponse<String> without = browser.send(browser.request(patch)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}"))
                .header("Content-Type", "application/json"));
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(json.readTree(without.body()).get("error").asText()).contains("CSRF");
        assertThat(users.find(target.username()).orElseThrow().enabled()).isTrue();

        HttpResponse<String> with = browser.send(browser.request(patch)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", browser.csrf()));
        assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
        assertThat(users.find(target.username()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void with_two_factors_the_password_opens_only_the_code_step_and_the_code_completes_the_sign_in() throws Exception {
        TestUsers.Account analyst = TestUsers.create(users, Role.ANALYST);
        String secret = enrol(analyst.username());
        FormBrowser browser = new FormBrowser(port);
        HttpResponse<String> password = browser.signIn(analyst.username(), analyst.password());
        assertThat(password.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/code"));
        HttpResponse<String> halfWay = browser.get("/api/v1/reports?size=1");
        assertThat(halfWay.statusCode()).isEqualTo(403);
        assertThat(halfWay.body()).contains("finish signing in");

        browser.get("/login/code");
        HttpResponse<String> wrong = browser.post("/login/code", "code=000000&_csrf=" + browser.csrf());
        assertThat(wrong.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/code?error"));

        String code = Totp.code(secret, Instant.now().getEpochSecond() / 30 + 1);
        String sessionBefore = browser.sessionId();
        HttpResponse<String> done = browser.post("/login/code", "code=" + code + "&_csrf=" + browser.csrf());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
        assertThat(browser.sessionId())
                .as("a new session id after the second step")
                .isNotEqualTo(sessionBefore);
        assertThat(browser.get("/api/v1/reports?size=1").statusCode()).isEqualTo(200);
    }

    @Test
    void pages_and_api_answers_carry_the_security_headers() {
        for (String path : new String[] {"/login", "/api/v1/reports"}) {
            HttpHeaders h = anonymous.getForEntity(path, String.class).getHeaders();
            assertThat(h.getFirst("Content-Security-Policy"))
                    .contains("frame-ancestors 'none'")
                    .contains("default-src 'self'")
                    .contains("object-src 'none'");
            assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(h.getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(h.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        }
    }

    @Test
    void an_idle_session_ends_after_thirty_minutes_by_default() {
        assertThat(servletContext.getSessionTimeout()).isEqualTo(30);
    }

    private String enrol(String username) throws Exception {
        TwoFactor.Enrolment enrolment = twoFactor.begin(username);
        String code = Totp.code(enrolment.secret(), Instant.now().getEpochSecond() / 30);
        assertThat(twoFactor.confirm(username, enrolment.secret(), code)).isPresent();
        return enrolment.secret();
    }
}
