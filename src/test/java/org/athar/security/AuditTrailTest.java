package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.athar.ingest.ImportService;
import org.athar.search.RedactionFixture;
import org.athar.security.AuditEntry.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every audited action leaves its entry, written by the running application as users act over HTTP: sign-in on the
 * page (success and refusal), refused HTTP Basic and tokens, sign-out, search (first page only), refused name
 * search, report view, chart download, account changes by an administrator and by the user. Each user is fresh, so
 * the entries found are exactly theirs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest extends AtharIntegrationTest {

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    ImportService imports;

    @Autowired
    ElasticsearchClient client;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private final String source = "Audit Trail Test " + UUID.randomUUID();

    @BeforeAll
    void fixtures() throws IOException {
        RedactionFixture.importInto(imports, source);
    }

    private List<AuditEntry> entries(String user, AuditAction action) throws IOException {
        client.indices().refresh(r -> r.index(EngineIndices.AUDIT));
        return audit.find(
                        Viewer.system("test"),
                        new AuditFilter(
                                Optional.of(user),
                                Optional.of(action),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        0,
                        100)
                .entries();
    }

    private TestRestTemplate as(TestUsers.Account account) {
        return anonymous.withBasicAuth(account.username(), account.password());
    }

    @Test
    void sign_in_on_the_page_its_refusal_and_sign_out_are_recorded_with_the_client_address() throws Exception {
        TestUsers.Account analyst = TestUsers.create(users, Role.ANALYST);
        FormBrowser browser = new FormBrowser(port);

        HttpResponse<String> wrong = browser.signIn(analyst.username(), "not the password at all");
        assertThat(wrong.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("error"));
        assertThat(entries(analyst.username(), AuditAction.SIGN_IN))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
                    assertThat(e.details()).containsEntry("reason", "bad_credentials");
                    assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
                    assertThat(e.details().values()).noneMatch(v -> v.contains("not the password"));
                });

        HttpResponse<String> signedIn = browser.signIn(analyst.username(), analyst.password());
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(entries(analyst.username(), AuditAction.SIGN_IN))
                .extracting(AuditEntry::outcome)
                .containsExactly(Outcome.SUCCESS, Outcome.FAILURE);

        String csrf = browser.csrf();
        HttpResponse<String> out = browser.post("/logout", "_csrf=" + csrf);
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(entries(analyst.username(), AuditAction.SIGN_OUT))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
                    assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
                });
        assertThat(browser.get("/api/v1/reports?size=1").statusCode())
                .as("signed out")
                .isEqualTo(401);
    }

    @Test
    void refused_basic_credentials_and_tokens_are_recorded_without_the_secret() throws Exception {
        TestUsers.Account writer = TestUsers.create(users, Role.WRITER);
        ResponseEntity<String> refused = anonymous
                .withBasicAuth(writer.username(), "a wrong synthetic password")
                .getForEntity("/api/v1/reports?size=1", String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(entries(writer.username(), AuditAction.SIGN_IN))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
                    assertThat(e.details()).containsEntry("reason", "bad_credentials");
                });

        String secret = "athar_" + "q".repeat(43);
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(secret);
        anonymous.exchange(
                "/api/v1/reports?size=1",
                org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers),
                String.class);
        List<AuditEntry> tokenEntries = entries("api-token", AuditAction.SIGN_IN);
        assertThat(tokenEntries).isNotEmpty().allSatisfy(e -> {
            assertThat(e.details()).containsEntry("reason", "unknown_or_revoked_token");
            assertThat(e.toString()).doesNotContain(secret);
        });
    }

    @Test
    void a_search_is_recorded_once_with_its_query_and_filters_and_never_its_results() throws Exception {
        TestUsers.Account analyst = TestUsers.create(users, Role.ANALYST);
        JsonNode first = json.readTree(as(analyst)
                .getForEntity(
                        URI.create(http.getRootUri()
                                + "/api/v1/reports?size=1&q=" + URLEncoder.encode("القنطرجي", StandardCharsets.UTF_8)
                                + "&source="
                                + URLEncoder.encode(source, StandardCharsets.UTF_8)),
                        String.class)
                .getBody());
        assertThat(first.get("total").asLong()).isPositive();
        JsonNode page = json.readTree(as(analyst)
                .getForEntity("/api/v1/reports?size=1&source={s}", String.class, source)
                .getBody());
        assertThat(page.get("next").isNull()).as("a second page exists").isFalse();
        as(analyst)
                .getForEntity(
                        URI.create(http.getRootUri() + "/api/v1/reports?size=1&cursor="
                                + URLEncoder.encode(page.get("next").asText(), StandardCharsets.UTF_8)),
                        String.class);

        List<AuditEntry> searches = entries(analyst.username(), AuditAction.SEARCH);
        assertThat(searches)
                .as("two first pages; the cursor's page is no new search")
                .hasSize(2);
        assertThat(searches)
                .anySatisfy(e -> assertThat(e.details())
                        .containsEntry("q", "القنطرجي")
                        .containsEntry("source", source)
                        .containsKey("sort"));
        assertThat(searches)
                .allSatisfy(e -> assertThat(e.details().values())
                        .noneMatch(v -> RedactionFixture.NAMES.stream().anyMatch(v::contains)));
    }

    @Test
    void a_refused_name_search_is_recorded_as_denied_without_the_name_typed() throws Exception {
        TestUsers.Account writer = TestUsers.create(users, Role.WRITER);
        ResponseEntity<String> refused = as(writer)
                .getForEntity(
                        URI.create(http.getRootUri() + "/api/v1/reports?q="
                                + URLEncoder.encode("نوفل", StandardCharsets.UTF_8)),
                        String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(entries(writer.username(), AuditAction.SEARCH))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
                    assertThat(e.details()).containsExactly(Map.entry("missing_permission", "SEE_IDENTITIES"));
                });

        TestUsers.Account advocacy = TestUsers.create(users, Role.ADVOCACY);
        assertThat(as(advocacy)
                        .getForEntity("/api/v1/reports?size=1", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_report_view_is_recorded_with_the_report_id_only() throws Exception {
        TestUsers.Account analyst = TestUsers.create(users, Role.ANALYST);
        JsonNode page = json.readTree(as(analyst)
                .getForEntity("/api/v1/reports?size=1&source={s}", String.class, source)
                .getBody());
        String id = page.get("hits").get(0).get("id").asText();
        assertThat(as(analyst)
                        .getForEntity("/api/v1/reports/{id}", String.class, id)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(entries(analyst.username(), AuditAction.REPORT_VIEW))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
                    assertThat(e.details()).containsExactly(Map.entry("report_id", id));
                });
    }

    @Test
    void a_chart_download_is_recorded_as_an_export_with_kind_filters_profile_and_rows() throws Exception {
        TestUsers.Account advocacy = TestUsers.create(users, Role.ADVOCACY);
        ResponseEntity<byte[]> png =
                as(advocacy).getForEntity("/api/v1/charts/breakdown.png?by=status&source={s}", byte[].class, source);
        assertThat(png.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(entries(advocacy.username(), AuditAction.EXPORT))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.details())
                            .containsEntry("kind", "chart_breakdown_png")
                            .containsEntry("by", "status")
                            .containsEntry("source", source)
                            .containsEntry("profile", "public");
                    assertThat(Long.parseLong(e.details().get("rows"))).isPositive();
                });
    }

    @Test
    void account_changes_by_an_administrator_and_by_the_user_are_recorded_without_secrets() throws Exception {
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long synthetic passphrase for audit";
        ResponseEntity<String> created = http.postForEntity(
                "/api/v1/admin/users",
                Map.of("username", name, "password", password, "roles", List.of("WRITER")),
                String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        http.patchForObject("/api/v1/admin/users/" + name, Map.of("roles", List.of("ANALYST")), String.class);
        tokens.create(name, "nightly");

        List<AuditEntry> changes = entries("admin", AuditAction.USER_CHANGE).stream()
                .filter(e -> name.equals(e.details().get("target_user")))
                .toList();
        assertThat(changes)
                .extracting(e -> e.details().get("change"))
                .containsExactly("roles_changed ANALYST", "created WRITER");
        assertThat(changes).allSatisfy(e -> assertThat(e.clientAddress()).isEqualTo("127.0.0.1"));
        assertThat(entries(name, AuditAction.USER_CHANGE)).singleElement().satisfies(e -> {
            assertThat(e.details()).containsEntry("change", "token_created nightly");
            assertThat(e.toString()).doesNotContain(password);
        });
    }
}
