package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.athar.report.DatePrecision;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;
import org.junit.jupiter.api.Test;

/**
 * Name parts that agree together are weighed as one combination when other reports carry it: the case the export
 * fixture showed (three reports named "Synthetic Export Four/Five/Six" counted as fewer persons, because first and
 * father's name agreeing weighed as two rare coincidences), brothers, namesakes, and a batch whose reports the last
 * full re-link has not counted yet.
 */
class NamesTogetherTest {

    private static final LocalDate MARCH = LocalDate.of(2013, 3, 1);

    private static LinkRecord record(
            String id,
            String source,
            List<String> name,
            Gender gender,
            int age,
            DatePrecision precision,
            PerpetratorCategory perpetrator,
            ReportStatus status) {
        LocalDate end =
                precision == DatePrecision.DAY ? MARCH : MARCH.plusMonths(1).minusDays(1);
        return new LinkRecord(
                id,
                source,
                name,
                List.of(),
                gender,
                age,
                MARCH,
                end,
                precision,
                "SY02",
                "unknown",
                perpetrator,
                status);
    }

    /** Reports of other people, each with names of its own, so that every name part above is rare. */
    private static List<LinkRecord> others(int n) {
        List<LinkRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(record(
                    "o" + i,
                    "other",
                    List.of("g" + i, "f" + i, "l" + i),
                    Gender.MALE,
                    30,
                    DatePrecision.DAY,
                    PerpetratorCategory.ISIS,
                    ReportStatus.DETAINED));
        }
        return out;
    }

    private final LinkRecord five = record(
            "e5",
            "export",
            List.of("sntk", "ksbrt", "fv"),
            Gender.MALE,
            60,
            DatePrecision.DAY,
            PerpetratorCategory.GOVERNMENT,
            ReportStatus.MISSING);
    private final LinkRecord six = record(
            "e6",
            "export",
            List.of("sntk", "ksbrt", "sks"),
            Gender.UNKNOWN,
            -1,
            DatePrecision.MONTH,
            PerpetratorCategory.HTS,
            ReportStatus.DEAD);
    private final LinkRecord four = record(
            "e4",
            "export",
            List.of("sntk", "ksbrt", "fr"),
            Gender.FEMALE,
            -1,
            DatePrecision.DAY,
            PerpetratorCategory.SDF,
            ReportStatus.RELEASED);

    private static double weightOf(ScoredPair p, String code) {
        return p.features().stream()
                .filter(f -> f.code().equals(code))
                .mapToDouble(Feature::weight)
                .sum();
    }

    @Test
    void three_reports_sharing_a_first_and_fathers_name_but_not_a_family_name_are_not_one_person() {
        List<LinkRecord> all = new ArrayList<>(others(300));
        all.addAll(List.of(four, five, six));
        PairScorer scorer = new PairScorer(NameFrequencies.of(all));

        ScoredPair pair = scorer.score(five, six);

        assertThat(weightOf(pair, PairScorer.TOGETHER))
                .as("first and father's name are carried together by a third report, so they weigh as one combination")
                .isNegative();
        assertThat(LinkagePolicy.DEFAULT.decisionFor(pair.score())).isNotEqualTo(Decision.AUTO);
        double parts = weightOf(pair, "first_name") + weightOf(pair, "father_name");
        assertThat(parts + weightOf(pair, PairScorer.TOGETHER))
                .as("the combination weighs log2(m / share of the other reports carrying it), less than the parts")
                .isLessThan(parts);
    }

    @Test
    void a_combination_no_other_report_carries_keeps_the_weights_of_its_parts() {
        List<LinkRecord> all = new ArrayList<>(others(300));
        all.addAll(List.of(five, six));
        PairScorer scorer = new PairScorer(NameFrequencies.of(all));

        ScoredPair pair = scorer.score(five, six);

        assertThat(pair.features()).noneMatch(f -> f.code().equals(PairScorer.TOGETHER));
    }

    @Test
    void a_batch_counts_the_reports_it_compares_before_a_full_relink_has_seen_them() {
        // The frequencies of the last full re-link know none of the three; the batch compares all three.
        NameFrequencies stale = NameFrequencies.of(others(300));
        PairScorer before = new PairScorer(stale);
        PairScorer batch = new PairScorer(stale.withLocal(List.of(four, five, six)));

        assertThat(before.score(five, six).features()).noneMatch(f -> f.code().equals(PairScorer.TOGETHER));
        ScoredPair pair = batch.score(five, six);
        assertThat(weightOf(pair, PairScorer.TOGETHER)).isNegative();
        assertThat(LinkagePolicy.DEFAULT.decisionFor(pair.score())).isNotEqualTo(Decision.AUTO);
    }

    @Test
    void brothers_sharing_a_fathers_and_family_name_weigh_those_names_once() {
        LinkRecord nizar = record(
                "b1",
                "a",
                List.of("nzr", "mhnd", "hdd"),
                Gender.MALE,
                41,
                DatePrecision.DAY,
                PerpetratorCategory.GOVERNMENT,
                ReportStatus.MISSING);
        LinkRecord kassem = record(
                "b2",
                "b",
                List.of("ksm", "mhnd", "hdd"),
                Gender.MALE,
                -1,
                DatePrecision.MONTH,
                PerpetratorCategory.GOVERNMENT,
                ReportStatus.MISSING);
        LinkRecord kassemAgain = record(
                "b3",
                "c",
                List.of("ksm", "mhnd", "hdd"),
                Gender.MALE,
                -1,
                DatePrecision.MONTH,
                PerpetratorCategory.GOVERNMENT,
                ReportStatus.MISSING);
        List<LinkRecord> all = new ArrayList<>(others(300));
        all.addAll(List.of(nizar, kassem, kassemAgain));
        PairScorer scorer = new PairScorer(NameFrequencies.of(all));

        ScoredPair brothers = scorer.score(nizar, kassem);
        ScoredPair same = scorer.score(kassem, kassemAgain);

        assertThat(weightOf(brothers, PairScorer.TOGETHER)).isNegative();
        assertThat(LinkagePolicy.DEFAULT.decisionFor(brothers.score())).isNotEqualTo(Decision.AUTO);
        assertThat(LinkagePolicy.DEFAULT.decisionFor(same.score()))
                .as("the brother's own two reports still link: every name part agrees")
                .isEqualTo(Decision.AUTO);
    }
}
