package org.athar.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.search.ReportQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Packages written from the real engine: only reports whose family agreed to sharing with this recipient, every file
 * listed in the manifest with its real SHA-256, a CSV that imports back unchanged, and pseudonymised packages that
 * hold nothing naming or placing a person.
 */
class PackageWriterTest extends AtharIntegrationTest {

    static final InstallationKey PARTNER = InstallationKey.generate("UN IIMP");

    @Autowired
    PackageWriter writer;

    @Autowired
    Pseudonyms pseudonyms;

    @Autowired
    PseudonymKeyStore pseudonymKeys;

    @Autowired
    ImportService imports;

    @Autowired
    ElasticsearchClient client;

    final String source = "Consent Org " + UUID.randomUUID();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void load() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/sharing/consent.csv")) {
            ImportResult r = imports.importFile(
                    in, "consent.csv", new ImportOptions(Optional.of(source), "test", true), c -> {});
            assertThat(r.rejected()).as("%s", r.errors()).isZero();
        }
    }

    static Recipient recipient(String name, RecipientFields fields) {
        PartnerKey key = PartnerKey.of(PARTNER);
        return new Recipient(
                UUID.randomUUID().toString(),
                name,
                "x@example.invalid",
                key.armoured(),
                key.fingerprint(),
                fields,
                Instant.parse("2026-01-01T00:00:00Z"),
                "admin");
    }

    ReportQuery query() {
        return ReportQuery.all().withSources(Set.of(source));
    }

    record Written(PackageContents contents, Map<String, byte[]> entries, List<String> sentIds, List<Long> progress) {
        String text(String name) {
            return new String(entries.get(name), StandardCharsets.UTF_8);
        }
    }

    Written write(Recipient recipient) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        List<String> sent = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        PackageSpec spec = new PackageSpec(
                "20260101120000-0a1b2c3d",
                Instant.parse("2026-01-01T12:00:00Z"),
                "admin",
                recipient,
                query(),
                "source=" + source);
        PackageContents contents = writer.write(zip, spec, sent::add, progress::add);
        return new Written(contents, unzip(zip.toByteArray()), sent, progress);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** Every part of an .xlsx inflated and joined, read through the central directory as Excel does. */
    static byte[] xlsxParts(byte[] xlsx) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("package-summary", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(z.entries())) {
                    try (InputStream in = z.getInputStream(entry)) {
                        in.transferTo(all);
                    }
                }
            }
            return all.toByteArray();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    String id(String reportId) {
        return Report.idFor(source, reportId);
    }

    @Test
    void a_package_carries_only_the_reports_whose_family_agreed_to_this_recipient_and_counts_the_others()
            throws IOException {
        Written w = write(recipient("un iimp", RecipientFields.IDENTITY));

        assertThat(w.entries().keySet())
                .containsExactly("README.txt", "reports.jsonl", "reports.csv", "summary.xlsx", "manifest.json");
        assertThat(w.contents().reports()).isEqualTo(3);
        assertThat(w.contents().withheld()).isEqualTo(new Withheld(1, 1, 1));
        assertThat(w.sentIds()).containsExactlyInAnyOrder(id("S1"), id("S2"), id("S6"));
        assertThat(w.progress()).last().isEqualTo(3L);
        List<String> lines = w.text("reports.jsonl").lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).allMatch(l -> l.startsWith("{\"schema_version\":1,\"id\":\""));
        assertThat(w.text("reports.jsonl"))
                .contains("سلمى الزعفرانية", "Mother agreed by phone", "\"report_id\":\"S1\"")
                .doesNotContain("Nour Harbiyya", "Khalid Refuser", "Unknown Consentson")
                .doesNotContain("_folded", "name_skeleton", "content_hash", "hash_scheme");
        assertThat(writer.preview(recipient("UN IIMP", RecipientFields.IDENTITY), query()))
                .isEqualTo(new SharePreview(3, new Withheld(1, 1, 1)));
        assertThat(writer.preview(recipient("Other Org", RecipientFields.IDENTITY), query()))
                .isEqualTo(new SharePreview(4, new Withheld(1, 1, 0)));
    }

    @Test
    void the_manifest_comes_last_and_lists_every_other_file_with_its_real_size_and_sha256() throws IOException {
        Recipient recipient = recipient("UN IIMP", RecipientFields.IDENTITY);
        Written w = write(recipient);

        JsonNode manifest = json.readTree(w.entries().get("manifest.json"));
        assertThat(manifest.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(manifest.get("kind").asText()).isEqualTo("package");
        assertThat(manifest.get("packageId").asText()).isEqualTo("20260101120000-0a1b2c3d");
        assertThat(manifest.get("reports").asLong()).isEqualTo(3);
        assertThat(manifest.at("/recipient/fingerprint").asText()).isEqualTo(recipient.fingerprint());
        assertThat(manifest.at("/recipient/fields").asText()).isEqualTo("identity");
        assertThat(manifest.at("/withheld/noConsent").asLong()).isEqualTo(1);
        assertThat(manifest.at("/countsByGovernorate/SY02").asLong()).isEqualTo(1);
        assertThat(manifest.at("/countsByYear/2014").asLong()).isEqualTo(1);
        assertThat(manifest.at("/methodNote/ar").asText()).isNotBlank();
        List<String> listed = new ArrayList<>();
        for (JsonNode f : manifest.get("files")) {
            byte[] bytes = w.entries().get(f.get("name").asText());
            listed.add(f.get("name").asText());
            assertThat(f.get("bytes").asLong()).isEqualTo(bytes.length);
            assertThat(f.get("sha256").asText()).isEqualTo(sha256(bytes));
        }
        assertThat(listed).containsExactly("README.txt", "reports.jsonl", "reports.csv", "summary.xlsx");
        assertThat(w.contents().files())
                .extracting(FileEntry::name)
                .containsExactly("README.txt", "reports.jsonl", "reports.csv", "summary.xlsx", "manifest.json");
        assertThat(w.contents().files().get(4).sha256())
                .isEqualTo(sha256(w.entries().get("manifest.json")));
        assertThat(w.text("README.txt")).contains("20260101120000-0a1b2c3d", "Reports: 3", "البلاغات: 3");
    }

    @Test
    void the_package_csv_imports_back_into_athar_with_the_same_values() throws IOException {
        Written w = write(recipient("UN IIMP", RecipientFields.IDENTITY));
        String fresh = "Partner " + UUID.randomUUID();
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(w.text("reports.csv").substring(1)))
                .getRecords();
        assertThat(rows).hasSize(3);
        StringBuilder moved = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(moved, CSVFormat.RFC4180)) {
            csv.printRecord(rows.get(0).getParser().getHeaderNames());
            for (CSVRecord r : rows) {
                List<String> values = new ArrayList<>(r.toList());
                values.set(1, fresh);
                csv.printRecord(values);
            }
        }
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(moved.toString().getBytes(StandardCharsets.UTF_8)),
                "reports.csv",
                new ImportOptions(Optional.empty(), "test", true),
                c -> {});
        assertThat(r.rejected()).as("%s", r.errors()).isZero();
        assertThat(r.indexed()).isEqualTo(3);
        for (String reportId : List.of("S1", "S2", "S6")) {
            Report original = stored(source, reportId);
            Report copy = stored(fresh, original.id());
            assertThat(copy.victim()).isEqualTo(original.victim());
            assertThat(copy.disappearance()).isEqualTo(original.disappearance());
            assertThat(copy.place()).isEqualTo(original.place());
            assertThat(copy.perpetrator()).isEqualTo(original.perpetrator());
            assertThat(copy.status()).isEqualTo(original.status());
            assertThat(copy.statusDate()).isEqualTo(original.statusDate());
            assertThat(copy.narrative()).isEqualTo(original.narrative());
            assertThat(copy.consent()).isEqualTo(original.consent());
        }
    }

    @Test
    void a_pseudonymised_package_holds_nothing_that_names_or_places_a_person() throws IOException {
        Recipient recipient = recipient("UN IIMP", RecipientFields.PSEUDONYMISED);
        Written w = write(recipient);

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] bytes : w.entries().values()) {
            all.write(bytes);
        }
        // summary.xlsx is itself a ZIP: search its parts too.
        all.writeBytes(xlsxParts(w.entries().get("summary.xlsx")));
        String everything = all.toString(StandardCharsets.UTF_8);
        for (String reportId : List.of("S1", "S2", "S6")) {
            Report r = stored(source, reportId);
            List<String> secrets = new ArrayList<>(List.of(r.victim().name(), r.id(), "\"" + reportId + "\""));
            r.victim().nameLatin().ifPresent(secrets::add);
            r.victim().occupation().ifPresent(secrets::add);
            r.place().locality().ifPresent(secrets::add);
            r.narrative().ifPresent(secrets::add);
            r.consent().note().ifPresent(secrets::add);
            r.place().location().ifPresent(p -> secrets.add(String.valueOf(p.lat())));
            assertThat(everything).doesNotContain(secrets);
            assertThat(everything).contains(pseudonyms.of(recipient, r.id()));
        }
        assertThat(w.text("reports.jsonl")).doesNotContain("\"report_id\"", "\"location\"", "\"batch_id\"");
        assertThat(w.sentIds()).containsExactlyInAnyOrder(id("S1"), id("S2"), id("S6"));
    }

    @Test
    void a_report_keeps_its_pseudonym_for_one_recipient_across_calls_and_restarts_and_gets_another_for_another()
            throws IOException {
        Recipient one = recipient("UN IIMP", RecipientFields.PSEUDONYMISED);
        Recipient two = recipient("Other Org", RecipientFields.PSEUDONYMISED);
        String first = pseudonyms.of(one, id("S1"));

        assertThat(first).matches("P-[a-z2-7]{20}");
        assertThat(pseudonyms.of(one, id("S1"))).isEqualTo(first);
        assertThat(new Pseudonyms(pseudonymKeys, Clock.systemUTC()).of(one, id("S1")))
                .isEqualTo(first);
        assertThat(pseudonyms.of(two, id("S1"))).isNotEqualTo(first);
        assertThat(pseudonyms.of(one, id("S2"))).isNotEqualTo(first);
        assertThat(pseudonymKeys.read()).isPresent();
    }

    @Test
    void a_withdrawal_notice_names_the_ids_the_recipient_received() throws IOException {
        Recipient recipient = recipient("UN IIMP", RecipientFields.PSEUDONYMISED);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageContents c = writer.writeWithdrawal(
                zip,
                new WithdrawalSpec(
                        "20260102120000-0a1b2c3e",
                        Instant.parse("2026-01-02T12:00:00Z"),
                        "admin",
                        recipient,
                        List.of(id("S1")),
                        "The family withdrew consent"));
        Map<String, byte[]> entries = unzip(zip.toByteArray());

        assertThat(entries.keySet()).containsExactly("README.txt", "withdrawal.json", "manifest.json");
        assertThat(c.reports()).isEqualTo(1);
        JsonNode notice = json.readTree(entries.get("withdrawal.json"));
        assertThat(notice.get("reportIds").get(0).asText()).isEqualTo(pseudonyms.of(recipient, id("S1")));
        assertThat(notice.get("reason").asText()).isEqualTo("The family withdrew consent");
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("kind").asText()).isEqualTo("withdrawal");
        assertThat(manifest.at("/files/0/sha256").asText()).isEqualTo(sha256(entries.get("README.txt")));
        assertThat(manifest.has("withheld")).isFalse();
    }

    @Test
    void every_manifest_record_and_withdrawal_notice_is_valid_against_the_published_json_schemas() throws IOException {
        com.networknt.schema.Schema manifestSchema = schema("package-manifest-v1");
        com.networknt.schema.Schema recordSchema = schema("package-record-v1");
        com.networknt.schema.Schema withdrawalSchema = schema("withdrawal-v1");
        for (RecipientFields fields : RecipientFields.values()) {
            Written w = write(recipient("UN IIMP", fields));
            assertThat(manifestSchema.validate(json.readTree(w.entries().get("manifest.json"))))
                    .isEmpty();
            List<String> lines = w.text("reports.jsonl").lines().toList();
            assertThat(lines).hasSize(3);
            for (String line : lines) {
                JsonNode record = json.readTree(line);
                assertThat(recordSchema.validate(record)).as(line).isEmpty();
                // A field the schema does not name fails: the schema must change with the records.
                ((com.fasterxml.jackson.databind.node.ObjectNode) record).put("added_field", "x");
                assertThat(recordSchema.validate(record)).isNotEmpty();
            }
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        writer.writeWithdrawal(
                zip,
                new WithdrawalSpec(
                        "20260102120000-0a1b2c3e",
                        Instant.parse("2026-01-02T12:00:00Z"),
                        "admin",
                        recipient("UN IIMP", RecipientFields.IDENTITY),
                        List.of(id("S1"), id("S2")),
                        "Consent withdrawn"));
        Map<String, byte[]> entries = unzip(zip.toByteArray());
        assertThat(withdrawalSchema.validate(json.readTree(entries.get("withdrawal.json"))))
                .isEmpty();
        assertThat(manifestSchema.validate(json.readTree(entries.get("manifest.json"))))
                .isEmpty();
    }

    static com.networknt.schema.Schema schema(String name) throws IOException {
        JsonNode schema = new ObjectMapper()
                .readTree(java.nio.file.Path.of("docs", "schemas", name + ".schema.json")
                        .toFile());
        return com.networknt.schema.SchemaRegistry.withDefaultDialect(
                        com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema);
    }

    Report stored(String source, String reportId) throws IOException {
        return client.get(g -> g.index(EngineIndices.REPORTS).id(Report.idFor(source, reportId)), Report.class)
                .source();
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(PackageZip.sha256().digest(bytes));
    }
}
