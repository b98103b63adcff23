package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.athar.report.DatePrecision;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;
import org.junit.jupiter.api.Test;

/** Transitive clusters, rejection memory inside clusters, and the counting rule. */
class ClustersTest {

    @Test
    void links_are_transitive() {
        Clusters c = Clusters.of(
                5,
                List.of(
                        new Clusters.Edge(0, 1, 20, Decision.AUTO),
                        new Clusters.Edge(1, 2, 18, Decision.CONFIRMED),
                        new Clusters.Edge(3, 4, 10, Decision.PENDING)));
        assertThat(c.groups()).singleElement().satisfies(g -> assertThat(g).containsExactly(0, 1, 2));
        assertThat(c.sizeOf(3)).isEqualTo(1); // a pending pair links nothing
        assertThat(c.conflicts()).isEmpty();
    }

    @Test
    void an_automatic_link_never_joins_a_pair_a_reviewer_rejected() {
        // 0–1 rejected; 0–2 and 2–1 automatic would join them through 2.
        Clusters c = Clusters.of(
                3,
                List.of(
                        new Clusters.Edge(0, 1, 22, Decision.REJECTED),
                        new Clusters.Edge(0, 2, 20, Decision.AUTO),
                        new Clusters.Edge(2, 1, 17, Decision.AUTO)));
        assertThat(c.root(0)).isNotEqualTo(c.root(1));
        assertThat(c.groups()).singleElement().satisfies(g -> assertThat(g).containsExactly(0, 2));
        assertThat(c.conflicts())
                .singleElement()
                .satisfies(e -> assertThat(e.score()).isEqualTo(17));
    }

    @Test
    void a_confirmed_link_is_applied_before_automatic_ones() {
        // 1–2 confirmed comes first, so the weaker automatic 0–2 is the one refused next to the rejected 0–1.
        Clusters c = Clusters.of(
                3,
                List.of(
                        new Clusters.Edge(0, 1, 5, Decision.REJECTED),
                        new Clusters.Edge(0, 2, 25, Decision.AUTO),
                        new Clusters.Edge(1, 2, 9, Decision.CONFIRMED)));
        assertThat(c.root(1)).isEqualTo(c.root(2));
        assertThat(c.root(0)).isNotEqualTo(c.root(1));
    }

    private static LinkRecord r(
            String id, String governorate, String district, LocalDate start, LocalDate end, DatePrecision p, int age) {
        return new LinkRecord(
                id,
                "S-" + id,
                List.of("smr"),
                List.of(),
                Gender.MALE,
                age,
                start,
                end,
                p,
                governorate,
                district,
                PerpetratorCategory.GOVERNMENT,
                ReportStatus.MISSING);
    }

    @Test
    void a_person_is_counted_in_its_most_frequent_governorate_with_its_most_precise_date() {
        LocalDate day = LocalDate.of(2013, 4, 22);
        LinkRecord yearOnly =
                r("a", "SY02", "SY0200", LocalDate.of(2013, 1, 1), LocalDate.of(2013, 12, 31), DatePrecision.YEAR, 30);
        LinkRecord exact = r("b", "SY02", "unknown", day, day, DatePrecision.DAY, 31);
        LinkRecord elsewhere = r("c", "SY01", "SY0100", day.plusDays(2), day.plusDays(2), DatePrecision.DAY, 30);
        List<LinkRecord> person = List.of(yearOnly, exact, elsewhere);
        // Aleppo (SY02) has two reports against one; of those two, b has the day.
        assertThat(CountingRule.representative(person).id()).isEqualTo("b");
        List<Disagreement> d = CountingRule.disagreements(person, exact);
        assertThat(d).extracting(Disagreement::field).containsExactly("governorate", "district", "date", "age");
        assertThat(d.get(0).values()).containsExactly("SY01", "SY02");
        assertThat(d.get(0).counted()).isEqualTo("SY02");
        // "2013" and "2013-04-22" agree; only the day two days later disagrees.
        assertThat(d.get(2).values()).contains("2013-04-22", "2013-04-24");
    }

    @Test
    void dates_that_only_differ_in_precision_are_no_disagreement() {
        LocalDate day = LocalDate.of(2013, 4, 22);
        List<LinkRecord> person = List.of(
                r("a", "SY02", "SY0200", LocalDate.of(2013, 4, 1), LocalDate.of(2013, 4, 30), DatePrecision.MONTH, 30),
                r("b", "SY02", "SY0200", day, day, DatePrecision.DAY, 30));
        assertThat(CountingRule.disagreements(person, person.get(1))).isEmpty();
        assertThat(CountingRule.representative(person).id()).isEqualTo("b");
    }
}
