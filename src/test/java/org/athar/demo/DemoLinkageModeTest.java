package org.athar.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.athar.ServerDefaults;
import org.athar.demo.DemoTruth.Relation;
import org.athar.report.Gazetteer;
import org.athar.report.NameSkeleton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linkage mode: who each row is about, how many persons several sources share, and the variants they write. */
class DemoLinkageModeTest {

    private static final int N = 30_000;
    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static String csv;
    private static List<CSVRecord> rows;
    private static List<DemoTruth> truth;

    @BeforeAll
    static void generate() throws IOException {
        Generated generated = generate(DemoDataGenerator.DEFAULT_SEED, N);
        csv = generated.csv();
        truth = generated.truth();
        rows = DemoDataGeneratorTest.parse(csv);
    }

    record Generated(String csv, List<DemoTruth> truth) {}

    static Generated generate(long seed, int n) throws IOException {
        StringWriter out = new StringWriter();
        List<DemoTruth> truth = new ArrayList<>();
        new DemoDataGenerator(seed)
                .withLinkage(DemoDataGenerator.DEFAULT_SHARED_PERSONS)
                .write(out, n, done -> {}, truth::add);
        return new Generated(out.toString(), truth);
    }

    @Test
    void there_is_one_truth_line_per_row_naming_the_rows_source_and_report_id_in_order() {
        assertThat(rows).hasSize(N);
        assertThat(truth).hasSize(N);
        for (int i = 0; i < N; i++) {
            assertThat(truth.get(i).source()).isEqualTo(rows.get(i).get("source"));
            assertThat(truth.get(i).reportId()).isEqualTo(rows.get(i).get("report_id"));
        }
    }

    @Test
    void an_arabic_server_writes_the_same_demo_file_and_truth_file() throws Throwable {
        Generated here = generate(DemoDataGenerator.DEFAULT_SEED, 500);
        Generated arabic = ServerDefaults.withLocale(
                ServerDefaults.SYRIAN_ARABIC, () -> generate(DemoDataGenerator.DEFAULT_SEED, 500));
        assertThat(arabic.csv()).isEqualTo(here.csv());
        assertThat(truthFile(arabic.truth())).isEqualTo(truthFile(here.truth()));
    }

    @Test
    void the_same_seed_writes_the_same_bytes_and_the_same_truth_file() throws IOException {
        Generated again = generate(DemoDataGenerator.DEFAULT_SEED, N);
        assertThat(again.csv().getBytes(StandardCharsets.UTF_8)).isEqualTo(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(truthFile(again.truth())).isEqualTo(truthFile(truth));
        assertThat(generate(DemoDataGenerator.DEFAULT_SEED + 1, 2000).csv()).isNotEqualTo(csv.substring(0, 100));
    }

    @Test
    void about_a_quarter_of_persons_are_documented_by_two_or_three_sources_never_twice_by_the_same() {
        Map<String, List<DemoTruth>> byPerson = byPerson();
        // Persons first seen in the last rows may have later reports that fall beyond the end of the file.
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < N; i++) {
            firstRow.putIfAbsent(truth.get(i).person(), i);
        }
        List<List<DemoTruth>> settled = byPerson.entrySet().stream()
                .filter(e -> firstRow.get(e.getKey()) < N - 3000)
                .map(Map.Entry::getValue)
                .toList();
        long shared = settled.stream().filter(reports -> reports.size() >= 2).count();
        long byAllThree =
                settled.stream().filter(reports -> reports.size() == 3).count();
        double sharedShare = (double) shared / settled.size();
        double allThreeShare = (double) byAllThree / shared;
        System.out.printf(
                "DemoLinkageModeTest: %,d persons in %,d rows; %.1f %% by 2+ sources, %.1f %% of those by " + "all 3%n",
                byPerson.size(), N, 100 * sharedShare, 100 * allThreeShare);
        assertThat(sharedShare).isBetween(0.23, 0.27);
        assertThat(allThreeShare).isBetween(0.26, 0.34);
        assertThat(byPerson.values()).allSatisfy(reports -> {
            assertThat(reports).hasSizeBetween(1, 3);
            assertThat(reports.stream().map(DemoTruth::source).distinct().count())
                    .isEqualTo(reports.size());
        });
    }

