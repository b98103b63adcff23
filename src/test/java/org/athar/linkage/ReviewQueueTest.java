package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.security.Role;
import org.athar.security.Viewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The review queue's order on the real engine: twelve reports of a source of their own, each with a name invented
 * for this run (so the linker links none of them, nor with other tests' reports); the pairs between them are written
 * here with chosen match weights, and reviewers' confirmations build persons of three and two reports. The pending
 * pair whose decision can move the persons figure most must come first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewQueueTest extends AtharIntegrationTest {

    private static final Viewer ANALYST = new Viewer("queue-analyst", Set.of(Role.ANALYST));
    /** The match weight of probability 0.9 (2^w / (1 + 2^w) = 0.9). */
    private static final double P90 = Math.log(9) / Math.log(2);

    @Autowired
    ImportService imports;

    @Autowired
    LinkageReview review;

    @Autowired
    LinkageWorker worker;

    @Autowired
    PairStore pairs;

    @Autowired
    ReviewOrder order;

    private final String source = "Queue " + UUID.randomUUID();

    /** A pair of a person of 3 and a person of 2 reports at p = 0.5. */
    private String large;
    /** Two single reports at p = 0.5. */
    private String singles;
    /** A person of 3 and one of 2 at p = 0.9. */
    private String likely;

    @BeforeAll
    void personsOfThreeAndTwoReportsWithPendingPairsBetweenThem() {
        worker.awaitIdle(Duration.ofMinutes(10));
        StringBuilder csv = new StringBuilder("report_id,victim_name,gender,age,disappeared_on,governorate\n");
        Random random = new Random();
        for (String id : List.of("A1", "A2", "A3", "B1", "B2", "S1", "S2", "C1", "C2", "C3", "D1", "D2")) {
            csv.append(id)
                    .append(',')
                    .append(word(random))
                    .append(' ')
                    .append(word(random))
                    .append(' ')
                    .append(word(random))
                    .append(",male,30,2012-03-04,Hama\n");
        }
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "queue.csv",
                new ImportOptions(Optional.of(source), "test", true),
                c -> {});
        assertThat(r.rejected()).as("%s", r.errors()).isZero();
        worker.awaitIdle(Duration.ofMinutes(10));
        assertThat(review.pairsOf(ANALYST, id("A1")))
                .as("invented names link to nothing")
                .isEmpty();

        large = pending("A1", "B1", 0);
        singles = pending("S1", "S2", 0);
        likely = pending("C1", "D1", P90);
        List<String> links = List.of(
                pending("A1", "A2", 20),
                pending("A2", "A3", 20),
                pending("B1", "B2", 20),
                pending("C1", "C2", 20),
                pending("C2", "C3", 20),
                pending("D1", "D2", 20));
        // As a reviewer does: each confirmation rebuilds the persons of its reports and re-weighs their pending pairs.
        links.forEach(id -> review.decide(ANALYST, id, Decision.CONFIRMED, ""));
    }

    /** A word of consonants drawn at random: Arabic letters, so the name reads as an Arabic name. */
    private static String word(Random random) {
        String letters = "بتثجحخدذرزسشصضطظعغفقكلمنهو";
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            w.append(letters.charAt(random.nextInt(letters.length())));
        }
        return w.toString();
    }

    private String id(String reportId) {
        return Report.idFor(source, reportId);
    }

    private String pending(String a, String b, double weight) {
        String ra = id(a);
        String rb = id(b);
        String first = ra.compareTo(rb) <= 0 ? ra : rb;
        String second = first.equals(ra) ? rb : ra;
        CandidatePair p = new CandidatePair(
                CandidatePair.idOf(ra, rb),
                first,
                second,
                source,
                source,
                weight,
                List.of(),
                Decision.PENDING,
                List.of(new DecisionEvent(Decision.PENDING, "queue-test", Instant.now(), "written by the test")));
        LinkageIo.io(() -> {
            pairs.savePairs(List.of(p), "queue-test", true);
            return null;
        });
        return p.id();
    }

    /** Every pending pair's id, in the queue's order. */
    private List<String> queue() {
        List<String> ids = new ArrayList<>();
        long total = review.count(ANALYST, Decision.PENDING);
        for (int from = 0; from < total && from < 9_900; from += 100) {
            review.queue(ANALYST, Decision.PENDING, from, 100).forEach(p -> ids.add(p.id()));
        }
        return ids;
    }

    @Test
    void the_queue_puts_an_uncertain_pair_joining_three_and_two_reports_before_two_single_reports_and_a_likely_pair() {
        List<String> queue = queue();

        assertThat(queue).contains(large, singles, likely);
        assertThat(queue.indexOf(large))
                .as("p 0.5 joining 3 + 2 reports before p 0.5 joining 1 + 1")
                .isLessThan(queue.indexOf(singles));
        assertThat(queue.indexOf(large))
                .as("p 0.5 before p 0.9, both joining 3 + 2 reports")
                .isLessThan(queue.indexOf(likely));
        assertThat(queue.indexOf(singles))
                .as("uncertainty 1 x 2 reports weighs more than uncertainty 0.2 x 5 reports")
                .isLessThan(queue.indexOf(likely));
    }

    @Test
    void the_order_is_computed_again_for_every_pending_pair_as_after_a_full_relink() {
        // A stale impact, as a pair rewritten without its persons' sizes would have: the queue follows the field.
        worker.run(() -> {
            pairs.setImpacts(Map.of(large, 0.0));
            return null;
        });
        List<String> stale = queue();
        assertThat(stale.indexOf(large)).isGreaterThan(stale.indexOf(likely));

        // One pending pair at a time, as a re-link's millions are ordered in chunks; searchable when it returns.
        worker.run(() -> {
            order.refreshAll(1);
            return null;
        });

        List<String> queue = queue();
        assertThat(queue.indexOf(large)).isLessThan(queue.indexOf(singles));
        assertThat(queue.indexOf(singles)).isLessThan(queue.indexOf(likely));
    }

    @Test
    void a_confirmed_pair_sent_back_to_review_is_weighed_by_the_persons_it_would_join_again() {
        String link = CandidatePair.idOf(id("D1"), id("D2"));
        review.decide(ANALYST, link, Decision.PENDING, "test: looked again");
        try {
            List<String> queue = queue();
            // D1 and D2 at weight 20 are nearly certain: their impact is about 0, whatever the persons' sizes.
            assertThat(queue.indexOf(link)).isGreaterThan(queue.indexOf(likely));
            // D1 is alone again: the likely pair now joins 3 + 1 reports, still after the two single reports.
            assertThat(queue.indexOf(singles)).isLessThan(queue.indexOf(likely));
            assertThat(queue.indexOf(large)).isLessThan(queue.indexOf(singles));
        } finally {
            review.decide(ANALYST, link, Decision.CONFIRMED, "test: confirmed again");
        }
    }

    @Test
    void uncertainty_is_one_at_even_odds_and_zero_when_certain_and_a_pair_inside_one_person_counts_it_once() {
        assertThat(ReviewOrder.uncertainty(0.5)).isEqualTo(1.0);
        assertThat(ReviewOrder.uncertainty(0.9)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ReviewOrder.uncertainty(0.0)).isZero();
        assertThat(ReviewOrder.uncertainty(1.0)).isZero();
        PersonCluster three = new PersonCluster("p-a", List.of("a", "b", "c"), List.of("S"), "a", List.of());
        PersonCluster two = new PersonCluster("p-d", List.of("d", "e"), List.of("S"), "d", List.of());
        assertThat(ReviewOrder.reportsJoined(three, two)).isEqualTo(5);
        assertThat(ReviewOrder.reportsJoined(three, three)).isEqualTo(3);
        assertThat(ReviewOrder.reportsJoined(null, two))
                .as("a report no person holds yet")
                .isEqualTo(3);
    }
}
