package org.athar.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.athar.faults.ConsentReports.Kind;
import org.athar.faults.ConsentReports.Row;
import org.athar.report.Report;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 21's acceptance test: two running installations, A and B, each the packaged jar with its own data directory
 * and embedded engine. A holds 10,000 synthetic reports (8,000 consenting to B, 1,200 no, 800 unknown) and sends to
 * B; B imports exactly the 8,000 with every checksum verified; a changed byte, a stranger's package and a package
 * for another recipient are refused with nothing stored; A's ledger lists the package with its 8,000 ids;
 * pseudonymised packages (to throwaway partner keys this test holds, opened here without Athar) carry no name and
 * stable per-recipient pseudonyms; a withdrawal notice removes the named reports at B. Everything goes over HTTP as
 * admin. The steps run in order and share the two installations; a later step that needs an earlier one's result
 * is skipped when it is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharingRoundTripIT {

    private static final String TEST = "SharingRoundTripIT";
    private static final String A = "Athar A";
    private static final String B = "Athar B";
    private static final String C = "Partner C";
    private static final String D = "Partner D";
    private static final List<String> PACKAGE_ENTRIES =
            List.of("README.txt", "reports.jsonl", "reports.csv", "summary.xlsx", "manifest.json");
    private static final Pattern PSEUDONYM = Pattern.compile("P-[a-z2-7]{20}");
    private static final Pattern PACKAGE_ID = Pattern.compile("\\d{14}-[0-9a-f]{8}");
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{M}\\p{N}'\\-]+");

    private Path dir;
    private SharingInstallation a;
    private SharingInstallation b;
    private ConsentReports data;
    private String aKey;
    private String aFingerprint;
    private String bKey;
    private String bFingerprint;
    private SharingPgp.Key partnerC;
    private SharingPgp.Key partnerD;
    private SharingPgp.Key stranger;
    private long started;

    // Results of earlier steps that later ones use.
    private JsonNode sentToB;
    private Path packageForB;
    private List<String> batchesAtB;
    private JsonNode firstForC;
    private Path firstForCFile;

    @BeforeAll
    void two_installations_that_know_each_other() throws Exception {
        started = System.nanoTime();
        dir = FaultDirs.create("sharing");
        a = SharingInstallation.start(dir, A);
        b = SharingInstallation.start(dir, B);
        data = ConsentReports.write(dir);
        partnerC = SharingPgp.generate(C);
        partnerD = SharingPgp.generate(D);
        stranger = SharingPgp.generate("Athar A");
        a.awaitReady();
        b.awaitReady();
        assertThat(Set.of(
                        a.app().base(),
                        b.app().base(),
                        a.app().engineUri(),
                        b.app().engineUri()))
                .as("two applications and two engines, each on its own port")
                .hasSize(4);
        FaultFigures.print(TEST, "both installations ready after %.0f s", seconds(started));

        AtharApi.Answer imported = a.api().upload(data.path()).get(15, TimeUnit.MINUTES);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("indexed").asLong()).as(imported.body()).isEqualTo(ConsentReports.TOTAL);
        assertThat(imported.json().path("rejected").asLong()).isZero();
        assertThat(total(a, "")).isEqualTo(ConsentReports.TOTAL);

        aKey = publicKey(a);
        aFingerprint = fingerprintOf(aKey);
        bKey = publicKey(b);
        bFingerprint = fingerprintOf(bKey);
        assertThat(aFingerprint).isNotEqualTo(bFingerprint);
        register(a, "recipients", recipient(B, bKey, "identity"), bFingerprint);
        register(a, "recipients", recipient(C, partnerC.armoured(), "pseudonymised"), partnerC.fingerprint());
        register(a, "recipients", recipient(D, partnerD.armoured(), "pseudonymised"), partnerD.fingerprint());
        ObjectNode sender = AtharApi.JSON.createObjectNode().put("name", A).put("publicKey", aKey);
        register(b, "senders", sender, aFingerprint);
        FaultFigures.print(TEST, "10,000 reports at A, keys exchanged after %.0f s", seconds(started));
    }

    @AfterAll
    void stop_both() {
        try {
            if (b != null) {
                b.close();
            }
        } finally {
            if (a != null) {
                a.close();
            }
            if (dir != null) {
                FaultDirs.deleteQuietly(dir);
            }
            FaultFigures.print(TEST, "whole round trip %.0f s", seconds(started));
        }
    }

    @Test
    @Order(1)
    void a_sends_b_exactly_the_8000_consenting_reports_and_b_imports_them_all_with_every_checksum_verified()
            throws Exception {
        long t = System.nanoTime();
        JsonNode draft = createPackage(a, "recipient=" + enc(B) + "&draft=true");
        assertThat(draft.path("state").asText()).isEqualTo("draft");
        assertCounts(draft, 8_000, 1_200, 800, 0);

        sentToB = createPackage(a, "recipient=" + enc(B));
        assertThat(sentToB.path("state").asText()).isEqualTo("sent");
        assertThat(sentToB.path("recipient").asText()).isEqualTo(B);
        assertThat(sentToB.path("createdBy").asText()).isEqualTo("admin");
        assertCounts(sentToB, 8_000, 1_200, 800, 0);
        String id = sentToB.path("packageId").asText();
        assertThat(id).matches(PACKAGE_ID);
        FaultFigures.print(TEST, "package of 8,000 reports for B sent in %.1f s", seconds(t));

        packageForB = download(a, id, "athar-package-" + id + ".pgp");
        assertThat(sha256(packageForB))
                .as("the package's SHA-256 in the answer is the downloaded file's")
                .isEqualTo(sentToB.path("sha256").asText());
        assertThat(Files.readAllBytes(packageForB)[0] & 0x80)
                .as("a binary OpenPGP message")
                .isNotZero();

        t = System.nanoTime();
        AtharApi.Answer received =
                b.api().upload(packageForB, "application/octet-stream").get(10, TimeUnit.MINUTES);
        FaultFigures.print(TEST, "B imported the package in %.1f s", seconds(t));
        assertThat(received.status()).as(received.body()).isEqualTo(200);
        JsonNode r = received.json();
        assertThat(r.path("received").asLong()).as(received.body()).isEqualTo(8_000);
        assertThat(r.path("indexed").asLong()).as(received.body()).isEqualTo(8_000);
        assertThat(r.path("rejected").asLong()).as(received.body()).isZero();
        assertThat(r.path("package").path("packageId").asText()).isEqualTo(id);
        assertThat(r.path("package").path("kind").asText()).isEqualTo("package");
        assertThat(r.path("package").path("sender").asText()).isEqualTo(A);
        assertEveryFileVerified(r.path("package").path("filesVerified"));
        batchesAtB = batches(b);

        assertThat(total(b, "")).as("B holds nothing else").isEqualTo(8_000);
        assertThat(total(b, "source=" + enc(A))).isEqualTo(8_000);
        Set<String> expected = data.idsSharedWith(B);
        assertThat(expected).hasSize(8_000);
        assertThat(reportIdsHeldFrom(b, A))
                .as("B holds exactly the consenting reports, each under the id A sent")
                .isEqualTo(expected);

        for (Row row : List.of(
                data.rows(x -> x.kind() == Kind.B_ONLY).get(0),
                data.rows(x -> x.kind() == Kind.B_SPELLED_DIFFERENTLY_AND_E).get(0))) {
            AtharApi.Answer held = b.api().get("api/v1/reports/" + Report.idFor(A, row.docId()));
            assertThat(held.status()).as(held.body()).isEqualTo(200);
            assertThat(held.json().path("source").asText()).isEqualTo(A);
            assertThat(held.json().path("report_id").asText()).isEqualTo(row.docId());
            assertThat(held.json().path("victim").path("name").asText()).isEqualTo(row.victimName());
        }
        for (Kind k : List.of(Kind.NO_BUT_ANY, Kind.UNKNOWN_EMPTY_BUT_ANY, Kind.UNKNOWN_WORD)) {
            Row row = data.rows(x -> x.kind() == k).get(0);
            assertThat(b.api()
                            .get("api/v1/reports/" + Report.idFor(A, row.docId()))
                            .status())
                    .as("a report without consent (%s) never reaches B", k)
                    .isEqualTo(404);
        }
    }

    @Test
    @Order(2)
    void a_package_with_one_changed_byte_is_refused_and_nothing_is_stored() throws Exception {
        assumeTrue(packageForB != null, "needs the package of step 1");
        byte[] bytes = Files.readAllBytes(packageForB);
        bytes[bytes.length / 2] ^= (byte) 0xFF;
        Path tampered = dir.resolve("tampered-" + packageForB.getFileName());
        Files.write(tampered, bytes);
        JsonNode problem = refused(tampered);
        assertThat(problem.path("reason").asText())
                .as("a changed byte inside the encrypted data: " + problem)
                .isIn("tampered", "bad-signature");
        assertNothingStoredAtB(8_000);
    }

    @Test
    @Order(3)
    void a_package_signed_by_an_unregistered_sender_is_refused_and_nothing_is_stored() throws Exception {
        assumeTrue(batchesAtB != null, "needs B's state after step 1");
        // A stranger's key with A's installation name, sealing a well-formed package that claims to come from A.
        Path forged = dir.resolve("athar-package-forged.pgp");
        SharingPgp.seal(forgedZip(), "athar-package-20261206000000-0badc0de.zip", stranger, bKey, forged);
        JsonNode problem = refused(forged);
        assertThat(problem.path("reason").asText()).as(problem.toString()).isEqualTo("unknown-sender");
        assertNothingStoredAtB(8_000);
    }

    @Test
    @Order(4)
    void a_package_for_another_recipient_is_refused_and_nothing_is_stored() throws Exception {
        assumeTrue(batchesAtB != null, "needs B's state after step 1");
        JsonNode problem = refused(firstPackageForC());
        assertThat(problem.path("reason").asText()).as(problem.toString()).isEqualTo("not-for-this-installation");
        assertNothingStoredAtB(8_000);
    }

    @Test
    @Order(5)
    void the_ledger_of_a_lists_the_package_for_b_with_its_8000_ids() throws Exception {
        assumeTrue(sentToB != null, "needs the package of step 1");
        String id = sentToB.path("packageId").asText();
        List<JsonNode> forB = ledger(a).stream()
                .filter(e -> e.path("recipient").asText().equals(B))
                .filter(e -> e.path("kind").asText().equals("package"))
                .toList();
        assertThat(forB)
                .as("one package went to B (the draft is not a transfer)")
                .hasSize(1);
        JsonNode entry = forB.get(0);
        assertThat(entry.path("packageId").asText()).isEqualTo(id);
        assertThat(entry.path("by").asText()).isEqualTo("admin");
        assertThat(entry.path("recipientFingerprint").asText()).isEqualTo(bFingerprint);
        assertThat(entry.path("reports").asLong()).isEqualTo(8_000);
        assertThat(entry.path("sha256").asText()).isEqualTo(sha256(packageForB));
        assertThat(entry.path("at").asText()).isNotBlank();

        List<String> ids = ledgerIds(id);
        assertThat(ids).as("no id twice").doesNotHaveDuplicates().hasSize(8_000);
        assertThat(Set.copyOf(ids)).isEqualTo(data.idsSharedWith(B));

        Row shared = data.rows(x -> x.kind() == Kind.B_ONLY).get(1);
        AtharApi.Answer where = a.api().get("api/v1/sharing/ledger?report=" + shared.docId());
        assertThat(where.status()).as(where.body()).isEqualTo(200);
        assertThat(entries(where.json()).stream().map(e -> e.path("packageId").asText()))
                .as("the report's page lists where it went")
                .contains(id);
        Row kept = data.rows(x -> x.kind() == Kind.NO_BUT_ANY).get(0);
        AtharApi.Answer nowhere = a.api().get("api/v1/sharing/ledger?report=" + kept.docId());
        assertThat(nowhere.status()).as(nowhere.body()).isEqualTo(200);
        assertThat(entries(nowhere.json()))
                .as("a report without consent went nowhere")
                .isEmpty();
    }

    @Test
    @Order(6)
    void pseudonymised_packages_name_nobody_and_give_a_report_one_pseudonym_per_recipient() throws Exception {
        Set<String> forC = data.idsSharedWith(C);
        assertThat(forC).hasSize(5_000);
        JsonNode draft = createPackage(a, "recipient=" + enc(C) + "&draft=true");
        assertCounts(draft, 5_000, 1_200, 800, 3_000);

        Map<String, JsonNode> first = records(firstPackageForC(), partnerC, firstForC, C, 5_000);
        assertThat(Set.copyOf(ledgerIds(firstForC.path("packageId").asText())))
                .as("the ledger keeps A's ids even for a pseudonymised recipient")
                .isEqualTo(forC);

        JsonNode again = createPackage(a, "recipient=" + enc(C));
        Map<String, JsonNode> second = records(download(a, again), partnerC, again, C, 5_000);
        assertThat(second.keySet()).as("the same reports, the same pseudonyms").isEqualTo(first.keySet());
        second.forEach((pseudonym, record) -> assertThat(record).as(pseudonym).isEqualTo(first.get(pseudonym)));

        // A narrower package: each of its reports keeps the pseudonym (and is the same record) of the full one.
        String source = data.rows().get(0).source();
        long fromSource = data.rows(x -> x.source().equals(source) && x.kind().sharedWith(C))
                .size();
        JsonNode narrow = createPackage(a, "recipient=" + enc(C) + "&source=" + enc(source));
        Map<String, JsonNode> third = records(download(a, narrow), partnerC, narrow, C, fromSource);
        assertThat(first.keySet()).containsAll(third.keySet());
        third.forEach((pseudonym, record) -> assertThat(record).as(pseudonym).isEqualTo(first.get(pseudonym)));

        JsonNode toD = createPackage(a, "recipient=" + enc(D));
        assertCounts(toD, 4_000, 1_200, 800, 4_000);
        Map<String, JsonNode> atD = records(download(a, toD), partnerD, toD, D, 4_000);
        assertThat(atD.keySet()).as("another recipient, other pseudonyms").doesNotContainAnyElementsOf(first.keySet());

        // The same report by its pseudonyms: a withdrawal notice names it in the recipient's own terms.
        Row both = data.rows(x -> x.kind() == Kind.ANY).get(0);
        String asC = withdrawnPseudonym(C, partnerC, both.docId());
        String asD = withdrawnPseudonym(D, partnerD, both.docId());
        assertThat(asC).isNotEqualTo(asD);
        assertThat(first).containsKey(asC);
        assertThat(atD).containsKey(asD);
        assertThat(withoutId(atD.get(asD))).isEqualTo(withoutId(first.get(asC)));
    }

    @Test
    @Order(7)
    void a_withdrawal_notice_removes_the_named_reports_at_b() throws Exception {
        assumeTrue(sentToB != null && batchesAtB != null, "needs the package of step 1 imported at B");
        Row never = data.rows(x -> x.kind() == Kind.NO_BUT_ANY).get(1);
        AtharApi.Answer notSent = a.api().post("api/v1/sharing/withdrawals", withdrawal(B, List.of(never.docId())));
        assertThat(notSent.status()).as(notSent.body()).isEqualTo(400);
        assertThat(notSent.json().path("parameter").asText()).isEqualTo("reportIds");
        assertThat(notSent.body()).contains(never.docId());

        List<Row> withdrawn = List.of(
                data.rows(x -> x.kind() == Kind.ANY).get(5),
                data.rows(x -> x.kind() == Kind.B_ONLY).get(5),
                data.rows(x -> x.kind() == Kind.C_AND_B).get(5));
        List<String> ids = withdrawn.stream().map(Row::docId).toList();
        AtharApi.Answer made = a.api().post("api/v1/sharing/withdrawals", withdrawal(B, ids));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode notice = made.json();
        assertThat(notice.path("kind").asText()).isEqualTo("withdrawal");
        assertThat(notice.path("reports").asLong()).isEqualTo(3);
        String id = notice.path("packageId").asText();
        Path file = download(a, id, "athar-withdrawal-" + id + ".pgp");
        assertThat(sha256(file)).isEqualTo(notice.path("sha256").asText());

        AtharApi.Answer applied =
                b.api().upload(file, "application/octet-stream").get(5, TimeUnit.MINUTES);
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().path("package").path("kind").asText()).isEqualTo("withdrawal");
        assertThat(applied.json().path("package").path("sender").asText()).isEqualTo(A);
        assertThat(applied.json().path("removed").asLong()).as(applied.body()).isEqualTo(3);
        assertThat(applied.json().path("notHeld").asLong()).as(applied.body()).isZero();

        assertThat(total(b, "source=" + enc(A))).isEqualTo(7_997);
        assertThat(total(b, "")).isEqualTo(7_997);
        for (String gone : ids) {
            assertThat(b.api().get("api/v1/reports/" + Report.idFor(A, gone)).status())
                    .as("withdrawn report %s", gone)
                    .isEqualTo(404);
        }
        Row stays = data.rows(x -> x.kind() == Kind.ANY).get(6);
        assertThat(b.api()
                        .get("api/v1/reports/" + Report.idFor(A, stays.docId()))
                        .status())
                .isEqualTo(200);

        JsonNode entry = ledger(a).stream()
                .filter(e -> e.path("packageId").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the withdrawal " + id + " is not in A's ledger"));
        assertThat(entry.path("kind").asText()).isEqualTo("withdrawal");
        assertThat(entry.path("recipient").asText()).isEqualTo(B);
        assertThat(entry.path("reports").asLong()).isEqualTo(3);
        assertThat(entry.path("reason").asText()).isEqualTo(REASON);
        assertThat(ledgerIds(id)).containsExactlyInAnyOrderElementsOf(ids);
    }

    private static final String REASON = "Synthetic test: the families withdrew their consent";

    // --- steps shared by several tests ---

    private Path firstPackageForC() throws Exception {
        if (firstForCFile == null) {
            firstForC = createPackage(a, "recipient=" + enc(C));
            assertCounts(firstForC, 5_000, 1_200, 800, 3_000);
            firstForCFile = download(a, firstForC);
        }
        return firstForCFile;
    }

    /**
     * Opens a pseudonymised package as the partner does (its own key, A's public key), checks its entries against
     * the manifest and that no victim name appears anywhere in it; returns its records by pseudonym.
     */
    private Map<String, JsonNode> records(Path file, SharingPgp.Key own, JsonNode made, String recipient, long count)
            throws Exception {
        String id = made.path("packageId").asText();
        SharingPgp.Opened opened = SharingPgp.open(file, own, aKey);
        assertThat(opened.literalName()).isEqualTo("athar-package-" + id + ".zip");
        assertThat(opened.symmetricAlgorithm()).as("AES-256").isEqualTo(SymmetricKeyAlgorithmTags.AES_256);
        assertThat(opened.signerFingerprint()).isEqualTo(aFingerprint);
        LinkedHashMap<String, byte[]> entries = unzip(opened.content());
        assertThat(entries.keySet()).containsExactlyElementsOf(PACKAGE_ENTRIES);

        JsonNode manifest = AtharApi.JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(manifest.path("kind").asText()).isEqualTo("package");
        assertThat(manifest.path("packageId").asText()).isEqualTo(id);
        assertThat(manifest.path("sender").path("name").asText()).isEqualTo(A);
        assertThat(manifest.path("sender").path("fingerprint").asText()).isEqualTo(aFingerprint);
        assertThat(manifest.path("recipient").path("name").asText()).isEqualTo(recipient);
        assertThat(manifest.path("recipient").path("fingerprint").asText()).isEqualTo(own.fingerprint());
        assertThat(manifest.path("recipient").path("fields").asText()).isEqualTo("pseudonymised");
        assertThat(manifest.path("reports").asLong()).isEqualTo(count);
        List<String> listed = new ArrayList<>();
        for (JsonNode f : manifest.path("files")) {
            byte[] content = entries.get(f.path("name").asText());
            assertThat(content).as("manifest lists " + f).isNotNull();
            assertThat(f.path("bytes").asLong()).isEqualTo(content.length);
            assertThat(f.path("sha256").asText()).as(f.toString()).isEqualTo(sha256(content));
            listed.add(f.path("name").asText());
        }
        assertThat(listed).containsExactlyElementsOf(PACKAGE_ENTRIES.subList(0, 4));

        Set<String> names = names();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String text = e.getKey().endsWith(".xlsx")
                    ? xmlOf(e.getValue())
                    : new String(e.getValue(), StandardCharsets.UTF_8);
            assertThat(namesIn(text, names))
                    .as("victim names in %s of %s", e.getKey(), id)
                    .isEmpty();
        }

        Map<String, JsonNode> byPseudonym = new HashMap<>();
        String[] lines = new String(entries.get("reports.jsonl"), StandardCharsets.UTF_8).split("\n");
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = AtharApi.JSON.readTree(line);
            String pseudonym = record.path("id").asText();
            assertThat(pseudonym).matches(PSEUDONYM);
            assertThat(record.has("report_id")).as(pseudonym).isFalse();
            assertThat(record.path("victim").has("name")).isFalse();
            assertThat(record.path("victim").has("name_latin")).isFalse();
            assertThat(record.path("victim").has("occupation")).isFalse();
            assertThat(record.path("place").has("locality")).isFalse();
            assertThat(record.path("place").has("location")).isFalse();
            assertThat(record.has("narrative")).isFalse();
            assertThat(record.path("consent").has("note")).isFalse();
            assertThat(byPseudonym.put(pseudonym, record))
                    .as("pseudonym %s twice", pseudonym)
                    .isNull();
        }
        assertThat(byPseudonym).hasSize((int) count);
        Set<String> inCsv = new HashSet<>();
        try (CSVParser csv = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(
                        // The CSV starts with a byte order mark, as Athar's CSV exports do for spreadsheet programs.
                        new String(entries.get("reports.csv"), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "")))) {
            for (CSVRecord row : csv) {
                inCsv.add(row.get("report_id"));
                assertThat(row.get("victim_name")).isEmpty();
            }
        }
        assertThat(inCsv).as("the CSV and the JSON Lines name the same records").isEqualTo(byPseudonym.keySet());
        return byPseudonym;
    }

    /** Withdraws one report from a pseudonymised recipient and reads the notice: the pseudonym the partner knows. */
    private String withdrawnPseudonym(String recipient, SharingPgp.Key own, String docId) throws Exception {
        AtharApi.Answer made = a.api().post("api/v1/sharing/withdrawals", withdrawal(recipient, List.of(docId)));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().path("packageId").asText();
        SharingPgp.Opened opened = SharingPgp.open(download(a, id, "athar-withdrawal-" + id + ".pgp"), own, aKey);
        LinkedHashMap<String, byte[]> entries = unzip(opened.content());
        assertThat(entries.keySet()).containsExactly("README.txt", "withdrawal.json", "manifest.json");
        JsonNode notice = AtharApi.JSON.readTree(entries.get("withdrawal.json"));
        assertThat(notice.path("packageId").asText()).isEqualTo(id);
        assertThat(notice.path("reportIds")).hasSize(1);
        String pseudonym = notice.path("reportIds").get(0).asText();
        assertThat(pseudonym).as("a pseudonymised recipient never sees A's id").matches(PSEUDONYM);
        return pseudonym;
    }

    private JsonNode refused(Path file) throws Exception {
        AtharApi.Answer answer =
                b.api().upload(file, "application/octet-stream").get(5, TimeUnit.MINUTES);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asText()).isEqualTo("urn:athar:problem:package-refused");
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    private void assertNothingStoredAtB(long held) throws Exception {
        assertThat(total(b, "")).as("B still holds exactly what it held").isEqualTo(held);
        assertThat(total(b, "source=" + enc(A))).isEqualTo(held);
        assertThat(batches(b)).as("no new import batch at B").isEqualTo(batchesAtB);
    }

    /** A ZIP in the package format claiming to come from A (A's name and fingerprint), for B, with right checksums. */
    private byte[] forgedZip() throws Exception {
        Row row = data.rows(x -> x.kind() == Kind.B_ONLY).get(2);
        ObjectNode record = AtharApi.JSON
                .createObjectNode()
                .put("schema_version", 1)
                .put("id", row.docId())
                .put("report_id", row.reportId())
                .put("source", row.source());
        record.putObject("victim").put("name", "Synthetic forged name");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.txt", "Synthetic forged package".getBytes(StandardCharsets.UTF_8));
        files.put("reports.jsonl", (record + "\n").getBytes(StandardCharsets.UTF_8));
        ObjectNode manifest = AtharApi.JSON
                .createObjectNode()
                .put("schemaVersion", 1)
                .put("kind", "package")
                .put("packageId", "20261206000000-0badc0de")
                .put("createdAt", "2026-12-06T00:00:00Z")
                .put("createdBy", "admin")
                .put("reports", 1);
        manifest.putObject("sender").put("name", A).put("fingerprint", aFingerprint);
        manifest.putObject("recipient")
                .put("name", B)
                .put("fingerprint", bFingerprint)
                .put("fields", "identity");
        var list = manifest.putArray("files");
        files.forEach((name, content) ->
                list.addObject().put("name", name).put("bytes", content.length).put("sha256", sha256(content)));
        files.put("manifest.json", AtharApi.JSON.writeValueAsBytes(manifest));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip.toByteArray();
    }

    // --- HTTP ---

    private static String publicKey(SharingInstallation at) throws Exception {
        AtharApi.Answer key = at.api().get("api/v1/admin/keys/public", "text/plain");
        assertThat(key.status()).as(key.body()).isEqualTo(200);
        assertThat(key.body()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
        String fingerprint = fingerprintOf(key.body());
        assertThat(key.header("X-Athar-Fingerprint")).contains(fingerprint);
        assertThat(fingerprint).matches("[0-9A-F]{40}");
        var userIds = SharingPgp.certificate(key.body()).getPublicKey().getUserIDs();
        assertThat(userIds.hasNext()).isTrue();
        assertThat(userIds.next()).isEqualTo(at.name() + " <sharing@athar.invalid>");
        return key.body();
    }

    private static String fingerprintOf(String armoured) throws IOException {
        return SharingPgp.fingerprint(SharingPgp.certificate(armoured).getPublicKey());
    }

    private static ObjectNode recipient(String name, String key, String fields) {
        return AtharApi.JSON
                .createObjectNode()
                .put("name", name)
                .put("contact", "synthetic-contact@" + name.replace(' ', '-').toLowerCase() + ".invalid")
                .put("publicKey", key)
                .put("fields", fields);
    }

    private static void register(SharingInstallation at, String what, ObjectNode body, String fingerprint)
            throws Exception {
        AtharApi.Answer made = at.api().post("api/v1/admin/" + what, body.toString());
        assertThat(made.status())
                .as("%s at %s: %s", what, at.name(), made.body())
                .isEqualTo(201);
        assertThat(made.json().path("fingerprint").asText()).isEqualTo(fingerprint);
        assertThat(made.json().path("name").asText())
                .isEqualTo(body.path("name").asText());
    }

    private static JsonNode createPackage(SharingInstallation at, String query) throws Exception {
        AtharApi.Answer made = at.api().post("api/v1/sharing/packages?" + query, "");
        assertThat(made.status()).as("package %s: %s", query, made.body()).isEqualTo(201);
        return made.json();
    }

    private static void assertCounts(JsonNode made, long reports, long no, long unknown, long others) {
        assertThat(made.path("reports").asLong()).as(made.toString()).isEqualTo(reports);
        assertThat(made.path("withheldNoConsent").asLong()).as(made.toString()).isEqualTo(no);
        assertThat(made.path("withheldUnknownConsent").asLong())
                .as(made.toString())
                .isEqualTo(unknown);
        assertThat(made.path("withheldOtherRecipients").asLong())
                .as(made.toString())
                .isEqualTo(others);
    }

    private Path download(SharingInstallation at, JsonNode made) throws Exception {
        String id = made.path("packageId").asText();
        return download(at, id, "athar-package-" + id + ".pgp");
    }

    private Path download(SharingInstallation at, String id, String expectedName) throws Exception {
        Path target = dir.resolve(at.name().replace(' ', '-') + "-" + expectedName);
        AtharApi.Answer answer = at.api().download("api/v1/sharing/packages/" + id + "/download", target);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/octet-stream");
        assertThat(answer.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains(expectedName));
        return target;
    }

    private List<JsonNode> ledger(SharingInstallation at) throws Exception {
        AtharApi.Answer answer = at.api().get("api/v1/sharing/ledger");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return entries(answer.json());
    }

    private List<String> ledgerIds(String packageId) throws Exception {
        AtharApi.Answer answer = a.api().get("api/v1/sharing/ledger/" + packageId + "/ids");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("packageId").asText()).isEqualTo(packageId);
        List<String> ids = new ArrayList<>();
        answer.json().path("reportIds").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    // The ledger answers a list; should it be wrapped ({"entries": [...]}) the test reads that too.
    private static List<JsonNode> entries(JsonNode answer) {
        JsonNode list = answer.isArray() ? answer : answer.path("entries");
        List<JsonNode> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    private static String withdrawal(String recipient, List<String> ids) {
        ObjectNode body =
                AtharApi.JSON.createObjectNode().put("recipient", recipient).put("reason", REASON);
        var list = body.putArray("reportIds");
        ids.forEach(list::add);
        return body.toString();
    }

    private static long total(SharingInstallation at, String query) throws Exception {
        AtharApi.Answer answer = at.api().get("api/v1/reports?size=1" + (query.isEmpty() ? "" : "&" + query));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("total").asLong();
    }

    private static List<String> batches(SharingInstallation at) throws Exception {
        AtharApi.Answer answer = at.api().get("api/v1/imports");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().findValuesAsText("batch_id");
    }

    /** Every report_id B holds from {@code source}, paging through the search API. */
    private static Set<String> reportIdsHeldFrom(SharingInstallation at, String source) throws Exception {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            AtharApi.Answer page = at.api()
                    .get("api/v1/reports?size=1000&source=" + enc(source)
                            + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("hits").forEach(h -> ids.add(h.path("report_id").asText()));
            cursor = page.json().path("next").isTextual()
                    ? page.json().path("next").asText()
                    : null;
        } while (cursor != null);
        return ids;
    }

    private static void assertEveryFileVerified(JsonNode verified) {
        // The contract names the member, not its type: a count, a flag or the list of names all say the same.
        if (verified.isNumber()) {
            assertThat(verified.asInt()).as("files verified").isEqualTo(4);
        } else if (verified.isArray()) {
            List<String> names = new ArrayList<>();
            verified.forEach(
                    n -> names.add(n.isTextual() ? n.asText() : n.path("name").asText()));
            assertThat(names).containsExactlyInAnyOrderElementsOf(PACKAGE_ENTRIES.subList(0, 4));
        } else {
            assertThat(verified.isBoolean() && verified.asBoolean())
                    .as("package.filesVerified: " + verified)
                    .isTrue();
        }
    }

    // --- reading packages ---

    private Set<String> names() {
        Set<String> names = new HashSet<>();
        for (Row row : data.rows()) {
            for (String name : List.of(row.victimName(), row.victimNameLatin())) {
                String words = String.join(" ", words(name));
                // A one-word name ("Ali") would match a word anywhere; every demo name has two or more.
                if (words.contains(" ")) {
                    names.add(words);
                }
            }
        }
        assertThat(names).as("the names to look for").hasSizeGreaterThan(1_000);
        return names;
    }

    /** The names of {@code names} that appear in {@code text} as whole words (windows of two to six words). */
    private static Set<String> namesIn(String text, Set<String> names) {
        Set<String> found = new HashSet<>();
        List<String> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            StringBuilder window = new StringBuilder(words.get(i));
            for (int n = 2; n <= 6 && i + n <= words.size(); n++) {
                window.append(' ').append(words.get(i + n - 1));
                if (names.contains(window.toString())) {
                    found.add(window.toString());
                }
            }
        }
        return found;
    }

    private static List<String> words(String text) {
        return List.of(WORD_BREAK.split(text.strip())).stream()
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static LinkedHashMap<String, byte[]> unzip(byte[] zip) throws IOException {
        LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(entries.put(e.getName(), in.readAllBytes()))
                        .as("entry %s twice", e.getName())
                        .isNull();
            }
        }
        return entries;
    }

    /** The text of a workbook: its XML parts, where any name would be (shared strings, sheets). */
    private static String xmlOf(byte[] xlsx) throws IOException {
        // Read through the central directory, as spreadsheet programs do: the workbook's local headers may give
        // no sizes (ZipInputStream refused them with "invalid entry size").
        Path file = Files.createTempFile("summary", ".xlsx");
        StringBuilder text = new StringBuilder();
        try {
            Files.write(file, xlsx);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().endsWith(".xml")) {
                        try (var in = zip.getInputStream(e)) {
                            text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                                    .append('\n');
                        }
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return text.toString();
    }

    private static JsonNode withoutId(JsonNode record) {
        ObjectNode copy = record.deepCopy();
        copy.remove("id");
        return copy;
    }

    private static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java SE has SHA-256", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
