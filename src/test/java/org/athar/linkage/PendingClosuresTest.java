package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.athar.report.DatePrecision;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;
import org.junit.jupiter.api.Test;

/** The persons pending pairs would merge: by the rules of persons, never across a rejected pair. */
class PendingClosuresTest {

    private static LinkRecord r(String id, String governorate) {
        LocalDate day = LocalDate.of(2013, 4, 22);
        return new LinkRecord(
                id,
                "S-" + id,
                List.of("smr"),
                List.of(),
                Gender.MALE,
                30,
                day,
                day,
                DatePrecision.DAY,
                governorate,
                "unknown",
                PerpetratorCategory.GOVERNMENT,
                ReportStatus.MISSING);
    }

    @Test
    void a_pending_pair_between_two_persons_merges_them_and_counts_once() {
        // Persons {a, b} (automatic) and {c}; c–b pending; d alone, d–e pending inside nothing else.
        List<LinkRecord> records = List.of(r("a", "SY02"), r("b", "SY02"), r("c", "SY01"), r("d", "SY03"));
        List<Clusters.Edge> edges = List.of(
                new Clusters.Edge(0, 1, 20, Decision.AUTO),
                new Clusters.Edge(1, 2, 13, Decision.PENDING),
                new Clusters.Edge(0, 2, 12, Decision.PENDING));
        Clusters persons = Clusters.of(records.size(), edges);
        PendingClosures closures = PendingClosures.of(records, edges, persons);
        assertThat(closures.merged()).singleElement().satisfies(m -> {
            assertThat(m.reports()).containsExactly(0, 1, 2);
            assertThat(m.personIds()).containsExactly("p-a", "p-c");
            assertThat(m.pendingPairs()).isEqualTo(2);
        });
        assertThat(closures.inMerged(0)).isTrue();
        assertThat(closures.inMerged(2)).isTrue();
        assertThat(closures.inMerged(3)).isFalse();
        PersonCluster merged = PendingClosures.clusterOf(closures.merged().get(0), records);
        assertThat(merged.personId()).isEqualTo("c-a");
        // Counted like any person: the governorate most of its reports give.
        assertThat(merged.representative()).isIn("a", "b");
    }

    @Test
    void a_pending_pair_never_joins_two_reports_a_reviewer_rejected_apart() {
        List<LinkRecord> records = List.of(r("a", "SY02"), r("b", "SY02"), r("c", "SY02"));
        List<Clusters.Edge> edges = List.of(
                new Clusters.Edge(0, 1, 20, Decision.REJECTED),
                new Clusters.Edge(0, 2, 14, Decision.PENDING),
                new Clusters.Edge(2, 1, 13, Decision.PENDING));
        PendingClosures closures = PendingClosures.of(records, edges, Clusters.of(records.size(), edges));
        // a–c merges (the stronger pending pair); c–b would put a and b together, so it joins nothing.
        assertThat(closures.merged()).singleElement().satisfies(m -> {
            assertThat(m.reports()).containsExactly(0, 2);
            assertThat(m.pendingPairs()).isEqualTo(1);
        });
        assertThat(closures.inMerged(1)).isFalse();
    }

    @Test
    void with_no_pending_pair_nothing_is_merged() {
        List<LinkRecord> records = List.of(r("a", "SY02"), r("b", "SY02"));
        List<Clusters.Edge> edges = List.of(new Clusters.Edge(0, 1, 20, Decision.AUTO));
        PendingClosures closures = PendingClosures.of(records, edges, Clusters.of(records.size(), edges));
        assertThat(closures.merged()).isEmpty();
        assertThat(closures.inMerged(0)).isFalse();
    }
}
