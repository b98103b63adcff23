package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.athar.AtharIntegrationTest;
import org.athar.dataset.DataSetFacts;
import org.athar.engine.EngineIndices;
import org.athar.report.Report;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Imports through the real pipeline into the real engine: every count, every rejected row, updates, re-imports. */
class ImportServiceTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    RejectedRowsCsv rejectedRows;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    BatchStore batches;

    @Autowired
    DataSetFacts facts;

    private final String source = "Test Org " + UUID.randomUUID();

    private ImportResult importResource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ingest/" + name)) {
            return imports.importFile(in, name, new ImportOptions(Optional.of(source), "test", false), c -> {});
        }
    }

    private long storedForSource() throws IOException {
        return client.count(c -> c.index(EngineIndices.REPORTS)
                        .query(q -> q.term(t -> t.field("source").value(source))))
                .count();
    }

    private Report stored(String reportId) throws IOException {
        return client.get(g -> g.index(EngineIndices.REPORTS).id(Report.idFor(source, reportId)), Report.class)
                .source();
    }

    @Test
    void a_mixed_csv_stores_good_rows_rejects_bad_ones_with_row_field_and_reason_and_the_later_duplicate_wins()
            throws IOException {
        ImportResult r = importResource("mixed.csv");

        assertThat(r.received()).isEqualTo(14);
        assertThat(r.indexed()).isEqualTo(4);
        assertThat(r.updated()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(9);
        assertThat(r.unchanged()).isZero();
        assertThat(r.received()).isEqualTo(r.indexed() + r.updated() + r.unchanged() + r.rejected());
        assertThat(r.errors())
                .extracting(RowError::row, RowError::field)
                .containsExactly(
                        tuple(5L, "report_id"),
                        tuple(6L, "victim_name"),
                        tuple(7L, "disappeared_on"),
                        tuple(8L, "governorate"),
                        tuple(9L, "age"),
                        tuple(10L, "gender"),
                        tuple(11L, "status"),
                        tuple(13L, "disappeared_on"),
                        tuple(14L, "disappeared_on"),
                        tuple(14L, "age"));
        assertThat(r.errors().get(3).message()).contains("'Alepo'").contains("not recognised");
        assertThat(r.errors().get(2).message()).contains("2013-02-30");

        assertThat(storedForSource()).isEqualTo(4);
        Report first = stored("R1");
        assertThat(first.victim().age()).contains(35);
        assertThat(first.provenance().rowNumber()).isEqualTo(12);
        assertThat(first.place().governorate()).isEqualTo("SY02");
        assertThat(first.perpetrator().category().code()).isEqualTo("government");
        Report second = stored("R2");
        assertThat(second.disappearance().precision().code()).isEqualTo("month");
        assertThat(second.disappearance().date())
                .hasValueSatisfying(d -> assertThat(d).hasToString("2013-05-01"));
        assertThat(second.disappearance().dateEnd())
                .hasValueSatisfying(d -> assertThat(d).hasToString("2013-05-31"));
        assertThat(second.narrative()).hasValueSatisfying(n -> assertThat(n).contains("\n"));
        Report unknown = stored("R4");
        assertThat(unknown.place().governorate()).isEqualTo("unknown");
        assertThat(unknown.disappearance().precision().code()).isEqualTo("unknown");
        assertThat(stored("R3").victim().ageGroup().code()).isEqualTo("child");
    }

    @Test
    void importing_a_report_again_in_a_later_file_updates_it_and_counts_it_once() throws IOException {
        importResource("mixed.csv");
        ImportResult later = importResource("later.csv");

        assertThat(later.received()).isEqualTo(2);
        assertThat(later.indexed()).isEqualTo(1);
        assertThat(later.updated()).isEqualTo(1);
        assertThat(later.unchanged()).isZero();
        assertThat(later.rejected()).isZero();
        assertThat(storedForSource()).isEqualTo(5);
        Report updated = stored("R2");
        assertThat(updated.status().code()).isEqualTo("released");
        assertThat(updated.place().district()).isEqualTo("SY0200");
        assertThat(updated.disappearance().precision().code()).isEqualTo("day");
    }

    @Test
    void re_running_the_same_file_changes_no_count_of_stored_reports() throws IOException {
        importResource("mixed.csv");
        ImportResult again = importResource("mixed.csv");
        assertThat(again.indexed()).isZero();
        // R2, R3 and R4 are the rows stored; R1's first row differs from the stored R1 (its later row, which wins).
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.updated()).isEqualTo(2);
        assertThat(again.rejected()).isEqualTo(9);
        assertThat(storedForSource()).isEqualTo(4);
    }

    @Test
    void downloaded_rejected_rows_once_fixed_import_cleanly() throws IOException {
        ImportResult first = importResource("mixed.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rejectedRows.write(first.batchId(), out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.substring(1)))
                .getRecords();
        assertThat(records).hasSize(9);
        assertThat(records.get(3).get("governorate")).isEqualTo("Alepo");
        assertThat(records.get(3).get("reason")).contains("row 8, governorate");

        Map<String, Map<String, String>> fixes = Map.of(
                "No Id",
                Map.of("report_id", "R5"),
                "",
                Map.of("victim_name", "Named Now"),
                "Bad Date",
                Map.of("disappeared_on", "2013-02-28"),
                "Typo Governorate",
                Map.of("governorate", "Aleppo"),
                "Bad Age",
                Map.of("age", "30"),
                "Bad Gender",
                Map.of("gender", "male"),
                "Bad Status",
                Map.of("status", "missing"),
                "Future Date",
                Map.of("disappeared_on", "2019"),
                "Two Problems",
                Map.of("age", "40", "disappeared_on", "1990"));
        ByteArrayOutputStream fixed = new ByteArrayOutputStream();
        List<String> header = records.get(0).getParser().getHeaderNames();
        try (CSVPrinter printer = new CSVPrinter(
                new java.io.OutputStreamWriter(fixed, StandardCharsets.UTF_8),
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (CSVRecord rec : records) {
                Map<String, String> row = new java.util.LinkedHashMap<>(rec.toMap());
                row.putAll(fixes.get(rec.get("victim_name")));
                printer.printRecord(new ArrayList<>(row.values()));
            }
        }
        ImportResult reimport = imports.importFile(
                new ByteArrayInputStream(fixed.toByteArray()),
                "fixed.csv",
                new ImportOptions(Optional.of(source), "test", false),
                c -> {});
        assertThat(reimport.rejected()).as("%s", reimport.errors()).isZero();
        assertThat(reimport.indexed()).isEqualTo(9);
        assertThat(reimport.unknownColumns()).contains("reason");
        assertThat(storedForSource()).isEqualTo(13);
    }

    @Test
    void reports_imported_as_synthetic_are_marked_so_and_make_the_portal_say_so() throws IOException {
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(
                        "report_id,victim_name\nS1,Synthetic Person\n".getBytes(StandardCharsets.UTF_8)),
                "demo.csv",
                new ImportOptions(Optional.of(source), "test", true),
                c -> {});
        assertThat(r.indexed()).isEqualTo(1);
        assertThat(stored("S1").synthetic()).isTrue();
        assertThat(facts.holdsSyntheticData()).isTrue();
    }

    @Test
    void rows_checked_in_chunks_on_other_threads_keep_their_order_and_every_count_adds_up() throws IOException {
        // 1,700 rows: more than three chunks of 500. Every 100th row has an impossible age (rejected), and the last
        // 50 repeat earlier report ids with another governorate (later rows of the same report: updates).
        StringBuilder csv = new StringBuilder("report_id,victim_name,age,governorate\n");
        for (int i = 1; i <= 1650; i++) {
            csv.append("C").append(i).append(",Synthetic Person ").append(i).append(',');
            csv.append(i % 100 == 0 ? "300" : "30").append(",Homs\n");
        }
        for (int i = 1; i <= 50; i++) {
            csv.append("C").append(i).append(",Synthetic Person ").append(i).append(",30,Aleppo\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        ImportOptions options = new ImportOptions(Optional.of(source), "test", false);

        ImportResult first = imports.importFile(new ByteArrayInputStream(file), "chunks.csv", options, c -> {});

        assertThat(first.received()).isEqualTo(1700);
        assertThat(first.rejected()).isEqualTo(16);
        assertThat(first.indexed()).isEqualTo(1634);
        assertThat(first.updated()).isEqualTo(50);
        assertThat(first.errors())
                .extracting(RowError::row)
                .as("rejected rows in file order (data rows are numbered from 1)")
                .containsExactly(
                        100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1000L, 1100L, 1200L, 1300L, 1400L, 1500L,
                        1600L);
        assertThat(first.errors()).extracting(RowError::field).containsOnly("age");
        assertThat(storedForSource()).isEqualTo(1634);
        assertThat(stored("C1").place().governorate()).isEqualTo("SY02");

        // The same file again: the source now holds reports, so stored reports are looked up and recognised.
        ImportResult again = imports.importFile(new ByteArrayInputStream(file), "chunks.csv", options, c -> {});
        assertThat(again.indexed()).isZero();
        assertThat(again.rejected()).isEqualTo(16);
        // C1–C50: the first row (Homs) differs from the stored report (Aleppo, the later row); then the later row.
        assertThat(again.updated()).isEqualTo(100);
        assertThat(again.unchanged()).isEqualTo(1584);
        assertThat(storedForSource()).isEqualTo(1634);
    }

    @Test
    void progress_is_reported_while_rows_are_confirmed() throws IOException {
        List<ImportCounts> seen = new ArrayList<>();
        StringBuilder csv = new StringBuilder("report_id,victim_name,governorate\n");
        for (int i = 1; i <= 2500; i++) {
            csv.append("P").append(i).append(",Synthetic Person ").append(i).append(",Homs\n");
        }
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "many.csv",
                new ImportOptions(Optional.of(source), "test", false),
                seen::add);
        assertThat(r.indexed()).isEqualTo(2500);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(4);
        assertThat(seen).extracting(ImportCounts::received).isSorted();
        assertThat(imports.batch(r.batchId())).hasValueSatisfying(b -> {
            assertThat(b.status()).isEqualTo(ImportBatch.Status.COMPLETED);
            assertThat(b.indexed()).isEqualTo(2500);
        });
    }

    @Test
    void the_start_up_check_marks_a_previous_run_s_batch_interrupted_but_never_one_this_instance_is_running()
            throws IOException {
        // A batch left 'running' by an earlier process (killed mid-import).
        java.time.Instant earlier = java.time.Instant.now().minusSeconds(3600);
        String orphan = "19990101000000-" + UUID.randomUUID().toString().substring(0, 8);
        batches.save(new ImportBatch(
                orphan,
                "orphan.csv",
                Optional.of(source),
                "test",
                false,
                ImportBatch.Status.RUNNING,
                earlier,
                earlier,
                Optional.empty(),
                100,
                90,
                0,
                0,
                10,
                List.of(),
                Optional.empty()));
        StringBuilder csv = new StringBuilder("report_id,victim_name,governorate\n");
        for (int i = 1; i <= 2500; i++) {
            csv.append("S").append(i).append(",Synthetic Person ").append(i).append(",Homs\n");
        }
        // The web server answers before the start-up check runs: an import may already be under way when it does.
        String fileName = "during-start-" + UUID.randomUUID() + ".csv";
        List<ImportBatch> afterCheck = new ArrayList<>();
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                fileName,
                new ImportOptions(Optional.of(source), "test", false),
                counts -> {
                    if (afterCheck.isEmpty()) {
                        try {
                            client.indices().refresh(f -> f.index(EngineIndices.BATCHES));
                            imports.markInterruptedBatches();
                            client.indices().refresh(f -> f.index(EngineIndices.BATCHES));
                            imports.recentBatches().stream()
                                    .filter(b -> b.fileName().equals(fileName))
                                    .forEach(afterCheck::add);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
        assertThat(afterCheck)
                .as("the batch under way, read just after the start-up check")
                .extracting(ImportBatch::status)
                .containsExactly(ImportBatch.Status.RUNNING);
        assertThat(r.indexed()).isEqualTo(2500);
        assertThat(imports.batch(r.batchId())).hasValueSatisfying(b -> {
            assertThat(b.status()).isEqualTo(ImportBatch.Status.COMPLETED);
            assertThat(b.failure()).isEmpty();
        });
        assertThat(imports.batch(orphan)).hasValueSatisfying(b -> {
            assertThat(b.status()).isEqualTo(ImportBatch.Status.INTERRUPTED);
            assertThat(b.indexed()).isEqualTo(90);
            assertThat(b.failure()).hasValueSatisfying(f -> assertThat(f).contains("re-run the same file"));
        });
    }

    @Test
    void a_file_that_stops_being_utf8_part_way_keeps_the_rows_before_and_its_batch_says_why() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("report_id,victim_name\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= 600; i++) {
            file.writeBytes(("U" + i + ",نور الهدى\n").getBytes(StandardCharsets.UTF_8));
        }
        file.writeBytes("U601,محمد\nU602,Lina\n".getBytes(java.nio.charset.Charset.forName("windows-1256")));

        ImportStoppedException stopped = org.assertj.core.api.Assertions.catchThrowableOfType(
                ImportStoppedException.class,
                () -> imports.importFile(
                        new ByteArrayInputStream(file.toByteArray()),
                        "legacy.csv",
                        new ImportOptions(Optional.of(source), "test", false),
                        c -> {}));

        assertThat(stopped)
                .hasMessageContaining("data row 601 holds bytes that are not UTF-8")
                .hasMessageContaining("The 600 rows read before this are in import " + stopped.batchId());
        assertThat(stopped.counts()).isEqualTo(new ImportCounts(600, 600, 0, 0, 0));
        assertThat(stopped.reason()).isEqualTo("unreadable_file");
        assertThat(storedForSource()).isEqualTo(600);
        ImportBatch batch = imports.batch(stopped.batchId()).orElseThrow();
        assertThat(batch.status()).isEqualTo(ImportBatch.Status.FAILED);
        assertThat(batch.received()).isEqualTo(600);
        assertThat(batch.indexed()).isEqualTo(600);
        assertThat(batch.failure()).hasValueSatisfying(f -> assertThat(f).contains("data row 601"));
    }
}
