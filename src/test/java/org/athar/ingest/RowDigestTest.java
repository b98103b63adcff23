package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.athar.report.Provenance;
import org.athar.report.Report;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The row digest ({@code provenance.content_hash}) against the real engine: a dictionary of names tried on the visible
 * fields of a row cannot match it; reports stored with the old plain SHA-256 count as unchanged when imported again
 * and get the keyed digest; the key lives in the data directory (owner only) and in the engine, the engine's winning.
 */
class RowDigestTest extends AtharIntegrationTest {

    private static final String HEADER = "report_id,victim_name,gender,age,disappeared_on,governorate,status";

    @Autowired
    ImportService imports;

    @Autowired
    RowDigestKeys keys;

    @Autowired
    DigestKeyStore keyStore;

    @Autowired
    ElasticsearchClient client;

    private final String source = "Digest Test " + UUID.randomUUID();

    private ImportResult importCsv(String csv) {
        return imports.importFile(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "digest.csv",
                new ImportOptions(Optional.of(source), "test", false),
                c -> {});
    }

    private Report stored(String reportId) throws IOException {
        client.indices().refresh(r -> r.index(EngineIndices.REPORTS));
        return client.get(g -> g.index(EngineIndices.REPORTS).id(Report.idFor(source, reportId)), Report.class)
                .source();
    }

