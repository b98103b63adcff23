package org.athar.adversary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.security.ApiTokens;
import org.athar.security.Role;
import org.athar.security.TestUsers;
import org.athar.security.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A WRITER (no names) goes after the consent note (issue 21), free text that names the relative who agreed, through
 * the documented API: the report, the search hits, free text over it and the records export. The note must never
 * reach them, while the consent state, recipients and date (no identity) do; an ANALYST receives the note.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentNoteAdversaryTest extends AtharIntegrationTest {

    private static final String RELATIVE = "Zubaida Haddad";

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ImportService imports;

    private final ObjectMapper json = new ObjectMapper();
    private final String source = "Consent note " + UUID.randomUUID();
    private String writer;
    private String analyst;

    @BeforeAll
    void data() throws Exception {
        String csv = "report_id,victim_name,consent_to_share,share_with,consent_date,consent_note\n"
                + "N1,Noted Person,yes,UN IIMP,2024-05-02,Consent given by his sister " + RELATIVE + "\n";
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "note.csv",
                new ImportOptions(Optional.of(source), "test", false),
                c -> {});
        assertThat(r.rejected()).as("%s", r.errors()).isZero();
        writer = tokens.create(TestUsers.create(users, Role.WRITER).username(), "attack")
                .secret();
        analyst = tokens.create(TestUsers.create(users, Role.ANALYST).username(), "truth")
                .secret();
    }

    @Test
    void a_writer_never_receives_the_consent_note_but_sees_the_rest_of_consent() throws Exception {
        String id = Report.idFor(source, "N1");
        ResponseEntity<String> one = send("/api/v1/reports/" + id, writer);
        ResponseEntity<String> hits = send("/api/v1/reports?source=" + enc(source), writer);
        for (ResponseEntity<String> r : java.util.List.of(one, hits)) {
            assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
            assertThat(r.getBody())
                    .doesNotContain("Zubaida")
                    .doesNotContain("Haddad")
                    .doesNotContain("\"note\"");
        }
        JsonNode consent = json.readTree(one.getBody()).get("consent");
        assertThat(consent.get("state").asText()).isEqualTo("yes");
        assertThat(consent.get("share_with").get(0).asText()).isEqualTo("UN IIMP");
        assertThat(consent.get("date").asText()).isEqualTo("2024-05-02");
        assertThat(consent.has("note")).isFalse();

        JsonNode full = json.readTree(send("/api/v1/reports/" + id, analyst).getBody());
        assertThat(full.get("consent").get("note").asText()).contains(RELATIVE);
    }

    @Test
    void a_writer_can_neither_search_for_the_note_nor_export_it() {
        for (String q : java.util.List.of("Zubaida", "narrative:Zubaida", "-Zubaida")) {
            ResponseEntity<String> r = send("/api/v1/reports?source=" + enc(source) + "&q=" + enc(q), writer);
            assertThat(r.getStatusCode().value()).as(q).isEqualTo(403);
            assertThat(r.getBody()).doesNotContain("Zubaida");
        }
        for (String path : java.util.List.of("records.csv", "records.jsonl")) {
            ResponseEntity<String> r = send("/api/v1/exports/" + path + "?source=" + enc(source), writer);
            assertThat(r.getStatusCode().value()).as(path).isEqualTo(403);
            assertThat(String.valueOf(r.getBody())).doesNotContain("Zubaida");
        }
        // share_with compares recipient names only: the note's words do not select the report.
        ResponseEntity<String> byNote =
                send("/api/v1/reports?size=1&source=" + enc(source) + "&share_with=" + enc(RELATIVE), writer);
        assertThat(byNote.getStatusCode().value()).isEqualTo(200);
        assertThat(byNote.getBody()).contains("\"total\":0");
    }

    private ResponseEntity<String> send(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return anonymous.exchange(
                java.net.URI.create(anonymous.getRootUri() + path),
                HttpMethod.GET,
                new HttpEntity<>(headers),
                String.class);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
