package org.athar.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The file's shape: determinism, size, quoting, ids and the synthetic labelling (distributions: DemoDistributionTest). */
class DemoDataGeneratorTest {

    static String generate(long seed, long n) throws IOException {
        StringWriter out = new StringWriter();
        long written = new DemoDataGenerator(seed).write(out, n);
        assertThat(written).isEqualTo(n);
        return out.toString();
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (CSVParser parser = format.parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(DemoDataGenerator.HEADER);
            return parser.getRecords();
        }
    }

    @Test
    void the_same_seed_and_size_write_the_same_bytes_every_time() throws IOException {
        String first = generate(DemoDataGenerator.DEFAULT_SEED, 2000);
        String second = generate(DemoDataGenerator.DEFAULT_SEED, 2000);
        assertThat(first.getBytes(StandardCharsets.UTF_8)).isEqualTo(second.getBytes(StandardCharsets.UTF_8));
        assertThat(generate(DemoDataGenerator.DEFAULT_SEED + 1, 2000)).isNotEqualTo(first);
    }

    @Test
    void about_seventy_eight_percent_of_demo_reports_may_be_shared_and_the_rest_have_no_or_unknown_consent()
            throws IOException {
        List<CSVRecord> rows = parse(generate(DemoDataGenerator.DEFAULT_SEED, 20_000));
        long any = rows.stream()
                .filter(r -> r.get("consent_to_share").equals("yes")
                        && r.get("share_with").equals("any"))
                .count();
        long named = rows.stream()
                .filter(r -> r.get("consent_to_share").equals("yes")
                        && !r.get("share_with").equals("any"))
                .count();
        long no = rows.stream()
                .filter(r -> r.get("consent_to_share").equals("no"))
                .count();
        long unknown =
                rows.stream().filter(r -> r.get("consent_to_share").isEmpty()).count();
        assertThat(any + named + no + unknown).isEqualTo(20_000);
        assertThat(any).isBetween(13_600L, 14_400L);
        assertThat(named).isBetween(1_400L, 1_800L);
        assertThat(no).isBetween(2_200L, 2_600L);
        assertThat(unknown).isBetween(1_800L, 2_200L);
        assertThat(rows.stream()
                        .filter(r -> r.get("consent_to_share").equals("yes")
                                && !r.get("share_with").equals("any"))
                        .map(r -> r.get("share_with")))
                .allSatisfy(w -> assertThat(w).matches("[A-Za-z ]+(; [A-Za-z ]+)?"));
    }

    @Test
    void the_header_comes_first_and_exactly_n_rows_of_twenty_two_values_follow() throws IOException {
        String csv = generate(DemoDataGenerator.DEFAULT_SEED, 2000);
        assertThat(csv).startsWith(String.join(",", DemoDataGenerator.HEADER) + "\r\n");
        List<CSVRecord> rows = parse(csv);
        assertThat(rows).hasSize(2000);
        // 18 values, then the four consent columns (issue 21).
        assertThat(rows).allSatisfy(row -> assertThat(row.size()).isEqualTo(22));
        assertThat(parse(generate(DemoDataGenerator.DEFAULT_SEED, 0))).isEmpty();
    }

    @Test
    void report_ids_are_unique_within_each_source_and_carry_the_source_prefix() throws IOException {
        Set<String> seen = new HashSet<>();
        for (CSVRecord row : parse(generate(DemoDataGenerator.DEFAULT_SEED, 20_000))) {
            assertThat(seen.add(row.get("source") + "|" + row.get("report_id")))
                    .as(row.get("report_id"))
                    .isTrue();
            DemoSource source = sourceOf(row.get("source"));
            assertThat(row.get("report_id")).matches(source.idPrefix() + "-\\d{6,}");
        }
    }

    @Test
    void every_row_says_it_is_synthetic_through_its_source_and_its_narrative() throws IOException {
        for (CSVRecord row : parse(generate(DemoDataGenerator.DEFAULT_SEED, 5000))) {
            assertThat(row.get("source")).containsAnyOf("Synthetic", "Demo", "التجريبية");
            assertThat(row.get("narrative"))
                    .satisfiesAnyOf(
                            n -> assertThat(n).startsWith(DemoNarratives.MARKER_EN),
                            n -> assertThat(n).startsWith(DemoNarratives.MARKER_AR));
            assertThat(row.get("narrative")).doesNotContain("{");
        }
    }

    @Test
    void no_cell_starts_with_a_character_a_spreadsheet_would_run_as_a_formula() throws IOException {
        for (CSVRecord row : parse(generate(DemoDataGenerator.DEFAULT_SEED, 5000))) {
            for (String value : row.values()) {
                assertThat(value).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
                if (value.startsWith("-")) {
                    assertThat(value)
                            .as("only a negative number may start with a minus")
                            .matches("-\\d.*");
                }
            }
        }
    }

    @Test
    void progress_is_reported_every_ten_thousand_rows_and_at_the_end() throws IOException {
        List<Long> reported = new ArrayList<>();
        new DemoDataGenerator(7).write(Writer.nullWriter(), 25_000, reported::add);
        assertThat(reported).containsExactly(10_000L, 20_000L, 25_000L);
    }

    @Test
    void a_negative_size_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DemoDataGenerator(1).write(Writer.nullWriter(), -1))
                .withMessageContaining("-1");
    }

    @Test
    void coordinates_have_five_decimals_without_locale_or_rounding_surprises() {
        assertThat(DemoRows.coordinate(33.5)).isEqualTo("33.50000");
        assertThat(DemoRows.coordinate(36.000004)).isEqualTo("36.00000");
        assertThat(DemoRows.coordinate(35.123456)).isEqualTo("35.12346");
        assertThat(DemoRows.coordinate(-0.00001)).isEqualTo("-0.00001");
    }

    @Test
    void two_hundred_thousand_rows_are_written_quickly_enough_for_a_million_row_benchmark() throws IOException {
        DemoDataGenerator generator = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED);
        generator.write(Writer.nullWriter(), 20_000); // warm-up, so the figure is not mostly JIT compilation
        long started = System.nanoTime();
        long written = generator.write(Writer.nullWriter(), 200_000);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "DemoDataGenerator: %,d rows in %.2f s = %,.0f rows/s%n", written, seconds, written / seconds);
        assertThat(written).isEqualTo(200_000);
    }

    private static DemoSource sourceOf(String displayName) {
        for (DemoSource source : DemoSource.values()) {
            if (source.displayName().equals(displayName)) {
                return source;
            }
        }
        throw new AssertionError("not a demo source: " + displayName);
    }
}