    @Test
    void later_reports_carry_each_variant_about_as_often_as_configured_and_first_reports_none() {
        Map<String, Integer> seen = new HashMap<>();
        Map<DemoVariant, Integer> counts = new EnumMap<>(DemoVariant.class);
        int later = 0;
        for (DemoTruth t : truth) {
            if (seen.merge(t.person(), 1, Integer::sum) == 1) {
                assertThat(t.variants()).isEmpty();
                continue;
            }
            later++;
            t.variants().forEach(v -> counts.merge(v, 1, Integer::sum));
        }
        StringBuilder table = new StringBuilder("DemoLinkageModeTest: variants of " + later + " later reports:");
        for (DemoVariant v : DemoVariant.values()) {
            double share = counts.getOrDefault(v, 0) / (double) later;
            table.append(
                    String.format("%n  %-20s configured %4.0f %%  written %5.1f %%", v, 100 * v.share(), 100 * share));
            // Never more often than drawn; less only where the variant cannot apply (no article, no age known).
            assertThat(share).as(v.name()).isLessThan(v.share() + 0.02).isGreaterThan(v.share() * 0.4);
        }
        System.out.println(table);
        // These apply to every report: their share is the configured one.
        for (DemoVariant v : List.of(DemoVariant.LATIN_ONLY, DemoVariant.DATE_COARSER, DemoVariant.TRANSPOSED_NAMES)) {
            assertThat(counts.get(v) / (double) later)
                    .as(v.name())
                    .isCloseTo(v.share(), org.assertj.core.data.Offset.offset(0.02));
        }
    }

    @Test
    void the_variants_in_the_truth_are_what_the_row_shows() {
        Map<String, CSVRecord> firstRowOf = new HashMap<>();
        for (int i = 0; i < N; i++) {
            firstRowOf.putIfAbsent(truth.get(i).person(), rows.get(i));
        }
        for (int i = 0; i < N; i++) {
            DemoTruth t = truth.get(i);
            CSVRecord row = rows.get(i);
            if (t.variants().contains(DemoVariant.LATIN_ONLY)) {
                assertThat(row.get("victim_name")).as(row.get("report_id")).matches("[A-Za-z' -]+");
                assertThat(row.get("victim_name_latin")).isEmpty();
            } else {
                assertThat(row.get("victim_name")).as(row.get("report_id")).matches(".*[\\u0621-\\u064A].*");
            }
            if (t.variants().contains(DemoVariant.DATE_COARSER)) {
                assertThat(row.get("disappeared_on")).matches("\\d{4}|\\d{4}-\\d{2}|\\d{2}/\\d{4}");
            }
            if (t.variants().contains(DemoVariant.DISTRICT_MISSING)) {
                assertThat(row.get("district")).isEmpty();
            }
            if (t.variants().contains(DemoVariant.DROPPED_ARTICLE)
                    && !t.variants().contains(DemoVariant.LATIN_ONLY)) {
                assertThat(articles(row.get("victim_name")))
                        .as(row.get("victim_name"))
                        .isLessThan(articles(firstRowOf.get(t.person()).get("victim_name")));
            }
        }
    }

