package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What an attacker tries against the sign-in, over HTTP against the running application: telling accounts apart by
 * the time an answer takes, a session cookie with an {@code Authorization} header that signs nothing in, signing a
 * victim's browser in to the attacker's account (login CSRF), and choosing the address the audit log records.
 */
class SignInDefencesTest extends AtharIntegrationTest {

    /** Medians within this factor count as "the same time" (one bcrypt check each is ~0.3–1 s; no check ~20 ms). */
    private static final double SAME_TIME = 2.0;

    private static final String BRIEFING = "{\"title\":\"probe\",\"language\":\"en\",\"profile\":\"public\","
            + "\"text\":\"A synthetic probe.\",\"figures\":[],\"charts\":[]}";

    @Autowired
    Users users;

    @Autowired
    AuditLog audit;

    @Autowired
    ElasticsearchClient client;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    private static String basic(String username, String password) {
        return "Basic " + HttpHeaders.encodeBasicAuth(username, password, StandardCharsets.UTF_8);
    }

    private ResponseEntity<String> reports(HttpHeaders headers) {
        return anonymous.exchange("/api/v1/reports?size=1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** Milliseconds one HTTP Basic sign-in takes to be answered (refused). */
    private double millis(String username, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, basic(username, password));
        long start = System.nanoTime();
        ResponseEntity<String> r = reports(headers);
        double took = (System.nanoTime() - start) / 1e6;
        assertThat(r.getStatusCode().value()).as("refused").isIn(401, 429);
        return took;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void an_unknown_name_a_wrong_password_a_slowed_down_and_a_disabled_account_take_the_same_time() {
        // The old lockout skipped the password check for a locked account (and Spring's provider for a disabled
        // one): 20-40 ms against 700 ms for a name that does not exist.
        TestUsers.Account slowed = TestUsers.create(users, Role.WRITER);
        for (int i = 0; i < 5; i++) {
            millis(slowed.username(), "a wrong passphrase " + i);
        }
        TestUsers.Account disabled = TestUsers.create(users, Role.WRITER);
        users.update(Viewer.system("test"), disabled.username(), UserUpdate.enabled(false));
        List<TestUsers.Account> wrongPassword = List.of(
                TestUsers.create(users, Role.WRITER),
                TestUsers.create(users, Role.WRITER),
                TestUsers.create(users, Role.WRITER));
        millis("nobody-" + UUID.randomUUID(), "warming up");

        List<Double> unknown = new ArrayList<>();
        List<Double> wrong = new ArrayList<>();
        List<Double> slowedDown = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        // Interleaved, so the machine's load weighs on every kind alike; three tries per account stay below the
        // five free failures, so "wrong" is always a checked password.
        for (int round = 0; round < 9; round++) {
            unknown.add(millis("nobody-" + UUID.randomUUID(), "a wrong passphrase"));
            wrong.add(millis(wrongPassword.get(round % 3).username(), "a wrong passphrase " + round));
            slowedDown.add(millis(slowed.username(), "a wrong passphrase again " + round));
            off.add(millis(disabled.username(), disabled.password()));
        }
        double reference = median(unknown);
        Map<String, Double> medians = new LinkedHashMap<>();
        medians.put("wrong password", median(wrong));
        medians.put("slowed down", median(slowedDown));
        medians.put("disabled, right password", median(off));
        medians.forEach((kind, m) -> assertThat(Math.max(m, reference) / Math.min(m, reference))
                .as("%s: median %.0f ms against %.0f ms for unknown names", kind, m, reference)
                .isLessThanOrEqualTo(SAME_TIME));
    }

    @Test
    void an_authorization_header_that_signs_nothing_in_does_not_spare_a_session_the_csrf_token() throws Exception {
        TestUsers.Account writer = TestUsers.create(users, Role.WRITER);
        FormBrowser browser = new FormBrowser(port);
        assertThat(browser.signIn(writer.username(), writer.password())
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
        int before = json.readTree(browser.get("/api/v1/briefings").body()).size();

        HttpResponse<String> forged = browser.send(browser.request("/api/v1/briefings")
                .POST(HttpRequest.BodyPublishers.ofString(BRIEFING))
                .header("Content-Type", "application/json")
                .header("Authorization", "x"));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(json.readTree(forged.body()).get("error").asText()).contains("CSRF");
        assertThat(json.readTree(browser.get("/api/v1/briefings").body()).size())
                .as("no briefing was created")
                .isEqualTo(before);

        // The same request with the page's token is accepted: the token was the only thing missing.
        HttpResponse<String> withToken = browser.send(browser.request("/api/v1/briefings")
                .POST(HttpRequest.BodyPublishers.ofString(BRIEFING))
                .header("Content-Type", "application/json")
                .header("Authorization", "x")
                .header("X-CSRF-TOKEN", browser.csrf()));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);

        // A header credential that is refused is refused, whatever the cookie says.
        HttpResponse<String> badToken = browser.send(browser.request("/api/v1/briefings")
                .POST(HttpRequest.BodyPublishers.ofString(BRIEFING))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer athar_" + "z".repeat(43)));
        assertThat(badToken.statusCode()).isEqualTo(401);
        // A script signed in by HTTP Basic needs no CSRF token: nothing a browser sends by itself signed it in.
        HttpHeaders script = new HttpHeaders();
        script.set(HttpHeaders.AUTHORIZATION, basic(writer.username(), writer.password()));
        script.set(HttpHeaders.CONTENT_TYPE, "application/json");
        assertThat(anonymous
                        .exchange(
                                "/api/v1/briefings", HttpMethod.POST, new HttpEntity<>(BRIEFING, script), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void the_sign_in_form_is_accepted_only_with_the_csrf_token_of_its_page() throws Exception {
        TestUsers.Account writer = TestUsers.create(users, Role.WRITER);
        String form = "username=" + writer.username() + "&password="
                + URLEncoder.encode(writer.password(), StandardCharsets.UTF_8);

        // Another site's form posts to /login from the victim's browser, with or without an Athar session.
        for (boolean openedThePage : new boolean[] {false, true}) {
            FormBrowser victim = new FormBrowser(port);
            if (openedThePage) {
                HttpResponse<String> page = victim.get("/login");
                // The meta tags from which Vaadin's sign-in form takes the token it sends.
                assertThat(page.body())
                        .contains("<meta name=\"_csrf_parameter\" content=\"_csrf\"")
                        .contains("<meta name=\"_csrf\" content=\"");
            }
            HttpResponse<String> forged = victim.post("/login", form);
            assertThat(forged.statusCode()).isEqualTo(302);
            assertThat(forged.headers().firstValue("Location"))
                    .as("asked to sign in again")
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
            assertThat(victim.get("/api/v1/reports?size=1").statusCode())
                    .as("not signed in")
                    .isEqualTo(401);
        }

        FormBrowser browser = new FormBrowser(port);
        HttpResponse<String> signedIn = browser.signIn(writer.username(), writer.password());
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
        assertThat(browser.get("/api/v1/reports?size=1").statusCode()).isEqualTo(200);
    }

    @Test
    void forwarded_headers_from_a_client_that_is_no_configured_proxy_are_ignored() throws Exception {
        TestUsers.Account writer = TestUsers.create(users, Role.WRITER);
        HttpHeaders forged = new HttpHeaders();
        forged.set(HttpHeaders.AUTHORIZATION, basic(writer.username(), "a wrong passphrase"));
        forged.set("X-Forwarded-For", "203.0.113.7");
        forged.set("X-Forwarded-Proto", "https");
        ResponseEntity<String> r = reports(forged);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(r.getHeaders().containsKey("Strict-Transport-Security"))
                .as("not taken for HTTPS")
                .isFalse();

        client.indices().refresh(x -> x.index(EngineIndices.AUDIT));
        List<AuditEntry> entries = audit.find(
                        Viewer.system("test"),
                        new AuditFilter(
                                Optional.of(writer.username()),
                                Optional.of(AuditAction.SIGN_IN),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        0,
                        10)
                .entries();
        assertThat(entries)
                .singleElement()
                .satisfies(e -> assertThat(e.clientAddress()).isEqualTo("127.0.0.1"));
    }
}
