package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.athar.demo.DemoDataGenerator;
import org.athar.demo.DemoTruth;
import org.athar.demo.DemoVariant;
import org.athar.ingest.CsvReports;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Report;
import org.athar.report.ReportStatus;
import org.athar.report.TextFolding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The gate of record linkage: 30,000 synthetic reports whose truth is known (the demo generator's linkage mode:
 * persons documented by two or three sources with transcription variants, brothers and namesakes who must stay
 * apart), imported through Athar's own reader and validator; the model is estimated on them exactly as a full
 * re-link does ({@link ModelEstimator#estimate}) and the pairs classified with {@link LinkagePolicy#DEFAULT}. Prints
 * the figures (and writes them to target/linkage-figures.txt); fails when the automatic links' precision is below
 * 0.98, the recall of the persons they make (pairs inside the clusters of automatic links) below 0.90, or the number
 * of persons more than 3 % from the truth. A second run perturbs the same reports (father's names left out of a
 * share of them, perpetrator and status all one value) so the model is not tuned to one set only; any other CSV and
 * truth file can be measured with -Dathar.linkage.csv=… -Dathar.linkage.truth=…. docs/linkage.md, section
 * Evaluation, explains the truth and gives the figures.
 */
class LinkageEvaluationTest {

    // -Dathar.linkage.seed=… and -Dathar.linkage.reports=… measure other files the same way (the gate still applies).
    static final long SEED = Long.getLong("athar.linkage.seed", DemoDataGenerator.DEFAULT_SEED);
    static final int REPORTS = Integer.getInteger("athar.linkage.reports", 30_000);
    static final double MIN_PRECISION = 0.98;
    static final double MIN_RECALL = 0.90;
    static final double MAX_PERSONS_ERROR = 0.03;
    /** The share of reports whose father's name the stress run leaves out: that of the second set's profile (H-data). */
    static final double STRESS_NO_FATHER = 0.35;

    private static final int EXAMPLES = 8;

    @Test
    void
            automatic_links_on_thirty_thousand_synthetic_reports_reach_precision_098_closure_recall_090_and_persons_within_3_percent()
                    throws IOException {
        Generated g = generate();
        Evaluation e = evaluate("demo linkage mode", g.reports, g.truth, (r, t) -> r, g.seconds);
        write(e, "linkage-figures.txt");
        gate(e);
    }

    @Test
    void the_model_meets_the_same_gates_when_father_names_are_missing_and_perpetrator_and_status_say_nothing()
            throws IOException {
        Generated g = generate();
        Evaluation e = evaluate(
                "stress: no father's name in " + Math.round(100 * STRESS_NO_FATHER)
                        + " % of reports, perpetrator and status one value",
                g.reports,
                g.truth,
                LinkageEvaluationTest::stressed,
                g.seconds);
        write(e, "linkage-figures-stress.txt");
        gate(e);
    }

    /**
     * The second synthetic set (docs/linkage.md, "The second evaluation set"; its shares were fixed before any
     * measurement, and the linker was not tuned to them): the same gates as the project's own set. Its namesakes and
     * brothers (the same three names, or father's and family name, in one governorate) are what names weighed
     * together are for; without that its precision was 0.966.
     */
    @Test
    void the_second_set_meets_the_same_gates() throws IOException {
        EvaluationSet set = EvaluationSets.second();
        Evaluation e = evaluate(
                "second set (" + set.name() + ", seed " + set.seed() + ")",
                set.reports(),
                set.truth(),
                (r, t) -> r,
                new double[] {set.generateSeconds(), set.importSeconds()});
        write(e, "linkage-figures-second.txt");
        gate(e);
    }

    /**
     * The second set's profile with other seeds (-Dathar.linkage.second-seeds=1,2,3): the figures of each, written to
     * target/linkage-figures-second-seeds.txt, to see how much the second set's own figures owe to its seed.
     */
    @Test
    @EnabledIfSystemProperty(named = "athar.linkage.second-seeds", matches = ".+")
    void the_second_profile_with_other_seeds() throws IOException {
        StringBuilder out = new StringBuilder(
                "seed,reports,precision,closure_recall,persons_found,persons_true," + "persons_error\n");
        for (String seed : System.getProperty("athar.linkage.second-seeds").split(",")) {
            EvaluationSet set = EvaluationSets.second(Long.parseLong(seed.trim()));
            Evaluation e = evaluate("seed " + seed, set.reports(), set.truth(), (r, t) -> r, new double[] {0, 0});
            out.append(String.format(
                    Locale.ROOT,
                    "%s,%d,%.4f,%.4f,%d,%d,%+.2f%%%n",
                    seed.trim(),
                    set.reports().size(),
                    e.autoPrecision(),
                    e.closureRecall(),
                    e.personsFound,
                    e.personsTrue,
                    100 * (e.personsFound - e.personsTrue) / (double) e.personsTrue));
        }
        Path file = Path.of("target", "linkage-figures-second-seeds.txt");
        Files.writeString(file, out, StandardCharsets.UTF_8);
        System.out.print(out);
        assertThat(out.toString().lines()).hasSizeGreaterThan(1);
    }

    /** Any linkage-mode CSV and its truth file: -Dathar.linkage.csv=FILE -Dathar.linkage.truth=FILE. */
    @Test
    @EnabledIfSystemProperty(named = "athar.linkage.csv", matches = ".+")
    void a_given_csv_and_truth_file_meet_the_same_gates() throws IOException {
        Path csv = Path.of(System.getProperty("athar.linkage.csv"));
        Path truthFile =
                Path.of(System.getProperty("athar.linkage.truth", csv.toString().replaceAll("\\.csv$", ".truth.csv")));
        Evaluation e = evaluateFiles(csv, truthFile);
        write(e, "linkage-figures-" + csv.getFileName().toString().replaceAll("\\.csv$", "") + ".txt");
        gate(e);
    }

    /** Reads a linkage-mode CSV and its truth file as an import does, and measures them. */
    static Evaluation evaluateFiles(Path csv, Path truthFile) throws IOException {
        long importing = System.nanoTime();
        List<Report> reports;
        try (var in = Files.newInputStream(csv)) {
            reports = CsvReports.read(in, csv.getFileName().toString());
        }
        List<DemoTruth> truth;
        try (var in = Files.newBufferedReader(truthFile, StandardCharsets.UTF_8)) {
            truth = DemoTruth.read(in);
        }
        return evaluate(
                csv.getFileName().toString(), reports, truth, (r, t) -> r, new double[] {0, seconds(importing)});
    }

    record Generated(List<Report> reports, List<DemoTruth> truth, double[] seconds) {}

    private static Generated generated;

    /** The 30,000 reports, generated and imported once for both runs. */
    static synchronized Generated generate() throws IOException {
        if (generated != null) {
            return generated;
        }
        long started = System.nanoTime();
        StringWriter csv = new StringWriter();
        List<DemoTruth> truth = new ArrayList<>();
        new DemoDataGenerator(SEED)
                .withLinkage(DemoDataGenerator.DEFAULT_SHARED_PERSONS)
                .write(csv, REPORTS, done -> {}, truth::add);
        double generateSeconds = seconds(started);
        long importing = System.nanoTime();
        List<Report> reports = CsvReports.read(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "linkage-evaluation.csv");
        assertThat(reports).as("every synthetic row imports").hasSize(REPORTS);
        generated = new Generated(reports, truth, new double[] {generateSeconds, seconds(importing)});
        return generated;
    }

    /** Estimates the model on the records as a full re-link does, classifies every blocked pair, measures. */
    static Evaluation evaluate(
            String label,
            List<Report> reports,
            List<DemoTruth> truth,
            BiFunction<LinkRecord, DemoTruth, LinkRecord> perturb,
            double[] seconds) {
        Evaluation e = new Evaluation(label, reports, truth);
        long linking = System.nanoTime();
        List<LinkRecord> records = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            records.add(perturb.apply(LinkRecord.of(reports.get(i)), e.truthOf.get(i)));
        }
        Linker linker = new Linker(LinkagePolicy.DEFAULT);
        LinkageModel model = ModelEstimator.estimate(records, linker, List.of(), Instant.EPOCH);
        double estimateSeconds = seconds(linking);
        long scoring = System.nanoTime();
        PairScorer scorer = new PairScorer(model, NameFrequencies.of(records));
        List<ScoredPair> candidates = linker.candidates(records, scorer, done -> {});
        e.measure(records, candidates, scorer, LinkagePolicy.DEFAULT);
        e.seconds = new double[] {seconds[0], seconds[1], estimateSeconds, seconds(scoring)};
        return e;
    }

    /**
     * The stress profile: father's names left out of a share of reports (not of reports written in another word
     * order, whose second word is not the father's name), perpetrator and status one value.
     */
    static LinkRecord stressed(LinkRecord r, DemoTruth truth) {
        boolean drop = r.name().size() >= 3
                && !truth.variants().contains(DemoVariant.TRANSPOSED_NAMES)
                && Math.floorMod(r.id().hashCode() * 31 + 7, 1000) < 1000 * STRESS_NO_FATHER;
        List<String> name = drop ? withoutFather(r.name()) : r.name();
        List<String> vowels = drop && !r.vowels().isEmpty() ? withoutFather(r.vowels()) : r.vowels();
        List<String> latin = drop && r.latin().size() >= 3 ? withoutFather(r.latin()) : r.latin();
        return new LinkRecord(
                r.id(),
                r.source(),
                name,
                vowels,
                latin,
                r.gender(),
                r.age(),
                r.dateStart(),
                r.dateEnd(),
                r.precision(),
                r.governorate(),
                r.district(),
                PerpetratorCategory.GOVERNMENT,
                ReportStatus.MISSING);
    }

    private static List<String> withoutFather(List<String> words) {
        List<String> out = new ArrayList<>(words);
        out.remove(1);
        return out;
    }

    static void write(Evaluation e, String file) throws IOException {
        String figures = e.report();
        System.out.println(figures);
        Path out = Path.of("target", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures, StandardCharsets.UTF_8);
    }

    static void gate(Evaluation e) {
        // Enough truth for the figures to mean something: thousands of pairs, hundreds of hard negatives.
        assertThat(e.truthPairs.size()).isGreaterThan(e.reports.size() / 5);
        SoftAssertions gate = new SoftAssertions();
        gate.assertThat(e.autoPrecision())
                .as(e.label + ": precision of automatic links (target/linkage-figures*.txt)")
                .isGreaterThanOrEqualTo(MIN_PRECISION);
        gate.assertThat(e.closureRecall())
                .as(e.label + ": recall of the persons the automatic links make (target/linkage-figures*.txt)")
                .isGreaterThanOrEqualTo(MIN_RECALL);
        gate.assertThat(e.personsError())
                .as(e.label + ": persons " + e.personsFound + " against " + e.personsTrue + " in truth")
                .isLessThanOrEqualTo(MAX_PERSONS_ERROR);
        gate.assertAll();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Truth pairs, found pairs and the figures between them; pairs are two report indices packed in a long. */
    static final class Evaluation {
        final String label;
        final List<Report> reports;
        final List<DemoTruth> truthOf;
        double[] seconds;
        LinkageModel model;
        long personsFound;
        long personsTrue;
        final Set<Long> truthPairs = new HashSet<>();
        final Map<String, Integer> index = new HashMap<>();
        final Set<Long> auto = new HashSet<>();
        final Set<Long> pending = new HashSet<>();
        final Map<Long, ScoredPair> scored = new HashMap<>();
        int candidates;
        List<LinkRecord> records;
        PairScorer scorer;
        long clusterPairs;
        long clusterTrue;

        Evaluation(String label, List<Report> reports, List<DemoTruth> truth) {
            this.label = label;
            this.reports = reports;
            Map<String, DemoTruth> byId = new HashMap<>();
            for (DemoTruth t : truth) {
                byId.put(Report.idFor(t.source(), t.reportId()), t);
            }
            this.truthOf = new ArrayList<>(reports.size());
            Map<String, List<Integer>> byPerson = new HashMap<>();
            for (int i = 0; i < reports.size(); i++) {
                DemoTruth t = byId.get(reports.get(i).id());
                assertThat(t).as("truth for " + reports.get(i).id()).isNotNull();
                truthOf.add(t);
                index.put(reports.get(i).id(), i);
                byPerson.computeIfAbsent(t.person(), k -> new ArrayList<>()).add(i);
            }
            personsTrue = byPerson.size();
            for (List<Integer> same : byPerson.values()) {
                for (int x = 0; x < same.size(); x++) {
                    for (int y = x + 1; y < same.size(); y++) {
                        truthPairs.add(pair(same.get(x), same.get(y)));
                    }
                }
            }
        }

        static long pair(int i, int j) {
            return i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
        }

        void measure(List<LinkRecord> records, List<ScoredPair> found, PairScorer scorer, LinkagePolicy policy) {
            this.records = records;
            this.scorer = scorer;
            this.model = scorer.model();
            candidates = found.size();
            for (ScoredPair p : found) {
                long key = pair(index.get(p.a().id()), index.get(p.b().id()));
                scored.put(key, p);
                Decision d = policy.decisionFor(p.score());
                if (d == Decision.AUTO) {
                    auto.add(key);
                } else if (d == Decision.PENDING) {
                    pending.add(key);
                }
            }
            closure();
        }

        /** Persons as the automatic links make them (transitive closure), counted pair by pair. */
        private void closure() {
            int[] parent = new int[reports.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            for (long key : auto) {
                int a = find(parent, (int) (key >>> 32));
                int b = find(parent, (int) key);
                if (a != b) {
                    parent[a] = b;
                }
            }
            Map<Integer, Map<String, Integer>> clusters = new HashMap<>();
            for (int i = 0; i < parent.length; i++) {
                clusters.computeIfAbsent(find(parent, i), k -> new HashMap<>())
                        .merge(truthOf.get(i).person(), 1, Integer::sum);
            }
            personsFound = clusters.size();
            for (Map<String, Integer> persons : clusters.values()) {
                long size =
                        persons.values().stream().mapToLong(Integer::longValue).sum();
                clusterPairs += size * (size - 1) / 2;
                clusterTrue += persons.values().stream()
                        .mapToLong(k -> (long) k * (k - 1) / 2)
                        .sum();
            }
        }

        private static int find(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        long trueOf(Set<Long> pairs) {
            return pairs.stream().filter(truthPairs::contains).count();
        }

        double autoPrecision() {
            return auto.isEmpty() ? 0 : (double) trueOf(auto) / auto.size();
        }

        double autoRecall() {
            return (double) trueOf(auto) / truthPairs.size();
        }

        double closureRecall() {
            return (double) clusterTrue / truthPairs.size();
        }

        double personsError() {
            return Math.abs(personsFound - personsTrue) / (double) personsTrue;
        }

        Set<DemoVariant> variantsOf(long key) {
            Set<DemoVariant> v = EnumSet.noneOf(DemoVariant.class);
            v.addAll(truthOf.get((int) (key >>> 32)).variants());
            v.addAll(truthOf.get((int) key).variants());
            return v;
        }

        /** Why two different persons look alike: a brother or namesake made so on purpose, or chance. */
        String lookalike(long key) {
            DemoTruth a = truthOf.get((int) (key >>> 32));
            DemoTruth b = truthOf.get((int) key);
            if (a.relatedPerson().equals(b.person())) {
                return a.relation().name().toLowerCase(Locale.ROOT);
            }
            if (b.relatedPerson().equals(a.person())) {
                return b.relation().name().toLowerCase(Locale.ROOT);
            }
            return "chance (common names)";
        }

        String report() {
            StringBuilder s = new StringBuilder();
            long autoTrue = trueOf(auto);
            long pendingTrue = trueOf(pending);
            Set<Long> kept = new HashSet<>(auto);
            kept.addAll(pending);
            long keptTrue = trueOf(kept);
            s.append(String.format(
                    "Linkage evaluation (%s): %,d reports, LinkagePolicy.DEFAULT (auto at probability >= %.2f, "
                            + "review >= %.2f)%n",
                    label, reports.size(), LinkagePolicy.DEFAULT.auto(), LinkagePolicy.DEFAULT.review()));
            s.append(String.format(
                    "  generate %.1f s; import without engine (reader, validator) %.1f s; "
                            + "LinkRecord.of + ModelEstimator.estimate %.1f s; Linker.candidates %.1f s%n",
                    seconds[0], seconds[1], seconds[2], seconds[3]));
            s.append(String.format(
                    "  truth pairs (same person): %,d; candidate pairs kept: %,d%n", truthPairs.size(), candidates));
            s.append(String.format(
                    "%n  %-34s %9s %9s %9s %10s %8s%n", "", "pairs", "true", "false", "precision", "recall"));
            row(s, "AUTO (pairwise)", auto.size(), autoTrue);
            row(s, "AUTO after transitive closure", clusterPairs, clusterTrue);
            row(s, "PENDING (review band)", pending.size(), pendingTrue);
            row(s, "AUTO + PENDING", kept.size(), keptTrue);
            s.append(String.format(
                    "  persons (clusters of AUTO links): %,d; in truth %,d (%+.2f %%)%n",
                    personsFound, personsTrue, 100.0 * (personsFound - personsTrue) / personsTrue));
            boolean met = autoPrecision() >= MIN_PRECISION
                    && closureRecall() >= MIN_RECALL
                    && personsError() <= MAX_PERSONS_ERROR;
            s.append(String.format(
                    "  gate: AUTO precision >= %.2f, closure recall >= %.2f, persons within %.0f %%: %s%n",
                    MIN_PRECISION, MIN_RECALL, 100 * MAX_PERSONS_ERROR, met ? "MET" : "MISSED"));

            s.append(String.format(
                    "%n  estimated model: prior lambda %.3e (weight %.2f), %d iterations%s, %,d blocked pairs, "
                            + "%,d random pairs%s%n",
                    model.lambda(),
                    model.priorWeight(),
                    model.iterations(),
                    model.converged() ? " (converged)" : " (NOT converged)",
                    model.blockedPairs(),
                    model.randomPairs(),
                    model.isDefault() ? " (DEFAULT MODEL: " + model.note() + ")" : ""));
            for (LinkageModel.ComparisonModel c : model.comparisons()) {
                s.append(String.format("    %-12s", c.code()));
                for (LinkageModel.LevelModel l : c.levels()) {
                    s.append(String.format(" %s m %.4f u %.4f w %+.2f;", l.code(), l.m(), l.u(), l.weight()));
                }
                s.append('\n');
            }

            s.append(String.format(
                    "%n  if the automatic threshold were (review stays at %.2f; for choosing thresholds):%n",
                    LinkagePolicy.DEFAULT.review()));
            for (double threshold : new double[] {0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999}) {
                double t = threshold;
                long above = scored.values().stream()
                        .filter(p -> p.probability() >= t)
                        .count();
                long aboveTrue = scored.entrySet().stream()
                        .filter(en -> en.getValue().probability() >= t && truthPairs.contains(en.getKey()))
                        .count();
                s.append(String.format(
                        "    auto >= %5.3f: %,6d pairs, precision %.4f, recall %.4f%n",
                        t,
                        above,
                        above == 0 ? 0.0 : (double) aboveTrue / above,
                        (double) aboveTrue / truthPairs.size()));
            }

            s.append(String.format(
                    "%n  recall by variant (a truth pair carries a variant when either report was "
                            + "written with it)%n  %-20s %9s %9s %12s %9s%n",
                    "variant", "pairs", "AUTO", "AUTO+PENDING", "missed"));
            Map<String, long[]> byVariant = new java.util.LinkedHashMap<>();
            byVariant.put("(none)", new long[4]);
            for (DemoVariant v : DemoVariant.values()) {
                byVariant.put(v.name(), new long[4]);
            }
            for (long key : truthPairs) {
                Set<DemoVariant> variants = variantsOf(key);
                List<String> names = variants.isEmpty()
                        ? List.of("(none)")
                        : variants.stream().map(Enum::name).toList();
                for (String name : names) {
                    long[] c = byVariant.get(name);
                    c[0]++;
                    c[1] += auto.contains(key) ? 1 : 0;
                    c[2] += kept.contains(key) ? 1 : 0;
                    c[3] += scored.containsKey(key) ? 0 : 1;
                }
            }
            byVariant.forEach((name, c) -> s.append(String.format(
                    "  %-20s %,9d %8.1f%% %11.1f%% %,9d%n",
                    name, c[0], percent(c[1], c[0]), percent(c[2], c[0]), c[3])));

            Map<String, Long> falseAuto = auto.stream()
                    .filter(k -> !truthPairs.contains(k))
                    .collect(Collectors.groupingBy(this::lookalike, java.util.TreeMap::new, Collectors.counting()));
            Map<String, Long> falsePending = pending.stream()
                    .filter(k -> !truthPairs.contains(k))
                    .collect(Collectors.groupingBy(this::lookalike, java.util.TreeMap::new, Collectors.counting()));
            s.append(String.format("%n  false pairs by kind: AUTO %s; PENDING %s%n", falseAuto, falsePending));

            long falseSkeletonOnly = auto.stream()
                    .filter(k -> !truthPairs.contains(k))
                    .filter(this::skeletonOnly)
                    .count();
            long trueSkeletonOnly = auto.stream()
                    .filter(truthPairs::contains)
                    .filter(this::skeletonOnly)
                    .count();
            s.append(String.format(
                    "  AUTO pairs whose Arabic names agree only as consonant skeletons (the folded "
                            + "Arabic words differ, e.g. محمد/محمود, حسن/حسين): %,d of %,d false, %,d of %,d true%n",
                    falseSkeletonOnly, auto.size() - autoTrue, trueSkeletonOnly, autoTrue));

            s.append(String.format("%n  examples of truth pairs not linked automatically:%n"));
            truthPairs.stream()
                    .filter(k -> !auto.contains(k))
                    .sorted()
                    .limit(EXAMPLES)
                    .forEach(k -> example(s, k));
            s.append(String.format("%n  examples of false automatic links:%n"));
            auto.stream()
                    .filter(k -> !truthPairs.contains(k))
                    .sorted()
                    .limit(EXAMPLES)
                    .forEach(k -> example(s, k));
            return s.toString();
        }

        /** Both names in Arabic script, the same skeleton words, but different words once folded. */
        boolean skeletonOnly(long key) {
            String a = reports.get((int) (key >>> 32)).victim().name();
            String b = reports.get((int) key).victim().name();
            if (!arabic(a) || !arabic(b)) {
                return false;
            }
            return sortedWords(LinkRecord.words(a)).equals(sortedWords(LinkRecord.words(b)))
                    && !sortedWords(folded(a)).equals(sortedWords(folded(b)));
        }

        private static boolean arabic(String name) {
            return name.chars().anyMatch(c -> c >= 0x0621 && c <= 0x064A);
        }

        private static List<String> folded(String name) {
            return java.util.Arrays.stream(TextFolding.fold(name).split(" "))
                    .map(w -> w.startsWith("ال") && w.length() > 4 ? w.substring(2) : w)
                    .toList();
        }

        private static List<String> sortedWords(List<String> words) {
            return words.stream().sorted().toList();
        }

        private void example(StringBuilder s, long key) {
            ScoredPair kept = scored.get(key);
            // A pair not kept is scored here as the linker would have, to show why it fell short (or was not met).
            ScoredPair p = kept != null ? kept : scorer.score(records.get((int) (key >>> 32)), records.get((int) key));
            s.append(String.format(
                    "    score %s%s, variants %s, %s%n",
                    p.score(),
                    kept == null ? " (not kept)" : "",
                    variantsOf(key),
                    truthPairs.contains(key) ? "same person" : lookalike(key)));
            for (int i : new int[] {(int) (key >>> 32), (int) key}) {
                Report r = reports.get(i);
                s.append(String.format(
                        "      %s | %s | %s | %s | age %s | %s %s | %s | %s%n",
                        r.reportId(),
                        r.victim().name(),
                        r.victim().nameLatin().orElse(""),
                        r.victim().gender(),
                        r.victim().age().map(String::valueOf).orElse("?"),
                        r.disappearance().date().map(String::valueOf).orElse("?"),
                        r.disappearance().precision(),
                        r.place().governorate() + "/" + r.place().district(),
                        r.status()));
            }
            s.append("      ")
                    .append(p.features().stream()
                            .map(f -> f.code() + " " + f.outcome() + " " + f.weight())
                            .collect(Collectors.joining("; ")))
                    .append('\n');
        }

        /** Precision among the pairs, recall against all truth pairs. */
        private void row(StringBuilder s, String name, long pairs, long correct) {
            s.append(String.format(
                    "  %-34s %,9d %,9d %,9d %10.4f %8.4f%n",
                    name,
                    pairs,
                    correct,
                    pairs - correct,
                    pairs == 0 ? 0.0 : (double) correct / pairs,
                    (double) correct / truthPairs.size()));
        }

        private static double percent(long part, long whole) {
            return whole == 0 ? 0 : 100.0 * part / whole;
        }
    }
}