    @Test
    void brothers_share_father_family_and_governorate_and_namesakes_the_names_but_not_the_governorate() {
        Map<String, CSVRecord> firstRowOf = new LinkedHashMap<>();
        for (int i = 0; i < N; i++) {
            firstRowOf.putIfAbsent(truth.get(i).person(), rows.get(i));
        }
        int brothers = 0;
        int namesakes = 0;
        for (int i = 0; i < N; i++) {
            DemoTruth t = truth.get(i);
            if (t.relation() == Relation.NONE || !t.variants().isEmpty()) {
                continue; // a first report, compared with the related person's first report: both as listed
            }
            CSVRecord mine = rows.get(i);
            CSVRecord theirs = firstRowOf.get(t.relatedPerson());
            assertThat(t.person()).isNotEqualTo(t.relatedPerson());
            String myName = skeleton(mine.get("victim_name"));
            String theirName = skeleton(theirs.get("victim_name"));
            String myGovernorate =
                    GAZETTEER.resolveGovernorate(mine.get("governorate")).orElse("?");
            String theirGovernorate =
                    GAZETTEER.resolveGovernorate(theirs.get("governorate")).orElse("?");
            if (t.relation() == Relation.BROTHER) {
                brothers++;
                // The father's and family name (at least two words) end both names; the first names differ.
                assertThat(commonEnding(myName, theirName))
                        .as(myName + " / " + theirName)
                        .isGreaterThanOrEqualTo(2);
                assertThat(myName).isNotEqualTo(theirName);
                if (!theirGovernorate.equals("?")) {
                    assertThat(myGovernorate).isEqualTo(theirGovernorate);
                }
            } else {
                namesakes++;
                assertThat(myName).isEqualTo(theirName);
                assertThat(myGovernorate).isNotEqualTo(theirGovernorate);
            }
        }
        System.out.printf(
                "DemoLinkageModeTest: %,d brothers and %,d namesakes among %,d persons%n",
                brothers, namesakes, byPerson().size());
        assertThat(brothers).isGreaterThan(N / 50);
        assertThat(namesakes).isGreaterThan(N / 70);
    }

    @Test
    void the_default_mode_has_no_truth_to_tell_and_a_share_outside_zero_to_one_is_refused() {
        DemoDataGenerator plain = new DemoDataGenerator(1);
        assertThatIllegalStateException()
                .isThrownBy(() -> plain.write(Writer.nullWriter(), 10, d -> {}, t -> {}))
                .withMessageContaining("withLinkage");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> plain.withLinkage(1.5))
                .withMessageContaining("1.5");
        assertThat(plain.linkage()).isFalse();
        assertThat(plain.withLinkage(0).linkage()).isTrue();
    }

    @Test
    void the_command_writes_the_truth_file_next_to_the_csv(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("reports.csv");
        assertThat(DemoCommand.runIfRequested(
                        new String[] {"--athar.demo.generate=1_000", "--athar.demo.out=" + out, "--athar.demo.linkage"
                        }))
                .isTrue();
        Path truthFile = dir.resolve("reports.truth.csv");
        List<String> lines = Files.readAllLines(truthFile, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1001).first().isEqualTo("source,report_id,person");
        assertThat(DemoDataGeneratorTest.parse(Files.readString(out))).hasSize(1000);
        assertThat(truthFile(truth.subList(0, 1000)).strip())
                .isEqualTo(String.join("\r\n", lines).strip());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DemoCommand.runIfRequested(new String[] {
                    "--athar.demo.generate=10", "--athar.demo.out=" + out, "--athar.demo.truth=" + dir.resolve("t.csv")
                }))
                .withMessageContaining("--athar.demo.linkage");
    }

    private static Map<String, List<DemoTruth>> byPerson() {
        return truth.stream()
                .collect(Collectors.groupingBy(DemoTruth::person, LinkedHashMap::new, Collectors.toList()));
    }

    private static String skeleton(String name) {
        return NameSkeleton.of(DemoNames.bareHamza(name));
    }

    private static int commonEnding(String a, String b) {
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        int n = 0;
        while (n < Math.min(x.length, y.length) && x[x.length - 1 - n].equals(y[y.length - 1 - n])) {
            n++;
        }
        return n;
    }

    private static long articles(String name) {
        return java.util.Arrays.stream(name.split(" "))
                .filter(word -> word.startsWith("ال"))
                .count();
    }

    private static String truthFile(List<DemoTruth> lines) throws IOException {
        StringWriter out = new StringWriter();
        DemoTruth.TruthFile file = DemoTruth.writingTo(out);
        lines.forEach(file);
        file.flush();
        assertThat(DemoTruth.read(new StringReader(out.toString()))).hasSize(lines.size());
        return out.toString();
    }
}
