package org.athar.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.athar.linkage.LinkageWorker;
import org.athar.report.Report;
import org.athar.security.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Receiving a partner's package through {@code POST /api/v1/imports} (issue 21): a good package is imported under
 * the sender's name with its origin, again as unchanged; anything tampered, from an unknown sender, for another
 * installation or not matching its manifest is refused with nothing stored; a withdrawal removes exactly its reports.
 */
class PackageReceiveApiTest extends AtharIntegrationTest {

    @Autowired
    ElasticsearchClient client;

    @Autowired
    InstallationKey own;

    @Autowired
    Senders senders;

    @Autowired
    LinkageWorker linkage;

    private InstallationKey partner;
    private String partnerName;

    @BeforeEach
    void registerPartner() {
        partner = InstallationKey.generate("Partner A");
        partnerName = "Partner A " + UUID.randomUUID().toString().substring(0, 8);
        senders.register(
                Viewer.system("test"), partnerName, PartnerKey.of(partner).armoured());
    }

    private static String packageId() {
        return "20261206120000-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ru", "te", "zo", "pa", "ni", "su", "ve", "do", "fi"};
    private final java.util.Random random = new java.util.Random();

    /** A made-up name no other test uses, so records are different people unless a test makes them the same. */
    private String name() {
        StringBuilder name = new StringBuilder("Synth");
        for (int part = 0; part < 3; part++) {
            name.append(' ');
            for (int i = 0; i < 4; i++) {
                name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
        }
        return name.toString();
    }

    private List<ObjectNode> records(int n) {
        List<ObjectNode> out = new ArrayList<>();
        String[] governorates = {"SY01", "SY02", "SY03", "SY04", "SY05", "SY06"};
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString().replace("-", "");
            ObjectNode r = TestPackages.record(id, name(), governorates[i % governorates.length]);
            r.with("disappearance")
                    .put("date", "201" + (i % 10) + "-05-14")
                    .put("date_end", "201" + (i % 10) + "-05-14");
            out.add(r);
        }
        return out;
    }

    private byte[] sealed(byte[] zip, String packageId) throws IOException {
        return TestPackages.seal(zip, partner, PartnerKey.of(own), packageId);
    }

