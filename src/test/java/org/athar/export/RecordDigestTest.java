package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.athar.i18n.Messages;
import org.athar.report.AgeGroup;
import org.athar.report.Disappearance;
import org.athar.report.Gazetteer;
import org.athar.report.Gender;
import org.athar.report.Perpetrator;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Place;
import org.athar.report.Provenance;
import org.athar.report.Report;
import org.athar.report.ReportDate;
import org.athar.report.ReportStatus;
import org.athar.report.Victim;
import org.athar.report.VisibleReport;
import org.junit.jupiter.api.Test;

/**
 * The row digest in files of records: a reader who sees names gets it in the content_hash column and field, a reader
 * without names gets neither the value nor the field, in CSV and in JSON Lines.
 */
class RecordDigestTest {

    private static final String DIGEST = "5f".repeat(32);

    private static Report report() {
        return new Report(
                "D1",
                "Digest Export Org",
                new Victim(
                        "Synthetic Digest Person",
                        Optional.empty(),
                        Gender.MALE,
                        Optional.of(40),
                        AgeGroup.ADULT,
                        Optional.empty()),
                Disappearance.of(ReportDate.day(LocalDate.of(2014, 2, 1))),
                new Place("SY02", Place.UNKNOWN, Optional.empty(), Optional.empty()),
                new Perpetrator(PerpetratorCategory.GOVERNMENT, Optional.empty()),
                ReportStatus.MISSING,
                Optional.empty(),
                Optional.empty(),
                true,
                new Provenance(
                        "b1", "digest.csv", 1, Instant.parse("2026-01-01T00:00:00Z"), "test", DIGEST, Provenance.KEYED),
                null);
    }

    private static String csv(VisibleReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter writer = RecordWriter.csv(
                new RecordColumns(new Messages(), Gazetteer.load(), Messages.ENGLISH, "http://athar.test/report/"),
                out)) {
            writer.write(report);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String jsonLines(VisibleReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter writer = RecordWriter.jsonLines("http://athar.test/report/", out)) {
            writer.write(report);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_record_without_identities_carries_no_row_digest_in_csv_or_json_lines() throws IOException {
        VisibleReport withheld = VisibleReport.withoutIdentities(report());

        String csv = csv(withheld);
        assertThat(csv).doesNotContain(DIGEST);
        String[] lines = csv.substring(1).split("\r\n");
        int column = java.util.Arrays.asList(lines[0].split(",")).indexOf("content_hash");
        assertThat(lines[1].split(",", -1)[column]).as("the content_hash cell").isEmpty();

        String jsonl = jsonLines(withheld);
        assertThat(jsonl).doesNotContain(DIGEST).doesNotContain("content_hash").doesNotContain("hash_scheme");
    }

    @Test
    void a_full_record_carries_the_row_digest_and_its_scheme() throws IOException {
        VisibleReport full = VisibleReport.full(report());
        assertThat(csv(full)).contains(DIGEST);
        assertThat(jsonLines(full))
                .contains("\"content_hash\":\"" + DIGEST + "\"")
                .contains("\"hash_scheme\":\"hmac-sha256\"");
    }
}