    private static List<RawRow> rows(String csv) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        try (RowSource source =
                RowSources.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "digest.csv")) {
            for (Optional<RawRow> next = source.next(); next.isPresent(); next = source.next()) {
                rows.add(next.get());
            }
        }
        return rows;
    }

    /**
     * The attack of issue 17 as a report writer would run it: the row rebuilt from the fields the writer sees, each
     * name of a dictionary put in, the plain SHA-256 of the canonical row compared with {@code digest}.
     */
    private static List<String> namesMatching(String digest, Map<String, String> visible, List<String> dictionary)
            throws Exception {
        List<String> found = new ArrayList<>();
        for (String name : dictionary) {
            Map<String, String> row = new TreeMap<>(visible);
            row.put("victim_name", name);
            StringBuilder canonical = new StringBuilder();
            row.forEach((k, v) -> canonical.append(k).append('=').append(v).append('\n'));
            byte[] sha = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            if (HexFormat.of().formatHex(sha).equals(digest)) {
                found.add(name);
            }
        }
        return found;
    }

    private static List<String> dictionary(String secret) {
        List<String> given = List.of(
                "أحمد", "محمد", "سامر", "خالد", "عمر", "يوسف", "إبراهيم", "حسن", "علي", "مصطفى", "فاطمة", "مريم", "رنا",
                "هبة", "نور", "سلمى", "ليلى", "زينب", "آمنة", "رهف");
        List<String> family = List.of(
                "الحلبي",
                "الحمصي",
                "الخطيب",
                "الأحمد",
                "العلي",
                "الحسن",
                "الشامي",
                "الإدلبي",
                "الدرعاوي",
                "الحموي",
                "القباني",
                "النجار",
                "الحداد",
                "السقا",
                "الزعبي",
                "المصري",
                "الكردي",
                "العمر",
                "الصالح",
                "البيطار",
                "طرنجاني");
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (String g : given) {
            for (String f : family) {
                names.add(g + " " + f);
            }
        }
        names.add(secret);
        return List.copyOf(names);
    }

    @Test
    void a_dictionary_of_names_tried_on_the_visible_fields_of_a_row_cannot_match_its_stored_digest() throws Exception {
        String secret = "سلمى طرنجاني";
        String csv = HEADER + "\nDG1," + secret + ",female,29,2014-03-02,Homs,missing\n";
        assertThat(importCsv(csv).indexed()).isEqualTo(1);
        Map<String, String> visible = new LinkedHashMap<>(Map.of(
                "report_id",
                "DG1",
                "gender",
                "female",
                "age",
                "29",
                "disappeared_on",
                "2014-03-02",
                "governorate",
                "Homs",
                "status",
                "missing"));
        List<String> dictionary = dictionary(secret);

        // The attack works on the plain SHA-256 that reports used to carry: it finds the name at once.
        assertThat(namesMatching(RowDigest.legacy(rows(csv).get(0)), visible, dictionary))
                .containsExactly(secret);

        Provenance provenance = stored("DG1").provenance();
        assertThat(provenance.hashScheme()).isEqualTo(Provenance.KEYED);
        assertThat(namesMatching(provenance.contentHash(), visible, dictionary))
                .as("no name of the dictionary, the true one included, reproduces the stored digest")
                .isEmpty();
        // Nor does the digest of the guessed row under any other key: it takes the installation's key.
        assertThat(new RowDigest(new byte[RowDigestKeys.KEY_BYTES])
                        .keyed(rows(csv).get(0)))
                .isNotEqualTo(provenance.contentHash());
        assertThat(keys.current().keyed(rows(csv).get(0))).isEqualTo(provenance.contentHash());
    }

    @Test
    void a_batch_stored_with_the_plain_digest_counts_as_unchanged_when_imported_again_and_gets_the_keyed_digest()
            throws Exception {
        String csv = HEADER + """

                LG1,Legacy Synthetic One,male,41,2013-01-05,Aleppo,missing
                LG2,Legacy Synthetic Two,female,35,2013-06,Idleb,detained
                LG3,Legacy Synthetic Three,,,unknown,,
                """;
        assertThat(importCsv(csv).indexed()).isEqualTo(3);
        List<RawRow> rows = rows(csv);
        // The batch as an Athar before keyed digests stored it: the plain SHA-256 and no hash_scheme.
        for (RawRow row : rows) {
            String id = Report.idFor(source, row.value(Columns.REPORT_ID));
            ObjectNode doc = client.get(g -> g.index(EngineIndices.REPORTS).id(id), ObjectNode.class)
                    .source();
            ObjectNode provenance = (ObjectNode) doc.get("provenance");
            provenance.put("content_hash", RowDigest.legacy(row));
            provenance.remove("hash_scheme");
            client.index(i -> i.index(EngineIndices.REPORTS).id(id).document(doc));
        }
        Report legacy = stored("LG1");
        assertThat(legacy.provenance().hashScheme()).isEqualTo(Provenance.LEGACY);
        assertThat(legacy.provenance().contentHash()).isEqualTo(RowDigest.legacy(rows.get(0)));

        ImportResult again = importCsv(csv);

        assertThat(again.indexed()).as("nothing duplicated").isZero();
        assertThat(again.updated()).as("nothing changed").isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(client.count(c -> c.index(EngineIndices.REPORTS)
                                .query(q -> q.term(t -> t.field("source").value(source))))
                        .count())
                .isEqualTo(3);
        RowDigest digest = keys.current();
        for (RawRow row : rows) {
            Provenance p = stored(row.value(Columns.REPORT_ID)).provenance();
            assertThat(p.hashScheme()).isEqualTo(Provenance.KEYED);
            assertThat(p.contentHash()).isEqualTo(digest.keyed(row)).isNotEqualTo(RowDigest.legacy(row));
        }

        // Once keyed, the same rows are still recognised; a changed row is an update.
        ImportResult changed = importCsv(csv.replace(
                "LG2,Legacy Synthetic Two,female,35,2013-06,Idleb,detained",
                "LG2,Legacy Synthetic Two,female,35,2013-06,Idleb,released"));
        assertThat(changed.unchanged()).isEqualTo(2);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.indexed()).isZero();
    }

    @Test
    void the_key_is_32_random_bytes_in_the_data_directory_for_its_owner_only_and_the_same_in_the_engine()
            throws Exception {
        keys.current();
        assertThat(keys.file()).isEqualTo(DATA_DIR.toAbsolutePath().normalize().resolve("keys/row-digest.key"));
        String onDisk = Files.readString(keys.file()).strip();
        assertThat(Base64.getDecoder().decode(onDisk)).hasSize(32);
        assertThat(keyStore.read()).contains(onDisk);
        if (keys.file().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file())))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(keys.file().getParent())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void
            a_key_file_that_differs_from_the_engine_s_key_is_replaced_by_it_and_a_lost_engine_key_comes_back_from_the_file()
                    throws Exception {
        keys.current();
        String key = keyStore.read().orElseThrow();
        // As after a restore of a backup made elsewhere: the engine's key made the stored digests.
        Files.writeString(keys.file(), Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        keys.current();
        assertThat(Files.readString(keys.file()).strip()).isEqualTo(key);

        // The engine lost its copy (the index was deleted by hand): the data directory's comes back.
        client.delete(d -> d.index(EngineIndices.KEYS).id(DigestKeyStore.ID));
        assertThat(keyStore.read()).isEmpty();
        keys.current();
        assertThat(keyStore.read()).contains(key);
    }
}
