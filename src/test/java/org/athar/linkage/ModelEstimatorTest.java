package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.athar.demo.DemoDataGenerator;
import org.athar.ingest.CsvReports;
import org.athar.report.Gender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The model estimated from 3,000 synthetic reports, and the scorer that weighs pairs with it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelEstimatorTest {

    private final Linker linker = new Linker(LinkagePolicy.DEFAULT);
    private List<LinkRecord> records;

    @BeforeAll
    void reports() throws IOException {
        StringWriter csv = new StringWriter();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED)
                .withLinkage(DemoDataGenerator.DEFAULT_SHARED_PERSONS)
                .write(csv, 3000, done -> {}, t -> {});
        records =
                CsvReports.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "m.csv")
                        .stream()
                        .map(LinkRecord::of)
                        .toList();
    }

    private LinkageModel estimate(List<ModelEstimator.Reviewed> reviewed) {
        return ModelEstimator.estimate(records, linker, reviewed, Instant.EPOCH);
    }

    @Test
    void the_estimate_converges_and_agreements_weigh_for_and_disagreements_against_one_person() {
        LinkageModel model = estimate(List.of());
        assertThat(model.isDefault()).isFalse();
        assertThat(model.converged()).isTrue();
        assertThat(model.iterations()).isBetween(1, ModelEstimator.MAX_ITERATIONS);
        assertThat(model.randomPairs()).isEqualTo(3000L * 2999 / 2 > 1_000_000 ? 1_000_000 : 3000L * 2999 / 2);
        for (Comparison c :
                List.of(Comparison.FIRST_NAME, Comparison.FAMILY_NAME, Comparison.GENDER, Comparison.GOVERNORATE)) {
            assertThat(model.weight(c, 0)).as(c.code + " agree").isPositive();
            assertThat(model.weight(c, c.size() - 1)).as(c.code + " disagree").isNegative();
        }
        assertThat(model.weight(Comparison.DATE, 0)).isGreaterThan(model.weight(Comparison.DATE, 4));
        // The prior is the chance that two reports drawn at random are one person: small, and below the blocked
        // pairs' match share.
        assertThat(model.lambda()).isLessThan(0.01).isPositive();
    }

    @Test
    void an_estimate_in_which_an_agreeing_name_part_counts_against_a_match_is_not_plausible() {
        double[][] m = new double[Comparison.COUNT][];
        double[][] u = new double[Comparison.COUNT][];
        for (Comparison c : Comparison.ALL) {
            m[c.ordinal()] = new double[c.size()];
            u[c.ordinal()] = new double[c.size()];
            java.util.Arrays.fill(m[c.ordinal()], 1.0 / c.size());
            java.util.Arrays.fill(u[c.ordinal()], 1.0 / c.size());
            m[c.ordinal()][0] = 0.9;
            u[c.ordinal()][0] = 0.05;
        }
        assertThat(ModelEstimator.plausible(m, u)).isTrue();
        // The estimate the plain demo data gave at a million reports: an agreeing father's name weighed -10.6 bits.
        m[Comparison.FATHER_NAME.ordinal()][Comparison.AGREE] = 2.24e-5;
        u[Comparison.FATHER_NAME.ordinal()][Comparison.AGREE] = 0.0345;
        assertThat(ModelEstimator.plausible(m, u)).isFalse();
    }

    @Test
    void the_same_reports_give_the_same_model() {
        assertThat(estimate(List.of())).isEqualTo(estimate(List.of()));
    }

    @Test
    void reviewers_decisions_are_counted_and_a_confirmed_pair_pulls_m_towards_its_levels() {
        // Many confirmed pairs of different genders: m of a gender disagreement grows.
        List<ModelEstimator.Reviewed> reviewed = new ArrayList<>();
        for (int i = 0; i + 1 < records.size() && reviewed.size() < 200; i++) {
            LinkRecord a = records.get(i);
            LinkRecord b = records.get(i + 1);
            if (a.gender() != Gender.UNKNOWN && b.gender() != Gender.UNKNOWN && a.gender() != b.gender()) {
                reviewed.add(new ModelEstimator.Reviewed(i, i + 1, true));
            }
        }
        LinkageModel without = estimate(List.of());
        LinkageModel with = estimate(reviewed);
        assertThat(with.reviewedPairs()).isEqualTo(reviewed.size());
        assertThat(with.m(Comparison.GENDER, 1)).isGreaterThan(without.m(Comparison.GENDER, 1) * 10);
    }

    @Test
    void too_few_blocked_pairs_keep_the_default_model_and_say_so() {
        LinkageModel model = ModelEstimator.estimate(records.subList(0, 20), linker, List.of(), Instant.EPOCH);
        assertThat(model.isDefault()).isTrue();
        assertThat(model.note()).isEqualTo("few_pairs");
        assertThat(model.comparisons()).isEqualTo(LinkageModel.DEFAULT.comparisons());
    }

    @Test
    void a_pairs_score_is_the_prior_plus_its_features_and_the_quick_score_agrees() {
        LinkageModel model = estimate(List.of());
        PairScorer scorer = new PairScorer(model, NameFrequencies.of(records));
        List<ScoredPair> pairs = linker.candidates(records, scorer, done -> {});
        assertThat(pairs).hasSizeGreaterThan(100);
        for (ScoredPair p : pairs) {
            assertThat(p.features().get(0).code()).isEqualTo("prior");
            assertThat(p.features().get(0).weight()).isCloseTo(model.priorWeight(), Offset.offset(0.01));
            double sum = p.features().stream().mapToDouble(Feature::weight).sum();
            assertThat(p.score()).isCloseTo(sum, Offset.offset(0.1));
            assertThat(scorer.quickScore(p.a(), p.b())).isEqualTo(p.score());
            assertThat(p.probability()).isGreaterThanOrEqualTo(LinkagePolicy.DEFAULT.review());
        }
    }

    @Test
    void a_stored_model_of_other_comparisons_gives_way_to_the_default_until_the_next_full_relink() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = org.athar.report.ReportJson.newMapper();
        LinkageModel estimated = estimate(List.of());
        assertThat(ModelStore.parse(json, json.valueToTree(estimated))).isEqualTo(estimated);

        // A model stored by the version before the source comparison: one comparison fewer.
        com.fasterxml.jackson.databind.node.ObjectNode older = json.valueToTree(estimated);
        ((com.fasterxml.jackson.databind.node.ArrayNode) older.get("comparisons")).remove(Comparison.SOURCE.ordinal());
        assertThat(ModelStore.parse(json, older)).isEqualTo(LinkageModel.DEFAULT);

        // The same number of comparisons, but a level renamed: its weights would be read against the wrong level.
        com.fasterxml.jackson.databind.node.ObjectNode renamed = json.valueToTree(estimated);
        ((com.fasterxml.jackson.databind.node.ObjectNode) renamed.get("comparisons")
                        .get(Comparison.DATE.ordinal())
                        .get("levels")
                        .get(1))
                .put("code", "within_month");
        assertThat(ModelStore.parse(json, renamed)).isEqualTo(LinkageModel.DEFAULT);
    }

    @Test
    void comparing_on_several_threads_keeps_the_same_pairs_in_the_same_order() {
        PairScorer scorer = new PairScorer(estimate(List.of()), NameFrequencies.of(records));
        List<String> serial = new ArrayList<>();
        linker.pairs(records, null, scorer, (a, b, s) -> serial.add(a + "-" + b + ":" + s), done -> {});
        assertThat(serial).hasSizeGreaterThan(100);
        for (int workers : new int[] {1, 2, 3}) {
            var pool = org.athar.platform.Tasks.pool("test-compare", workers, java.time.Duration.ZERO);
            try {
                List<String> parallel = new ArrayList<>();
                long[] last = {-1};
                linker.pairs(
                        records,
                        scorer,
                        (a, b, s) -> parallel.add(a + "-" + b + ":" + s),
                        done -> last[0] = done,
                        pool,
                        workers);
                assertThat(parallel).as(workers + " workers").isEqualTo(serial);
                assertThat(last[0]).as("progress ends at every record").isEqualTo(records.size());
            } finally {
                pool.shutdown();
            }
        }
    }
}
