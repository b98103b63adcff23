package org.athar.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.athar.ServerDefaults;
import org.athar.demo.DemoNames.Name;
import org.athar.demo.DemoTruth.Relation;
import org.athar.ingest.CsvReports;
import org.athar.report.DatePrecision;
import org.athar.report.Gender;
import org.athar.report.NameSkeleton;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Report;
import org.athar.report.ReportStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second evaluation set ({@link LinkageShares#SECOND}) at its default size: its shape, the shares fixed for it,
 * its determinism, every row accepted by Athar's own reader and validator, a consistent truth, and only the demo's
 * invented names.
 */
class DemoSecondSetTest {

    private static final LinkageShares SECOND = LinkageShares.SECOND;
    private static final int N = SECOND.defaultReports();
    private static String csv;
    private static List<CSVRecord> rows;
    private static List<DemoTruth> truth;
    private static List<Report> reports;
    // Row index of each person's first report, in order of appearance.
    private static final Map<String, Integer> firstRow = new LinkedHashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        DemoLinkageModeTest.Generated generated = generate(SECOND.seed(), N);
        csv = generated.csv();
        truth = generated.truth();
        rows = DemoDataGeneratorTest.parse(csv);
        reports = CsvReports.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "second.csv");
        for (int i = 0; i < truth.size(); i++) {
            firstRow.putIfAbsent(truth.get(i).person(), i);
        }
    }

    static DemoLinkageModeTest.Generated generate(long seed, int n) throws IOException {
        StringWriter out = new StringWriter();
        List<DemoTruth> lines = new ArrayList<>();
        new DemoDataGenerator(seed).withLinkage(SECOND).write(out, n, done -> {}, lines::add);
        return new DemoLinkageModeTest.Generated(out.toString(), lines);
    }

    @Test
    void at_its_default_size_the_second_set_is_about_two_thousand_persons_in_3108_reports_by_three_sources() {
        assertThat(N).isEqualTo(3108);
        assertThat(rows).hasSize(N);
        assertThat(truth).hasSize(N);
        System.out.printf(
                "DemoSecondSetTest: %,d persons in %,d reports (seed %d)%n", firstRow.size(), N, SECOND.seed());
        assertThat(firstRow).hasSizeBetween(1900, 2100);
        assertThat(rows.stream().map(r -> r.get("source")).distinct())
                .containsExactlyInAnyOrder(Stream.of(DemoSource.values())
                        .map(DemoSource::displayName)
                        .toArray(String[]::new));
        assertThat(SECOND.seed()).isNotEqualTo(DemoDataGenerator.DEFAULT_SEED);
    }

    @Test
    void every_row_is_accepted_by_athars_reader_and_validator_and_says_government_and_missing() {
        assertThat(reports).as("rows the validator accepts").hasSize(N);
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.perpetrator().category()).isEqualTo(PerpetratorCategory.GOVERNMENT);
            assertThat(r.perpetrator().detail()).isEmpty();
            assertThat(r.status()).isEqualTo(ReportStatus.MISSING);
        });
        for (int i = 0; i < N; i++) {
            assertThat(reports.get(i).id())
                    .isEqualTo(Report.idFor(truth.get(i).source(), truth.get(i).reportId()));
        }
    }

    @Test
    void the_same_seed_writes_the_same_bytes_on_any_server_and_another_seed_another_file() throws Throwable {
        assertThat(generate(SECOND.seed(), N).csv().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(csv.getBytes(StandardCharsets.UTF_8));
        DemoLinkageModeTest.Generated arabic =
                ServerDefaults.withLocale(ServerDefaults.SYRIAN_ARABIC, () -> generate(SECOND.seed(), 500));
        assertThat(arabic.csv()).isEqualTo(generate(SECOND.seed(), 500).csv());
        assertThat(generate(SECOND.seed() + 1, 500).csv())
                .isNotEqualTo(generate(SECOND.seed(), 500).csv());
    }

    @Test
    void the_truth_puts_every_report_in_exactly_one_person_and_look_alikes_are_other_earlier_persons() {
        Map<String, String> personOf = new HashMap<>();
        for (DemoTruth t : truth) {
            assertThat(t.person()).matches("P\\d{7}");
            assertThat(personOf.put(t.source() + "|" + t.reportId(), t.person()))
                    .as("one truth line per report")
                    .isNull();
        }
        Map<String, Set<String>> sourcesOf = new HashMap<>();
        truth.forEach(
                t -> sourcesOf.computeIfAbsent(t.person(), k -> new HashSet<>()).add(t.source()));
        Map<String, Long> reportsOf = new HashMap<>();
        truth.forEach(t -> reportsOf.merge(t.person(), 1L, Long::sum));
        // Complete persons: a source documents a person once, and no person is cut off at the end of the file.
        reportsOf.forEach((person, n) -> assertThat(sourcesOf.get(person)).hasSize(n.intValue()));
        for (DemoTruth t : truth) {
            if (t.relation() != Relation.NONE) {
                assertThat(t.relatedPerson()).isNotEqualTo(t.person());
                assertThat(firstRow.get(t.relatedPerson())).isLessThan(firstRow.get(t.person()));
            } else {
                assertThat(t.relatedPerson()).isEmpty();
            }
        }
    }

    @Test
    void its_shares_are_the_ones_fixed_for_it() {
        Map<String, Long> reportsOf = new HashMap<>();
        truth.forEach(t -> reportsOf.merge(t.person(), 1L, Long::sum));
        long persons = reportsOf.size();
        long shared = reportsOf.values().stream().filter(n -> n >= 2).count();
        long byThree = reportsOf.values().stream().filter(n -> n == 3).count();
        Map<Relation, Long> relations = new EnumMap<>(Relation.class);
        firstRow.values().forEach(i -> relations.merge(truth.get(i).relation(), 1L, Long::sum));
        double fatherMissing = share(t -> t.extraVariants().contains(DemoExtraVariant.FATHER_NAME_MISSING));
        double dateMissing = share(t -> t.extraVariants().contains(DemoExtraVariant.DATE_MISSING));
        double topTen = topTenFirstNames();
        double sameGovernorate = namesakesInSameGovernorate();
        System.out.printf(
                "DemoSecondSetTest: by 2+ sources %.3f, of those by 3 %.3f; namesakes %.3f (same governorate %.2f), "
                        + "brothers %.3f; father's name left out %.3f, date left out %.3f; ten commonest male first "
                        + "names %.3f%n",
                (double) shared / persons,
                (double) byThree / shared,
                relations.getOrDefault(Relation.NAMESAKE, 0L) / (double) persons,
                sameGovernorate,
                relations.getOrDefault(Relation.BROTHER, 0L) / (double) persons,
                fatherMissing,
                dateMissing,
                topTen);
        assertThat((double) shared / persons).isCloseTo(SECOND.sharedPersons(), offset(0.04));
        assertThat((double) byThree / shared).isCloseTo(SECOND.allThree(), offset(0.07));
        assertThat(relations.get(Relation.NAMESAKE) / (double) persons).isCloseTo(0.08, offset(0.025));
        assertThat(relations.get(Relation.BROTHER) / (double) persons).isCloseTo(0.03, offset(0.015));
        assertThat(sameGovernorate).isCloseTo(SECOND.namesakesInSameGovernorate(), offset(0.12));
        assertThat(fatherMissing).isCloseTo(0.35, offset(0.03));
        assertThat(dateMissing).isCloseTo(0.10, offset(0.02));
        assertThat(topTen).isCloseTo(0.5, offset(0.07));
    }

    @Test
    void later_reports_carry_each_variant_at_most_as_often_as_drawn_and_none_the_set_leaves_out() {
        Map<DemoVariant, Integer> counts = new EnumMap<>(DemoVariant.class);
        int later = 0;
        for (int i = 0; i < N; i++) {
            if (firstRow.get(truth.get(i).person()) == i) {
                // First reports are written as listed: only the Latin source and the extra variants touch them.
                assertThat(truth.get(i).variants()).isSubsetOf(DemoVariant.LATIN_ONLY);
                continue;
            }
            later++;
            truth.get(i).variants().forEach(v -> counts.merge(v, 1, Integer::sum));
        }
        StringBuilder table = new StringBuilder("DemoSecondSetTest: variants of " + later + " later reports:");
        for (DemoVariant v : DemoVariant.values()) {
            double written = counts.getOrDefault(v, 0) / (double) later;
            table.append(String.format(
                    "%n  %-20s drawn %4.0f %%  written %5.1f %%", v, 100 * SECOND.share(v), 100 * written));
            if (v == DemoVariant.LATIN_ONLY) {
                continue; // written by the Latin source, not drawn
            }
            assertThat(written).as(v.name()).isLessThan(SECOND.share(v) + 0.03);
            if (SECOND.share(v) > 0) {
                assertThat(written).as(v.name()).isGreaterThan(SECOND.share(v) * 0.2);
            } else {
                assertThat(written).as(v.name()).isZero();
            }
        }
        System.out.println(table);
    }

    @Test
    void the_latin_source_writes_every_name_in_latin_letters_only_and_no_other_source_does() {
        for (int i = 0; i < N; i++) {
            CSVRecord row = rows.get(i);
            boolean latinSource = row.get("report_id").startsWith(SECOND.latinSource() + "-");
            assertThat(truth.get(i).variants().contains(DemoVariant.LATIN_ONLY))
                    .as(row.get("report_id"))
                    .isEqualTo(latinSource);
            if (latinSource) {
                assertThat(row.get("victim_name")).as(row.get("report_id")).matches("[A-Za-z' -]+");
                assertThat(row.get("victim_name_latin")).isEmpty();
            } else {
                assertThat(row.get("victim_name")).as(row.get("report_id")).matches(".*[\\u0621-\\u064A].*");
            }
        }
        // Inconsistent transliterations: the Latin source writes the commonest name in several ways.
        Set<String> mohammad = new HashSet<>();
        rows.stream()
                .filter(r -> r.get("report_id").startsWith(SECOND.latinSource() + "-"))
                .flatMap(r -> Stream.of(r.get("victim_name").split(" ")))
                .filter(w -> w.matches("M[uo]ham+[ae]d"))
                .forEach(mohammad::add);
        assertThat(mohammad).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void the_variants_in_the_truth_are_what_the_row_shows() {
        int maxShift = 0;
        for (int i = 0; i < N; i++) {
            DemoTruth t = truth.get(i);
            CSVRecord row = rows.get(i);
            String name = row.get("victim_name");
            String id = row.get("report_id");
            if (t.extraVariants().contains(DemoExtraVariant.DATE_MISSING)) {
                assertThat(row.get("disappeared_on")).as(id).isEmpty();
            }
            if (t.variants().contains(DemoVariant.DATE_COARSER)) {
                assertThat(row.get("disappeared_on")).as(id).matches("\\d{4}|\\d{4}-\\d{2}|\\d{2}/\\d{4}");
            }
            if (t.variants().contains(DemoVariant.DISTRICT_MISSING)) {
                assertThat(row.get("district")).as(id).isEmpty();
            }
            if (t.extraVariants().contains(DemoExtraVariant.KUNYA_ADDED)) {
                assertThat(" " + name + " ").as(id).containsAnyOf(" أبو ", " ابو ", " Abu ");
            }
            if (t.extraVariants().contains(DemoExtraVariant.NASAB_CONNECTOR)) {
                assertThat(" " + name + " ").as(id).containsAnyOf(" بن ", " ابن ", " bin ", " ibn ");
            }
            int first = firstRow.get(t.person());
            Report mine = reports.get(i);
            Report theirs = reports.get(first);
            if (t.variants().contains(DemoVariant.AGE_DIFFERENT)
                    && mine.victim().age().isPresent()
                    && theirs.victim().age().isPresent()) {
                assertThat(Math.abs(mine.victim().age().get()
                                - theirs.victim().age().get()))
                        .as(id)
                        .isEqualTo(1);
            }
            if (t.variants().contains(DemoVariant.DATE_SHIFTED)
                    && mine.disappearance().precision() == DatePrecision.DAY
                    && theirs.disappearance().precision() == DatePrecision.DAY) {
                long days = Math.abs(ChronoUnit.DAYS.between(
                        mine.disappearance().date().orElseThrow(),
                        theirs.disappearance().date().orElseThrow()));
                assertThat(days).as(id).isBetween(1L, 5L);
                maxShift = Math.max(maxShift, (int) days);
            }
        }
        assertThat(maxShift).as("dates are shifted by up to five days").isEqualTo(5);
    }

    @Test
    void namesakes_have_the_same_three_names_and_a_share_of_them_the_same_governorate() {
        int compared = 0;
        for (int i : firstRow.values()) {
            DemoTruth t = truth.get(i);
            int related = t.relation() == Relation.NAMESAKE ? firstRow.get(t.relatedPerson()) : -1;
            if (related < 0 || !asListed(t) || !asListed(truth.get(related))) {
                continue; // compare only first reports written as listed, in Arabic with all three names
            }
            compared++;
            assertThat(skeleton(rows.get(i).get("victim_name")))
                    .isEqualTo(skeleton(rows.get(related).get("victim_name")));
        }
        assertThat(compared).isGreaterThan(20);
        assertThat(namesakesInSameGovernorate()).isGreaterThan(0.1).isLessThan(0.5);
    }

    @Test
    void every_name_word_comes_from_the_demos_invented_name_pools() {
        Set<String> allowed = allowedWords();
        for (CSVRecord row : rows) {
            for (String column : List.of("victim_name", "victim_name_latin")) {
                for (String word : row.get(column).split(" ")) {
                    if (!word.isEmpty()) {
                        assertThat(allowed)
                                .as(row.get("report_id") + " " + column + ": " + row.get(column))
                                .contains(withoutMarks(word));
                    }
                }
            }
            String narrative = row.get("narrative");
            assertThat(narrative.startsWith(DemoNarratives.MARKER_EN) || narrative.startsWith(DemoNarratives.MARKER_AR))
                    .as("the narrative says the record is invented: " + narrative)
                    .isTrue();
        }
    }

    @Test
    void the_command_writes_the_second_set_with_its_own_seed_and_refuses_an_unknown_profile(@TempDir Path dir)
            throws IOException {
        Path out = dir.resolve("second.csv");
        assertThat(DemoCommand.runIfRequested(new String[] {
                    "--athar.demo.generate=3108", "--athar.demo.out=" + out, "--athar.demo.linkage-profile=second"
                }))
                .isTrue();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(csv);
        List<String> lines = Files.readAllLines(dir.resolve("second.truth.csv"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(N + 1).first().isEqualTo("source,report_id,person");
        assertThat(lines.get(1))
                .endsWith("," + truth.get(0).reportId() + "," + truth.get(0).person());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DemoCommand.runIfRequested(new String[] {
                    "--athar.demo.generate=10", "--athar.demo.out=" + out, "--athar.demo.linkage-profile=third"
                }))
                .withMessageContaining("own")
                .withMessageContaining("second");
    }

    private static double share(java.util.function.Predicate<DemoTruth> test) {
        return truth.stream().filter(test).count() / (double) N;
    }

    /** A first report in Arabic with the father's name, no kunya or connector: the three names as listed. */
    private static boolean asListed(DemoTruth t) {
        return t.variants().isEmpty() && t.extraVariants().isEmpty();
    }

    /** Of the namesakes whose other person's governorate is known, the share in that governorate. */
    private static double namesakesInSameGovernorate() {
        int known = 0;
        int same = 0;
        for (int i : firstRow.values()) {
            DemoTruth t = truth.get(i);
            if (t.relation() != Relation.NAMESAKE) {
                continue;
            }
            String theirs = reports.get(firstRow.get(t.relatedPerson())).place().governorate();
            if (theirs.equals(org.athar.report.Place.UNKNOWN)) {
                continue;
            }
            known++;
            same += reports.get(i).place().governorate().equals(theirs) ? 1 : 0;
        }
        return (double) same / known;
    }

    /** Of the men's first names in first reports written in Arabic as listed, the share of the ten commonest. */
    private static double topTenFirstNames() {
        List<Name> longestFirst = DemoNames.MALE.stream()
                .sorted(Comparator.comparingInt((Name n) -> n.arabic().length()).reversed())
                .toList();
        int men = 0;
        int topTen = 0;
        for (int i : firstRow.values()) {
            if (!asListed(truth.get(i)) || reports.get(i).victim().gender() != Gender.MALE) {
                continue;
            }
            String name = DemoNames.bareHamza(withoutMarks(rows.get(i).get("victim_name"))) + " ";
            Name first = longestFirst.stream()
                    .filter(n -> name.startsWith(DemoNames.bareHamza(n.arabic()) + " "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no demo first name starts " + name));
            men++;
            topTen += DemoNames.MALE.indexOf(first) < 10 ? 1 : 0;
        }
        assertThat(men).isGreaterThan(300);
        return (double) topTen / men;
    }

    /** Every word the demo may write in a name column, from its invented pools alone. */
    private static Set<String> allowedWords() {
        Set<String> words = new HashSet<>(List.of("أبو", "ابو", "بن", "ابن", "Abu", "bin", "ibn"));
        Stream.of(DemoNames.MALE, DemoNames.FEMALE, DemoNames.FAMILY)
                .flatMap(List::stream)
                .forEach(name -> {
                    List<String> arabic = new ArrayList<>();
                    for (String form : List.of(name.arabic(), DemoNames.bare(name.arabic()))) {
                        for (String f : List.of(form, DemoNames.bareHamza(form), DemoNames.withoutArticle(form))) {
                            arabic.add(f);
                            arabic.add(DemoNames.withoutArticle(DemoNames.bareHamza(f)));
                        }
                    }
                    List<String> latin = new ArrayList<>(DemoTransliteration.spellings(name));
                    latin.addAll(
                            latin.stream().map(DemoNames::withoutLatinArticle).toList());
                    for (String form :
                            Stream.concat(arabic.stream(), latin.stream()).toList()) {
                        words.add(form.replace(" ", ""));
                        words.add(DemoNames.withoutArticle(form.replace(" ", "")));
                        words.addAll(List.of(form.split(" ")));
                    }
                });
        return words;
    }

    private static String withoutMarks(String text) {
        return text.replaceAll("[\\u064B-\\u0652]", "");
    }

    private static String skeleton(String name) {
        return NameSkeleton.of(DemoNames.bareHamza(name));
    }
}
