package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.security.Role;
import org.athar.security.TestUsers;
import org.athar.security.Users;
import org.athar.sharing.InstallationKey;
import org.athar.sharing.PartnerKey;
import org.athar.sharing.Recipients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /api/v1/admin/keys|recipients|senders} through the running application. */
class SharingAdminApiTest extends AtharIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();
    private final String name = "Partner " + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    InstallationKey installationKey;

    @Autowired
    Recipients recipients;

    @Autowired
    Users users;

    private ResponseEntity<String> recipient(Object body) {
        return http.postForEntity("/api/v1/admin/recipients", body, String.class);
    }

    private ResponseEntity<String> sender(Object body) {
        return http.postForEntity("/api/v1/admin/senders", body, String.class);
    }

    private static String partnerKey() {
        return InstallationKey.generate("Partner").publicKeyArmoured();
    }

    @Test
    void the_public_key_is_served_armoured_with_its_fingerprint_and_the_private_key_is_kept_owner_only()
            throws Exception {
        ResponseEntity<String> r = http.getForEntity("/api/v1/admin/keys/public", String.class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody())
                .startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----")
                .doesNotContain("PRIVATE");
        assertThat(r.getHeaders().getFirst("X-Athar-Fingerprint"))
                .matches("[0-9A-F]{40}")
                .isEqualTo(PartnerKey.parse(r.getBody()).fingerprint())
                .isEqualTo(installationKey.fingerprint());
        Path file = DATA_DIR.resolve("sharing/installation-key.asc");
        assertThat(Files.readString(file)).contains("PRIVATE KEY BLOCK");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void an_admin_registers_a_recipient_and_finds_it_in_the_list() throws Exception {
        String key = partnerKey();
        ResponseEntity<String> r = recipient(
                Map.of("name", name, "contact", "data@partner.example", "publicKey", key, "fields", "pseudonymised"));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode created = json.readTree(r.getBody());
        assertThat(created.get("name").asText()).isEqualTo(name);
        assertThat(created.get("fields").asText()).isEqualTo("pseudonymised");
        assertThat(created.get("fingerprint").asText())
                .isEqualTo(PartnerKey.parse(key).fingerprint());
        assertThat(created.get("registeredBy").asText()).isEqualTo("admin");
        assertThat(created.get("id").asText()).matches("[0-9a-f-]{36}");
        JsonNode list = json.readTree(
                http.getForEntity("/api/v1/admin/recipients", String.class).getBody());
        assertThat(list.findValuesAsText("name")).contains(name);
        assertThat(recipients.byName(name.toUpperCase()).map(x -> x.id()))
                .hasValue(created.get("id").asText());
    }

    @Test
    void a_recipient_name_registered_already_answers_409_even_in_other_letter_case() {
        recipient(Map.of("name", name, "publicKey", partnerKey(), "fields", "identity"));

        ResponseEntity<String> again = recipient(
                Map.of("name", " " + name.toUpperCase() + " ", "publicKey", partnerKey(), "fields", "identity"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("registered already");
    }

    @Test
    void a_bad_key_a_blank_name_and_unknown_fields_answer_400_naming_the_field() throws Exception {
        assertBadRequest(recipient(Map.of("name", name, "publicKey", "not a key", "fields", "identity")), "publicKey");
        assertBadRequest(
                recipient(Map.of("name", name, "publicKey", partnerKey().replace("=", "@"), "fields", "identity")),
                "publicKey");
        assertBadRequest(recipient(Map.of("name", " ", "publicKey", partnerKey(), "fields", "identity")), "name");
        assertBadRequest(recipient(Map.of("name", name, "publicKey", partnerKey(), "fields", "all")), "fields");
        assertBadRequest(recipient(Map.of("name", name, "publicKey", partnerKey())), "fields");
        assertBadRequest(
                sender(Map.of("name", name, "publicKey", "-----BEGIN PGP PUBLIC KEY BLOCK-----")), "publicKey");
        assertThat(json.readTree(http.getForEntity("/api/v1/admin/recipients", String.class)
                                .getBody())
                        .findValuesAsText("name"))
                .doesNotContain(name);
    }

    @Test
    void a_sender_is_registered_once_by_name_and_once_by_key_and_never_with_this_installations_own_key()
            throws Exception {
        String key = partnerKey();
        ResponseEntity<String> r = sender(Map.of("name", name, "publicKey", key));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(r.getBody()).get("fingerprint").asText())
                .isEqualTo(PartnerKey.parse(key).fingerprint());

        assertThat(sender(Map.of("name", name.toLowerCase(), "publicKey", partnerKey()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> sameKey = sender(Map.of("name", name + " again", "publicKey", key));
        assertThat(sameKey.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json.readTree(sameKey.getBody()).get("parameter").asText()).isEqualTo("publicKey");
        assertBadRequest(
                sender(Map.of("name", name + " self", "publicKey", installationKey.publicKeyArmoured())), "publicKey");
        assertThat(json.readTree(http.getForEntity("/api/v1/admin/senders", String.class)
                                .getBody())
                        .findValuesAsText("name"))
                .contains(name)
                .doesNotContain(name + " again", name + " self");
    }

    @Test
    void an_analyst_and_a_writer_may_not_read_the_key_or_register_partners() {
        for (Role role : new Role[] {Role.ANALYST, Role.WRITER}) {
            TestUsers.Account account = TestUsers.create(users, role);
            var as = anonymous.withBasicAuth(account.username(), account.password());

            assertThat(as.getForEntity("/api/v1/admin/keys/public", String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as.postForEntity(
                                    "/api/v1/admin/recipients",
                                    Map.of("name", name, "publicKey", partnerKey(), "fields", "identity"),
                                    String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as.postForEntity(
                                    "/api/v1/admin/senders",
                                    Map.of("name", name, "publicKey", partnerKey()),
                                    String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(recipients.byName(name)).isEmpty();
    }

    private void assertBadRequest(ResponseEntity<String> r, String field) throws Exception {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = json.readTree(r.getBody());
        assertThat(body.get("parameter").asText()).isEqualTo(field);
        assertThat(body.get("error").asText()).isNotBlank();
    }
}
