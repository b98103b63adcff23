package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.security.ApiTokens;
import org.athar.security.Role;
import org.athar.security.TestUsers;
import org.athar.security.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every role and an anonymous caller against every endpoint: allowed (200/201), forbidden (403 JSON naming the
 * permission) or not signed in (401 JSON with WWW-Authenticate). Roles sign in with API tokens, admin also with
 * HTTP Basic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends AtharIntegrationTest {

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ImportService imports;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Role, String> tokenOf = new EnumMap<>(Role.class);
    private final String source = "Matrix Org " + UUID.randomUUID();
    private String reportId;
    private String target;

    /**
     * One call: how to make it, what the admin's success status is, the permission it needs and the one the address
     * needs at the door ({@code gate}: a role lacking it is told that one first, e.g. the whole sharing ledger needs
     * SHARE but its address, which also answers a report's shares, needs PREPARE_SHARE).
     */
    private record Call(HttpMethod method, String path, int success, String permission, String gate) {

        Call(HttpMethod method, String path, int success, String permission) {
            this(method, path, success, permission, permission);
        }

        @Override
        public String toString() {
            return method + " " + path.replaceAll("/[0-9a-f]{32}$", "/{id}").replaceAll("target-[0-9a-f-]+", "{name}");
        }
    }

    @BeforeAll
    void usersAndOneReport() throws Exception {
        for (Role role : Role.values()) {
            TestUsers.Account account = TestUsers.create(users, role);
            tokenOf.put(role, tokens.create(account.username(), "matrix").secret());
        }
        target = "target-" + UUID.randomUUID();
        users.create(
                org.athar.security.Viewer.system("test"),
                target,
                "a long synthetic passphrase",
                java.util.Set.of(Role.WRITER));
        imports.importFile(
                new ByteArrayInputStream(
                        "report_id,victim_name\nM1,Synthetic Matrix Person\n".getBytes(StandardCharsets.UTF_8)),
                "matrix.csv",
                new ImportOptions(Optional.of(source), "test", false),
                c -> {});
        reportId = Report.idFor(source, "M1");
    }

    private List<Call> calls() {
        return List.of(
                new Call(HttpMethod.GET, "/api/v1/reports", 200, "SEARCH"),
                new Call(HttpMethod.GET, "/api/v1/reports/" + reportId, 200, "SEARCH"),
                new Call(HttpMethod.POST, "/api/v1/imports", 200, "IMPORT"),
                new Call(HttpMethod.GET, "/api/v1/imports", 200, "IMPORT"),
                new Call(HttpMethod.GET, "/api/v1/admin/users", 200, "ADMINISTER"),
                new Call(HttpMethod.POST, "/api/v1/admin/users", 201, "ADMINISTER"),
                new Call(HttpMethod.PATCH, "/api/v1/admin/users/" + target, 200, "ADMINISTER"),
                new Call(HttpMethod.GET, "/api/v1/admin/audit", 200, "ADMINISTER"),
                new Call(HttpMethod.GET, "/api/v1/admin/audit.csv", 200, "ADMINISTER"),
                new Call(HttpMethod.GET, "/api/v1/admin/backups", 200, "ADMINISTER"),
                new Call(HttpMethod.GET, "/api/v1/admin/keys/public", 200, "ADMINISTER"),
                new Call(HttpMethod.GET, "/api/v1/admin/recipients", 200, "ADMINISTER"),
                new Call(HttpMethod.POST, "/api/v1/admin/recipients", 201, "ADMINISTER"),
                new Call(HttpMethod.GET, "/api/v1/admin/senders", 200, "ADMINISTER"),
                new Call(HttpMethod.POST, "/api/v1/admin/senders", 201, "ADMINISTER"),
                new Call(HttpMethod.GET, "/api/v1/stats/governorate", 200, "VIEW_TRENDS"),
                new Call(
                        HttpMethod.GET,
                        "/api/v1/stats/crosstab?rows=governorate&columns=perpetrator",
                        200,
                        "VIEW_TRENDS"),
                new Call(HttpMethod.GET, "/api/v1/stats/dashboard", 200, "VIEW_TRENDS"),
                new Call(HttpMethod.GET, "/api/v1/stats/year?profile=internal", 200, "SEE_EXACT_COUNTS"),
                new Call(HttpMethod.GET, "/api/v1/charts/breakdown.svg?by=status", 200, "VIEW_TRENDS"),
                new Call(
                        HttpMethod.GET,
                        "/api/v1/charts/map.png?profile=internal&width=1200&height=900",
                        200,
                        "SEE_EXACT_COUNTS"),
                new Call(HttpMethod.GET, "/api/v1/linkage/pairs", 200, "REVIEW_LINKS"),
                new Call(HttpMethod.GET, "/api/v1/linkage/model", 200, "REVIEW_LINKS"),
                new Call(HttpMethod.GET, "/api/v1/linkage/reports/" + reportId + "/pairs", 200, "REVIEW_LINKS"),
                new Call(HttpMethod.GET, "/api/v1/linkage/persons/" + reportId, 200, "SEARCH"),
                new Call(HttpMethod.GET, "/api/v1/linkage/overlap", 200, "VIEW_TRENDS"),
                new Call(HttpMethod.GET, "/api/v1/linkage/overlap.xlsx", 200, "EXPORT_AGGREGATES"),
                new Call(HttpMethod.GET, "/api/v1/linkage/relink", 200, "ADMINISTER"),
                // Issue 21: analysts prepare (and read the list and a report's shares), administrators share.
                new Call(HttpMethod.GET, "/api/v1/sharing/packages", 200, "PREPARE_SHARE"),
                new Call(HttpMethod.GET, "/api/v1/sharing/ledger?report=" + reportId, 200, "PREPARE_SHARE"),
                new Call(HttpMethod.GET, "/api/v1/sharing/ledger", 200, "SHARE", "PREPARE_SHARE"));
    }

    private static boolean allowed(Role role, String permission) {
        return role.permissions().stream().anyMatch(p -> p.name().equals(permission));
    }

    @TestFactory
    Stream<DynamicTest> every_role_gets_exactly_what_its_permissions_allow() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : calls()) {
            for (Role role : Role.values()) {
                int expected = allowed(role, call.permission()) ? call.success() : 403;
                tests.add(DynamicTest.dynamicTest(role + " " + call + " → " + expected, () -> {
                    ResponseEntity<String> r = send(call, "Bearer " + tokenOf.get(role));
                    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(expected);
                    if (expected == 403) {
                        assertThat(error(r))
                                .contains("needs the permission "
                                        + (allowed(role, call.gate()) ? call.permission() : call.gate()))
                                .contains(role.name());
                    }
                }));
            }
            tests.add(DynamicTest.dynamicTest("anonymous " + call + " → 401", () -> {
                ResponseEntity<String> r = send(call, null);
                assertThat(r.getStatusCode().value()).isEqualTo(401);
                assertThat(r.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
                        .anyMatch(h -> h.startsWith("Basic"))
                        .anyMatch(h -> h.startsWith("Bearer"));
                assertThat(error(r)).contains("Authorization: Bearer");
            }));
            tests.add(DynamicTest.dynamicTest("admin with HTTP Basic " + call + " → " + call.success(), () -> {
                ResponseEntity<String> r =
                        send(call, HttpHeaders.encodeBasicAuth("admin", ADMIN_PASSWORD, StandardCharsets.UTF_8));
                assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(call.success());
            }));
        }
        return tests.stream();
    }

    private ResponseEntity<String> send(Call call, String authorization) {
        HttpHeaders headers = new HttpHeaders();
        if (authorization != null) {
            headers.set(
                    HttpHeaders.AUTHORIZATION,
                    authorization.startsWith("Bearer ") ? authorization : "Basic " + authorization);
        }
        Object body = null;
        if (call.path().equals("/api/v1/imports") && call.method() == HttpMethod.POST) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add(
                    "file",
                    new ByteArrayResource(("report_id,source,victim_name\nM" + UUID.randomUUID() + "," + source
                                    + ",Synthetic Upload\n")
                            .getBytes(StandardCharsets.UTF_8)) {
                        @Override
                        public String getFilename() {
                            return "matrix.csv";
                        }
                    });
            body = form;
        } else if (call.method() == HttpMethod.POST && call.path().startsWith("/api/v1/admin/recipients")) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = Map.of(
                    "name",
                    "Matrix Recipient " + UUID.randomUUID(),
                    "publicKey",
                    org.athar.sharing.InstallationKey.generate("Matrix").publicKeyArmoured(),
                    "fields",
                    "identity");
        } else if (call.method() == HttpMethod.POST && call.path().startsWith("/api/v1/admin/senders")) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = Map.of(
                    "name",
                    "Matrix Sender " + UUID.randomUUID(),
                    "publicKey",
                    org.athar.sharing.InstallationKey.generate("Matrix").publicKeyArmoured());
        } else if (call.method() == HttpMethod.POST) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = Map.of(
                    "username",
                    "made-" + UUID.randomUUID().toString().substring(0, 8),
                    "password",
                    "a long synthetic passphrase",
                    "roles",
                    List.of("WRITER"));
        } else if (call.method() == HttpMethod.PATCH) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = Map.of("enabled", true);
        }
        return anonymous.exchange(call.path(), call.method(), new HttpEntity<>(body, headers), String.class);
    }

    private String error(ResponseEntity<String> r) throws Exception {
        assertThat(r.getHeaders().getContentType()).isNotNull();
        JsonNode body = ProblemAnswers.problem(
                r,
                r.getStatusCode().value(),
                r.getStatusCode().value() == 401 ? "sign-in-required" : "permission-missing");
        assertThat(body.fieldNames())
                .toIterable()
                .contains("error")
                .isSubsetOf("type", "title", "status", "detail", "instance", "error", "permission");
        if (body.has("permission")) {
            assertThat(body.get("error").asText())
                    .contains(body.get("permission").asText());
        }
        return body.get("error").asText();
    }
}
