package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.athar.report.DatePrecision;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;
import org.junit.jupiter.api.Test;

/** Blocking, scoring and thresholds on crafted reports (synthetic names). */
class LinkerTest {

    private final Linker linker = new Linker(LinkagePolicy.DEFAULT);

    static LinkRecord record(
            String id,
            String source,
            String name,
            String latin,
            Gender gender,
            int age,
            LocalDate day,
            String district) {
        return new LinkRecord(
                id,
                source,
                LinkRecord.words(name),
                latin == null ? List.of() : LinkRecord.words(latin),
                gender,
                age,
                day,
                day,
                day == null ? DatePrecision.UNKNOWN : DatePrecision.DAY,
                district.equals("unknown") ? "unknown" : district.substring(0, 4),
                district,
                PerpetratorCategory.GOVERNMENT,
                ReportStatus.MISSING);
    }

    static LinkRecord year(LinkRecord r, int year) {
        return new LinkRecord(
                r.id(),
                r.source(),
                r.name(),
                r.latin(),
                r.gender(),
                r.age(),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                DatePrecision.YEAR,
                r.governorate(),
                r.district(),
                r.perpetrator(),
                r.status());
    }

    private static final LocalDate DAY = LocalDate.of(2013, 4, 22);

    @Test
    void the_same_person_in_arabic_and_in_latin_letters_is_linked_automatically() {
        LinkRecord arabic = record("a1", "SDN", "سامر عدنان الحريري", null, Gender.MALE, 27, DAY, "SY1200");
        LinkRecord latin = record("b1", "DAM", "Samer Adnan Hariri", null, Gender.MALE, 28, DAY.plusDays(2), "SY1200");
        List<ScoredPair> pairs = linker.candidates(List.of(arabic, latin));
        assertThat(pairs).hasSize(1);
        ScoredPair p = pairs.get(0);
        assertThat(linker.policy().decisionFor(p.score())).isEqualTo(Decision.AUTO);
        assertThat(p.features())
                .extracting(Feature::code)
                .contains(
                        "first_name",
                        "father_name",
                        "family_name",
                        "gender",
                        "age",
                        "date",
                        "governorate",
                        "district",
                        "perpetrator",
                        "status",
                        "source");
        assertThat(p.features())
                .filteredOn(f -> f.code().equals("family_name"))
                .singleElement()
                .satisfies(f -> assertThat(f.outcome()).isEqualTo("agree"));
        assertThat(p.score())
                .isEqualTo(
                        p.features().stream().mapToDouble(Feature::weight).sum(),
                        org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void a_transposed_name_with_a_year_only_date_is_still_found() {
        LinkRecord a = record("a1", "SDN", "مازن رياض الخطيب", null, Gender.MALE, 30, DAY, "SY0100");
        LinkRecord b = year(record("b1", "STN", "الخطيب مازن رياض", null, Gender.MALE, 30, DAY, "SY0100"), 2013);
        List<ScoredPair> pairs = linker.candidates(List.of(a, b));
        assertThat(pairs).singleElement().satisfies(p -> {
            assertThat(p.features()).extracting(Feature::code).contains("name_order");
            assertThat(p.features())
                    .filteredOn(f -> f.code().equals("date"))
                    .singleElement()
                    .satisfies(f -> assertThat(f.outcome()).isEqualTo("within"));
        });
    }

    @Test
    void brothers_taken_together_are_not_linked_automatically() {
        LinkRecord a = record("a1", "SDN", "باسل نزار الحلبي", null, Gender.MALE, 24, DAY, "SY0100");
        LinkRecord b = record("b1", "DAM", "Fadi Nizar Al-Halabi", null, Gender.MALE, 22, DAY, "SY0100");
        List<ScoredPair> pairs = linker.candidates(List.of(a, b));
        assertThat(pairs)
                .allSatisfy(
                        p -> assertThat(linker.policy().decisionFor(p.score())).isNotEqualTo(Decision.AUTO));
    }

    @Test
    void reports_in_different_governorates_or_far_apart_in_time_are_never_compared() {
        LinkRecord a = record("a1", "SDN", "Samer Adnan Hariri", null, Gender.MALE, 27, DAY, "SY1200");
        LinkRecord otherGovernorate = record("b1", "DAM", "Samer Adnan Hariri", null, Gender.MALE, 27, DAY, "SY0100");
        LinkRecord yearsLater =
                record("c1", "DAM", "Samer Adnan Hariri", null, Gender.MALE, 27, DAY.plusYears(3), "SY1200");
        assertThat(linker.candidates(List.of(a, otherGovernorate, yearsLater))).isEmpty();
    }

    @Test
    void an_unknown_governorate_meets_every_governorate() {
        LinkRecord a = record("a1", "SDN", "Samer Adnan Hariri", null, Gender.MALE, 27, DAY, "SY1200");
        LinkRecord nowhere = record("b1", "DAM", "سامر عدنان الحريري", null, Gender.MALE, 27, DAY, "unknown");
        assertThat(linker.candidates(List.of(a, nowhere)))
                .singleElement()
                .satisfies(p -> assertThat(p.features())
                        .filteredOn(f -> f.code().equals("governorate"))
                        .singleElement()
                        .satisfies(f -> assertThat(f.outcome()).isEqualTo("missing")));
    }

    @Test
    void a_different_gender_is_strong_evidence_against() {
        LinkRecord a = record("a1", "SDN", "Nour Adnan Hariri", null, Gender.MALE, 27, DAY, "SY1200");
        LinkRecord b = record("b1", "DAM", "Nour Adnan Hariri", null, Gender.FEMALE, 27, DAY, "SY1200");
        assertThat(linker.candidates(List.of(a, b)))
                .allSatisfy(p -> assertThat(p.score()).isLessThan(LinkagePolicy.DEFAULT.auto()));
    }

    @Test
    void each_pair_is_proposed_once_however_many_blocking_keys_it_shares() {
        List<LinkRecord> same = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            same.add(record(
                    "r" + i, "S" + i, "Samer Adnan Hariri", "سامر عدنان الحريري", Gender.MALE, 27, DAY, "SY1200"));
        }
        List<ScoredPair> pairs = linker.candidates(same);
        assertThat(pairs).hasSize(6); // 4 choose 2
        assertThat(pairs).extracting(ScoredPair::id).doesNotHaveDuplicates();
        assertThat(pairs).allSatisfy(p -> assertThat(p.a().id()).isLessThan(p.b().id()));
    }

    @Test
    void incremental_linking_scores_only_pairs_with_a_new_report() {
        List<LinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(record("r" + i, "S" + i, "Samer Adnan Hariri", null, Gender.MALE, 27, DAY, "SY1200"));
        }
        BitSet fresh = new BitSet();
        fresh.set(2);
        List<String> found = new ArrayList<>();
        linker.pairs(
                records,
                fresh,
                new PairScorer(NameFrequencies.none()),
                (a, b, s) ->
                        found.add(records.get(a).id() + "-" + records.get(b).id()),
                done -> {});
        assertThat(found).hasSize(2).allSatisfy(p -> assertThat(p).contains("r2"));
    }

    @Test
    void a_rare_name_agreeing_weighs_more_than_a_common_one() {
        List<LinkRecord> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(record(
                    "m" + i,
                    "S",
                    "Mohammad Ali Hariri" + (char) ('a' + i % 20),
                    null,
                    Gender.MALE,
                    20,
                    null,
                    "SY1200"));
        }
        many.add(record("x", "S", "Ghiath Ali Zoubi", null, Gender.MALE, 20, null, "SY1200"));
        PairScorer scorer = new PairScorer(LinkageModel.DEFAULT, NameFrequencies.of(many));
        LinkRecord ghiath = record("y", "T", "Ghiath Ali Zoubi", null, Gender.MALE, 20, null, "SY1200");
        LinkRecord mohammad = record("z", "T", "Mohammad Ali Haririb", null, Gender.MALE, 20, null, "SY1200");
        assertThat(firstName(scorer.score(many.get(300), ghiath)))
                .isGreaterThan(firstName(scorer.score(many.get(1), mohammad)));
    }

    private static double firstName(ScoredPair p) {
        return p.features().stream()
                .filter(f -> f.code().equals("first_name"))
                .findFirst()
                .orElseThrow()
                .weight();
    }
}