    private ResponseEntity<String> upload(String fileName, byte[] content) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/v1/imports", new HttpEntity<>(body, headers), String.class);
    }

    private long count(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
        return client.count(c -> c.index(index)).count();
    }

    /** Reports, batches and quarantined rows: what a refused package must leave as it was. */
    private Map<String, Long> stored() throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String index : List.of(EngineIndices.REPORTS, EngineIndices.BATCHES, EngineIndices.QUARANTINE)) {
            counts.put(index, count(index));
        }
        return counts;
    }

    private long auditEntries(String outcome, String reason) throws IOException {
        client.indices().refresh(r -> r.index(EngineIndices.AUDIT + "*"));
        return client.count(c -> c.index(EngineIndices.AUDIT + "*")
                        .query(q -> q.bool(b -> {
                            b.filter(f -> f.term(t -> t.field("action").value("receive")));
                            b.filter(f -> f.term(t -> t.field("outcome").value(outcome)));
                            if (reason != null) {
                                b.filter(f ->
                                        f.term(t -> t.field("details.reason").value(reason)));
                            }
                            return b;
                        })))
                .count();
    }

    private JsonNode json(ResponseEntity<String> response) throws IOException {
        return TestPackages.JSON.readTree(response.getBody());
    }

    private void assertRefused(ResponseEntity<String> response, String... reasons) throws IOException {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo("urn:athar:problem:package-refused");
        assertThat(problem.get("reason").asText()).isIn((Object[]) reasons);
        assertThat(problem.get("detail").asText()).contains("nothing of it was stored");
    }

    @Test
    void a_good_package_imports_every_report_under_the_sender_with_its_origin_and_again_as_unchanged()
            throws Exception {
        List<ObjectNode> records = records(3);
        String id = packageId();
        byte[] file = sealed(TestPackages.reportsPackage(id, partner, own.fingerprint(), records), id);

        ResponseEntity<String> first = upload("athar-package-" + id + ".pgp", file);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode body = json(first);
        assertThat(body.get("received").asLong()).isEqualTo(3);
        assertThat(body.get("indexed").asLong()).isEqualTo(3);
        assertThat(body.get("rejected").asLong()).isZero();
        assertThat(body.get("package").get("packageId").asText()).isEqualTo(id);
        assertThat(body.get("package").get("kind").asText()).isEqualTo("package");
        assertThat(body.get("package").get("sender").asText()).isEqualTo(partnerName);
        assertThat(body.get("package").get("filesVerified").asInt()).isEqualTo(2);

        String recordId = records.get(0).get("id").asText();
        Report stored = client.get(
                        g -> g.index(EngineIndices.REPORTS).id(Report.idFor(partnerName, recordId)), Report.class)
                .source();
        assertThat(stored).isNotNull();
        assertThat(stored.source()).isEqualTo(partnerName);
        assertThat(stored.reportId()).isEqualTo(recordId);
        assertThat(stored.victim().name())
                .isEqualTo(records.get(0).get("victim").get("name").asText());
        assertThat(stored.consent().allows("anyone registered")).isTrue();
        var origin = stored.provenance().origin().orElseThrow();
        assertThat(origin.sender()).isEqualTo(partnerName);
        assertThat(origin.senderFingerprint()).isEqualTo(partner.fingerprint());
        assertThat(origin.packageId()).isEqualTo(id);
        assertThat(origin.source()).hasValue("Sender's own documenters");
        assertThat(origin.reportId()).hasValue("orig-" + recordId);
        assertThat(origin.batchId()).hasValue("20260101120000-abcdef01");
        assertThat(stored.provenance().fileName()).isEqualTo("athar-package-" + id + ".pgp");
        assertThat(auditEntries("success", null)).isPositive();

        JsonNode again = json(upload("athar-package-" + id + ".pgp", file));
        assertThat(again.get("indexed").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isZero();
        assertThat(again.get("unchanged").asLong()).isEqualTo(3);
    }

    @Test
    void a_package_with_one_changed_byte_is_refused_with_nothing_stored() throws Exception {
        String id = packageId();
        byte[] file = sealed(TestPackages.reportsPackage(id, partner, own.fingerprint(), records(2)), id);
        file[file.length / 2] ^= 0x01;
        Map<String, Long> before = stored();
        long refusals = auditEntries("failure", null);

        ResponseEntity<String> response = upload("athar-package-" + id + ".pgp", file);

        assertRefused(response, "tampered", "bad-signature");
        assertThat(stored()).isEqualTo(before);
        assertThat(auditEntries("failure", null)).isEqualTo(refusals + 1);
    }

    @Test
    void a_package_signed_by_an_unregistered_sender_is_refused_with_nothing_stored() throws Exception {
        InstallationKey stranger = InstallationKey.generate("Stranger");
        String id = packageId();
        byte[] zip = TestPackages.reportsPackage(id, stranger, own.fingerprint(), records(2));
        byte[] file = TestPackages.seal(zip, stranger, PartnerKey.of(own), id);
        Map<String, Long> before = stored();

        assertRefused(upload("athar-package-" + id + ".pgp", file), "unknown-sender");
        assertThat(stored()).isEqualTo(before);
        assertThat(auditEntries("failure", "unknown-sender")).isPositive();
    }

    @Test
    void a_package_encrypted_to_another_installation_is_refused_with_nothing_stored() throws Exception {
        InstallationKey other = InstallationKey.generate("Another recipient");
        String id = packageId();
        byte[] zip = TestPackages.reportsPackage(id, partner, other.fingerprint(), records(2));
        byte[] file = TestPackages.seal(zip, partner, PartnerKey.of(other), id);
        Map<String, Long> before = stored();

        assertRefused(upload("athar-package-" + id + ".pgp", file), "not-for-this-installation");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_zip_entry_changed_and_re_signed_by_the_sender_is_refused_as_a_checksum_mismatch() throws Exception {
        String id = packageId();
        List<ObjectNode> records = records(2);
        Map<String, byte[]> stated = TestPackages.files(id, "reports.jsonl", TestPackages.jsonl(records));
        records.get(1).with("victim").put("name", "Someone Else Entirely");
        Map<String, byte[]> written = TestPackages.files(id, "reports.jsonl", TestPackages.jsonl(records));
        byte[] zip = TestPackages.zip("package", id, partner, own.fingerprint(), "identity", stated, written);
        Map<String, Long> before = stored();

        assertRefused(upload("athar-package-" + id + ".pgp", sealed(zip, id)), "checksum-mismatch");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_pseudonymised_package_is_refused_with_nothing_stored() throws Exception {
        String id = packageId();
        Map<String, byte[]> files = TestPackages.files(id, "reports.jsonl", TestPackages.jsonl(records(1)));
        byte[] zip = TestPackages.zip("package", id, partner, own.fingerprint(), "pseudonymised", files, files);
        Map<String, Long> before = stored();

        assertRefused(upload("athar-package-" + id + ".pgp", sealed(zip, id)), "pseudonymised");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_withdrawal_removes_exactly_the_named_reports_and_keeps_persons_consistent() throws Exception {
        List<ObjectNode> records = records(4);
        // Record 3 is record 0 again under another id: the linker makes them one person.
        ObjectNode twin = records.get(0).deepCopy();
        twin.put("id", UUID.randomUUID().toString().replace("-", ""));
        records.set(3, twin);
        String id = packageId();
        ResponseEntity<String> imported =
                upload("p.pgp", sealed(TestPackages.reportsPackage(id, partner, own.fingerprint(), records), id));
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.OK);
        linkage.awaitIdle(Duration.ofMinutes(1));
        assertThat(personOf(records.get(0))).isEqualTo(personOf(records.get(3)));
        long personsBefore = count(EngineIndices.PERSONS);
        long reportsBefore = count(EngineIndices.REPORTS);
        List<String> named = List.of(
                records.get(0).get("id").asText(), records.get(1).get("id").asText(), "never-sent-here");

        String wid = packageId();
        byte[] notice = sealed(TestPackages.withdrawal(wid, partner, own.fingerprint(), named), wid);
        ResponseEntity<String> response = upload("athar-withdrawal-" + wid + ".pgp", notice);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode body = json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("package", "removed", "notHeld");
        assertThat(body.get("package").get("kind").asText()).isEqualTo("withdrawal");
        assertThat(body.get("removed").asLong()).isEqualTo(2);
        assertThat(body.get("notHeld").asLong()).isEqualTo(1);
        assertThat(count(EngineIndices.REPORTS)).isEqualTo(reportsBefore - 2);
        for (int i = 0; i < records.size(); i++) {
            String docId = Report.idFor(partnerName, records.get(i).get("id").asText());
            boolean held =
                    client.exists(e -> e.index(EngineIndices.REPORTS).id(docId)).value();
            assertThat(held).as("report %d", i).isEqualTo(i >= 2);
            assertThat(personsHolding(docId)).as("persons holding report %d", i).isEqualTo(i >= 2 ? 1 : 0);
        }
        // Persons were {0, 3}, {1}, {2}: now {3}, {2}. One person fewer, and none names a withdrawn report.
        assertThat(count(EngineIndices.PERSONS)).isEqualTo(personsBefore - 1);
        assertThat(auditEntries("success", null)).isPositive();
    }

    private long personsHolding(String docId) throws IOException {
        client.indices().refresh(r -> r.index(EngineIndices.PERSONS));
        return client.count(c -> c.index(EngineIndices.PERSONS)
                        .query(q -> q.term(t -> t.field("person.report_ids").value(docId))))
                .count();
    }

    private String personOf(ObjectNode record) throws IOException {
        String docId = Report.idFor(partnerName, record.get("id").asText());
        client.indices().refresh(r -> r.index(EngineIndices.PERSONS));
        var hits = client.search(
                        s -> s.index(EngineIndices.PERSONS)
                                .query(q ->
                                        q.term(t -> t.field("person.report_ids").value(docId))),
                        ObjectNode.class)
                .hits()
                .hits();
        assertThat(hits).as("persons holding %s", docId).hasSize(1);
        return hits.get(0).id();
    }

    @Test
    void a_csv_file_beginning_with_arabic_letters_is_still_imported_as_a_file_of_reports() throws Exception {
        String csv = "رقم البلاغ,victim_name,source\nAR-" + UUID.randomUUID() + ",Synthetic Arabic Header,"
                + partnerName + "\n";
        ResponseEntity<String> response = upload("arabic.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(response).get("indexed").asLong()).isEqualTo(1);
        assertThat(json(response).has("package")).isFalse();
    }
}
