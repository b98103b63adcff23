package org.athar.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.athar.demo.DemoTruth.Relation;
import org.junit.jupiter.api.Test;

/** The truth file's format: a header, one CSV line per report (source, report_id, person), read back as written. */
class DemoTruthTest {

    @Test
    void the_truth_file_is_a_header_and_one_csv_line_per_report_that_reads_back_the_same() throws IOException {
        List<DemoTruth> lines = List.of(
                new DemoTruth(
                        "Synthetic Documentation Network (demo)",
                        "SDN-000001",
                        "P0000001",
                        Set.of(DemoVariant.LATIN_ONLY),
                        Relation.NONE,
                        ""),
                new DemoTruth("شبكة التوثيق التجريبية", "STN-000007", "P0000001", Set.of(), Relation.NONE, ""),
                new DemoTruth("A source, with a comma", "X-\"1\"", "P0000002", Set.of(), Relation.BROTHER, "P0000001"));
        StringWriter out = new StringWriter();
        DemoTruth.TruthFile file = DemoTruth.writingTo(out);
        lines.forEach(file);
        file.flush();

        assertThat(out.toString())
                .isEqualTo("source,report_id,person\r\n"
                        + "Synthetic Documentation Network (demo),SDN-000001,P0000001\r\n"
                        + "شبكة التوثيق التجريبية,STN-000007,P0000001\r\n"
                        + "\"A source, with a comma\",\"X-\"\"1\"\"\",P0000002\r\n");
        List<DemoTruth> read = DemoTruth.read(new StringReader(out.toString()));
        assertThat(read)
                .extracting(DemoTruth::source, DemoTruth::reportId, DemoTruth::person)
                .containsExactlyElementsOf(lines.stream()
                        .map(t -> org.assertj.core.groups.Tuple.tuple(t.source(), t.reportId(), t.person()))
                        .toList());
        // What the file does not hold comes back empty.
        assertThat(read).allSatisfy(t -> {
            assertThat(t.variants()).isEmpty();
            assertThat(t.relation()).isEqualTo(Relation.NONE);
        });
    }

    @Test
    void a_file_with_another_header_is_not_taken_for_a_truth_file() {
        assertThatIOException()
                .isThrownBy(() -> DemoTruth.read(new StringReader("report_id,source,victim_name\r\n")))
                .withMessageContaining("not a demo truth file")
                .withMessageContaining("source, report_id, person");
    }
}
