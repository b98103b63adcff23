package org.athar.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.security.ApiTokens;
import org.athar.security.Role;
import org.athar.security.TestUsers;
import org.athar.security.Users;
import org.athar.security.Viewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Sharing through the running application: the preview holds back every report without consent for the recipient,
 * an administrator's package is sealed, downloadable and in the ledger with exactly the ids it carried, analysts only
 * prepare drafts, the ledger is create-only, and withdrawals name only ids that went to that recipient.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingServiceTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    Recipients recipients;

    @Autowired
    LedgerStore ledgerStore;

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    private final ObjectMapper json = new ObjectMapper();
    private final String source = "Sharing Org " + UUID.randomUUID();
    private final String partner = "Partner " + UUID.randomUUID().toString().substring(0, 8);
    private String analystToken;

    @BeforeAll
    void reportsWithEveryConsentAndOneRecipient() {
        String csv = "report_id,victim_name,consent_to_share,share_with\n"
                + "Y1,Synthetic Shared Any,yes,any\n"
                + "Y2,Synthetic Shared Named,yes," + partner + "\n"
                + "N1,Synthetic Refused,no,any\n"
                + "U1,Synthetic Unknown,,\n"
                + "O1,Synthetic Other Partner,yes,Some Other Institution\n";
        imports.importFile(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "sharing.csv",
                new ImportOptions(Optional.of(source), "test", false),
                c -> {});
        recipients.register(
                Viewer.system("test"),
                partner,
                "partner@example.org",
                PartnerKey.of(InstallationKey.generate(partner)).armoured(),
                "identity");
        TestUsers.Account analyst = TestUsers.create(users, Role.ANALYST);
        analystToken = tokens.create(analyst.username(), "sharing").secret();
    }

    private String packages(String extra) {
        return "/api/v1/sharing/packages?recipient={r}&source={s}" + extra;
    }

    @Test
    void the_preview_counts_what_goes_and_what_is_held_back_for_consent() throws Exception {
        ResponseEntity<String> r = http.postForEntity(packages("&draft=true"), null, String.class, partner, source);

        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        JsonNode p = json.readTree(r.getBody());
        assertThat(p.path("state").asText()).isEqualTo("draft");
        assertThat(p.path("reports").asLong()).isEqualTo(2);
        assertThat(p.path("withheldNoConsent").asLong()).isEqualTo(1);
        assertThat(p.path("withheldUnknownConsent").asLong()).isEqualTo(1);
        assertThat(p.path("withheldOtherRecipients").asLong()).isEqualTo(1);
        assertThat(p.has("sha256")).as("a draft has no file").isFalse();
    }

    @Test
    void an_administrators_package_is_sealed_downloadable_and_in_the_ledger_with_exactly_its_ids() throws Exception {
        ResponseEntity<String> r = http.postForEntity(packages(""), null, String.class, partner, source);

        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        JsonNode p = json.readTree(r.getBody());
        String id = p.path("packageId").asText();
        assertThat(id).matches("[0-9]{14}-[0-9a-f]{8}");
        assertThat(p.path("state").asText()).isEqualTo("sent");
        assertThat(p.path("reports").asLong()).isEqualTo(2);

        ResponseEntity<byte[]> file = http.getForEntity("/api/v1/sharing/packages/" + id + "/download", byte[].class);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("athar-package-" + id + ".pgp");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.getBody())))
                .isEqualTo(p.path("sha256").asText());
        assertThat(file.getBody()[0] & 0x80).as("a binary OpenPGP message").isNotZero();

        JsonNode ledger = json.readTree(http.getForObject("/api/v1/sharing/ledger", String.class));
        JsonNode entry = find(ledger, id);
        assertThat(entry.path("kind").asText()).isEqualTo("package");
        assertThat(entry.path("recipient").asText()).isEqualTo(partner);
        assertThat(entry.path("reports").asLong()).isEqualTo(2);
        assertThat(entry.path("sha256").asText()).isEqualTo(p.path("sha256").asText());
        assertThat(entry.path("filter").asText()).contains("source=");
        JsonNode ids = json.readTree(http.getForObject("/api/v1/sharing/ledger/" + id + "/ids", String.class));
        assertThat(strings(ids.path("reportIds")))
                .containsExactlyInAnyOrder(Report.idFor(source, "Y1"), Report.idFor(source, "Y2"));

        JsonNode naming = json.readTree(
                http.getForObject("/api/v1/sharing/ledger?report=" + Report.idFor(source, "Y1"), String.class));
        assertThat(find(naming, id)).isNotNull();
        JsonNode notNaming = json.readTree(
                http.getForObject("/api/v1/sharing/ledger?report=" + Report.idFor(source, "N1"), String.class));
        assertThat(notNaming).isEmpty();
    }

    @Test
    void an_analyst_only_prepares_drafts_which_an_administrator_sends_once() throws Exception {
        ResponseEntity<String> r = asAnalyst(HttpMethod.POST, packages(""));
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        String id = json.readTree(r.getBody()).path("packageId").asText();
        assertThat(json.readTree(r.getBody()).path("state").asText()).isEqualTo("draft");

        assertThat(asAnalyst(HttpMethod.POST, "/api/v1/sharing/packages/" + id + "/send")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(asAnalyst(HttpMethod.GET, "/api/v1/sharing/ledger")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);

        ResponseEntity<String> sent =
                http.postForEntity("/api/v1/sharing/packages/" + id + "/send", null, String.class);
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(200);
        assertThat(json.readTree(sent.getBody()).path("state").asText()).isEqualTo("sent");
        assertThat(json.readTree(sent.getBody()).path("reports").asLong()).isEqualTo(2);

        ResponseEntity<String> again =
                http.postForEntity("/api/v1/sharing/packages/" + id + "/send", null, String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void an_unknown_recipient_is_refused_naming_the_parameter() throws Exception {
        ResponseEntity<String> r = http.postForEntity(packages(""), null, String.class, "Nobody We Know", source);

        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(r.getBody()).path("parameter").asText()).isEqualTo("recipient");
    }

    @Test
    void the_ledger_refuses_a_second_entry_under_the_same_id() {
        String id = "20261206000000-" + PackageIds.random(4);
        LedgerEntry first = new LedgerEntry(
                id, LedgerKind.PACKAGE, Instant.now(), "test", partner, "AB", "source=x", 1, "00", Optional.empty());
        ledgerStore.createEntry(first, "a1");

        LedgerEntry overwrite = new LedgerEntry(
                id, LedgerKind.PACKAGE, Instant.now(), "intruder", partner, "CD", "", 99, "ff", Optional.empty());
        assertThatThrownBy(() -> ledgerStore.createEntry(overwrite, "a2")).hasMessageContaining(id);
        assertThat(ledgerStore.find(id).orElseThrow().entry().by()).isEqualTo("test");
        assertThat(ledgerStore.find(id).orElseThrow().entry().reports()).isEqualTo(1);
    }

    @Test
    void ids_of_a_send_that_never_recorded_its_entry_are_not_read_as_sent() {
        String id = "20261206000001-" + PackageIds.random(4);
        String orphan = Report.idFor(source, "N1");
        ledgerStore.createIds(id, "failed", LedgerKind.PACKAGE, partner, 0, List.of(orphan));
        // Another entry written with a refresh makes the orphan chunk searchable, as a later send would.
        ledgerStore.createEntry(
                new LedgerEntry(
                        "20261206000002-" + PackageIds.random(4),
                        LedgerKind.PACKAGE,
                        Instant.now(),
                        "test",
                        "Somebody Else",
                        "EF",
                        "",
                        0,
                        "00",
                        Optional.empty()),
                "other");

        assertThat(http.getForObject("/api/v1/sharing/ledger?report=" + orphan, String.class))
                .doesNotContain(id);
        assertThat(withdraw(List.of(orphan)).getStatusCode().value())
                .as("an id only an unfinished send wrote was never sent")
                .isEqualTo(400);
    }

    @Test
    void a_withdrawal_names_only_ids_sent_to_that_recipient_and_is_recorded() throws Exception {
        String y1 = Report.idFor(source, "Y1");
        String n1 = Report.idFor(source, "N1");
        http.postForEntity(packages(""), null, String.class, partner, source);

        ResponseEntity<String> refused = withdraw(List.of(y1, n1));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.path("parameter").asText()).isEqualTo("reportIds");
        assertThat(problem.path("detail").asText()).contains(n1).doesNotContain(y1);

        ResponseEntity<String> r = withdraw(List.of(y1));
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        JsonNode notice = json.readTree(r.getBody());
        assertThat(notice.path("kind").asText()).isEqualTo("withdrawal");
        assertThat(notice.path("reports").asLong()).isEqualTo(1);
        String id = notice.path("packageId").asText();

        JsonNode entry = find(json.readTree(http.getForObject("/api/v1/sharing/ledger", String.class)), id);
        assertThat(entry.path("kind").asText()).isEqualTo("withdrawal");
        assertThat(entry.path("reason").asText()).isEqualTo("the family withdrew consent");
        JsonNode ids = json.readTree(http.getForObject("/api/v1/sharing/ledger/" + id + "/ids", String.class));
        assertThat(strings(ids.path("reportIds"))).containsExactly(y1);
        ResponseEntity<byte[]> file = http.getForEntity("/api/v1/sharing/packages/" + id + "/download", byte[].class);
        assertThat(file.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("athar-withdrawal-" + id + ".pgp");
    }

    private ResponseEntity<String> withdraw(List<String> ids) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(
                "/api/v1/sharing/withdrawals",
                new HttpEntity<>(
                        Map.of("recipient", partner, "reportIds", ids, "reason", "the family withdrew consent"),
                        headers),
                String.class);
    }

    private ResponseEntity<String> asAnalyst(HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(analystToken);
        return anonymous.exchange(path, method, new HttpEntity<>(headers), String.class, partner, source);
    }

    private static JsonNode find(JsonNode entries, String packageId) {
        for (JsonNode e : entries) {
            if (e.path("packageId").asText().equals(packageId)) {
                return e;
            }
        }
        throw new AssertionError("no ledger entry " + packageId + " in " + entries);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
