package org.athar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.athar.report.DatePrecision;
import org.athar.report.Gazetteer;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportDate;
import org.athar.report.ReportDates;
import org.athar.report.ReportStatus;
import org.athar.report.TextFolding;
import org.athar.report.UnknownMarkers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 20,000 demo rows read back as the importer reads them: every value resolves, and the shares look real. */
class DemoDistributionTest {

    private static final int N = 20_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static List<CSVRecord> rows;

    @BeforeAll
    static void generate() throws IOException {
        rows = DemoDataGeneratorTest.parse(DemoDataGeneratorTest.generate(DemoDataGenerator.DEFAULT_SEED, N));
    }

    @Test
    void every_gender_status_and_perpetrator_is_a_wording_the_vocabularies_accept() {
        for (CSVRecord row : rows) {
            assertThat(Gender.fromText(row.get("gender"))).as(row.get("gender")).isPresent();
            assertThat(ReportStatus.fromText(row.get("status")))
                    .as(row.get("status"))
                    .isPresent();
            assertThat(PerpetratorCategory.classify(row.get("perpetrator")))
                    .as(row.get("perpetrator"))
                    .isNotEqualTo(PerpetratorCategory.OTHER);
        }
    }

    @Test
    void every_governorate_resolves_or_is_an_unknown_marker_and_every_district_lies_in_it() {
        for (CSVRecord row : rows) {
            String governorate = row.get("governorate");
            Optional<String> pcode = GAZETTEER.resolveGovernorate(governorate);
            assertThat(pcode.isPresent() || UnknownMarkers.isUnknown(governorate))
                    .as(governorate)
                    .isTrue();
            if (!row.get("district").isEmpty()) {
                assertThat(GAZETTEER.resolveDistrict(row.get("district"), pcode))
                        .as(row.get("district"))
                        .isPresent();
            }
        }
        DemoPlaces.aliases()
                .forEach((pcode, aliases) -> aliases.forEach(alias -> assertThat(GAZETTEER.resolveGovernorate(alias))
                        .as(alias)
                        .contains(pcode)));
    }

    @Test
    void every_date_parses_is_not_in_the_future_and_a_status_date_follows_the_disappearance() {
        for (CSVRecord row : rows) {
            ReportDate disappeared = date(row.get("disappeared_on"));
            disappeared.end().ifPresent(end -> assertThat(end).isBefore(LocalDate.of(2025, 1, 1)));
            disappeared.start().ifPresent(start -> assertThat(start).isAfter(LocalDate.of(2010, 12, 31)));
            if (!row.get("status_date").isEmpty()) {
                ReportDate status = date(row.get("status_date"));
                assertThat(status.precision()).isEqualTo(DatePrecision.DAY);
                disappeared
                        .start()
                        .ifPresent(start ->
                                assertThat(status.start().orElseThrow()).isAfterOrEqualTo(start));
            }
        }
    }

    @Test
    void ages_are_whole_numbers_from_0_to_120_and_coordinates_lie_in_syria() {
        for (CSVRecord row : rows) {
            if (!row.get("age").isEmpty()) {
                assertThat(Integer.parseInt(row.get("age"))).isBetween(0, 120);
            }
            assertThat(row.get("latitude").isEmpty())
                    .isEqualTo(row.get("longitude").isEmpty());
            if (!row.get("latitude").isEmpty()) {
                assertThat(row.get("latitude")).matches("\\d+\\.\\d{5}");
                assertThat(Double.parseDouble(row.get("latitude"))).isBetween(32.0, 37.5);
                assertThat(Double.parseDouble(row.get("longitude"))).isBetween(35.5, 42.5);
            }
        }
    }

    @Test
    void government_forces_account_for_80_to_90_percent_as_in_published_figures() {
        assertThat(share(row -> PerpetratorCategory.classify(row.get("perpetrator")) == PerpetratorCategory.GOVERNMENT))
                .isBetween(0.80, 0.90);
        assertThat(share(row -> PerpetratorCategory.classify(row.get("perpetrator")) == PerpetratorCategory.ISIS))
                .isBetween(0.04, 0.08);
        assertThat(share(row -> !row.get("perpetrator_detail").isEmpty())).isBetween(0.38, 0.48);
    }

    @Test
    void rural_damascus_and_aleppo_are_the_two_largest_governorates() {
        Map<String, Long> counts = counts(
                row -> GAZETTEER.resolveGovernorate(row.get("governorate")).orElse("unknown"));
        assertThat(top(counts, 2)).containsExactly("SY03", "SY02");
        // SNHR's published rank (10th annual report): Rural Damascus, Aleppo, Damascus, Deir ez-Zor.
        assertThat(top(counts, 4)).containsExactly("SY03", "SY02", "SY01", "SY09");
        assertThat(counts).containsKeys("SY13", "SY14", "unknown");
        assertThat(counts.get("unknown") / (double) N).isBetween(0.02, 0.04);
    }

    @Test
    void the_years_2012_and_2013_are_the_two_largest_years_with_almost_half_of_the_dated_cases() {
        List<ReportDate> known = rows.stream()
                .map(row -> date(row.get("disappeared_on")))
                .filter(ReportDate::isKnown)
                .toList();
        Map<Integer, Long> byYear = known.stream()
                .collect(Collectors.groupingBy(d -> d.start().orElseThrow().getYear(), Collectors.counting()));
        assertThat(top(byYear, 2)).containsExactly(2012, 2013);
        assertThat((byYear.get(2012) + byYear.get(2013)) / (double) known.size())
                .isBetween(0.40, 0.50);
        assertThat(byYear.keySet()).allSatisfy(year -> assertThat(year).isBetween(2011, 2024));
    }

    @Test
    void every_date_precision_is_present_in_roughly_the_intended_mix() {
        Map<DatePrecision, Long> precisions =
                counts(row -> date(row.get("disappeared_on")).precision());
        assertThat(precisions.get(DatePrecision.DAY) / (double) N).isBetween(0.55, 0.65);
        assertThat(precisions.get(DatePrecision.MONTH) / (double) N).isBetween(0.16, 0.24);
        assertThat(precisions.get(DatePrecision.YEAR) / (double) N).isBetween(0.09, 0.15);
        assertThat(precisions.get(DatePrecision.UNKNOWN) / (double) N).isBetween(0.05, 0.11);
    }

    @Test
    void children_women_and_unknown_values_appear_in_realistic_shares() {
        assertThat(share(row -> !row.get("age").isEmpty() && Integer.parseInt(row.get("age")) < 18))
                .isBetween(0.05, 0.09);
        assertThat(share(row -> row.get("age").isEmpty())).isBetween(0.08, 0.12);
        assertThat(share(row -> Gender.fromText(row.get("gender")).orElseThrow() == Gender.MALE))
                .isBetween(0.85, 0.91);
        assertThat(share(row -> Gender.fromText(row.get("gender")).orElseThrow() == Gender.FEMALE))
                .isBetween(0.08, 0.12);
        assertThat(share(row -> ReportStatus.fromText(row.get("status")).orElseThrow() == ReportStatus.MISSING))
                .isBetween(0.65, 0.75);
        assertThat(share(row -> !row.get("victim_name_latin").isEmpty())).isBetween(0.36, 0.44);
        assertThat(share(row -> !row.get("occupation").isEmpty())).isBetween(0.45, 0.55);
        assertThat(share(row -> !row.get("latitude").isEmpty())).isBetween(0.55, 0.62);
    }

    @Test
    void the_sources_contribute_about_half_a_third_and_a_fifth() {
        Map<String, Long> bySource = counts(row -> row.get("source"));
        assertThat(bySource.get(DemoSource.SDN.displayName()) / (double) N).isBetween(0.45, 0.55);
        assertThat(bySource.get(DemoSource.DAM.displayName()) / (double) N).isBetween(0.26, 0.34);
        assertThat(bySource.get(DemoSource.STN.displayName()) / (double) N).isBetween(0.17, 0.24);
    }

    @Test
    void about_one_person_in_twelve_is_reported_by_two_sources_with_the_same_name_gender_and_governorate() {
        Map<String, Set<String>> sourcesByPerson = new HashMap<>();
        for (CSVRecord row : rows) {
            Optional<String> governorate = GAZETTEER.resolveGovernorate(row.get("governorate"));
            Gender gender = Gender.fromText(row.get("gender")).orElseThrow();
            if (governorate.isPresent() && gender != Gender.UNKNOWN) {
                String person =
                        TextFolding.vocabularyKey(row.get("victim_name")) + "|" + gender + "|" + governorate.get();
                sourcesByPerson.computeIfAbsent(person, k -> new HashSet<>()).add(row.get("source"));
            }
        }
        long reportedTwice = sourcesByPerson.values().stream()
                .filter(sources -> sources.size() > 1)
                .count();
        // Includes the odd pair of namesakes, as real files do; without the planted pairs it would be near 1 %.
        assertThat(reportedTwice / (double) N).isBetween(0.06, 0.11);
    }

    @Test
    void groups_are_named_as_they_were_called_at_the_time() {
        for (CSVRecord row : rows) {
            ReportDate date = date(row.get("disappeared_on"));
            // The last days of a year are left out: a second report may be a few days off the true date.
            if (date.isKnown() && date.end().orElseThrow().isBefore(LocalDate.of(2016, 12, 1))) {
                assertThat(row.get("perpetrator") + " " + row.get("narrative"))
                        .doesNotContain("Tahrir", "تحرير", "National Army", "الجيش الوطني");
            }
        }
    }

    @Test
    void names_are_written_in_several_spellings_that_fold_to_the_same_key() {
        Set<String> written = rows.stream().map(row -> row.get("victim_name")).collect(Collectors.toSet());
        assertThat(written).anyMatch(name -> name.contains("\u064E") || name.contains("\u064F")); // harakat
        assertThat(written).anyMatch(name -> name.startsWith("احمد ")).anyMatch(name -> name.startsWith("أحمد "));
        for (DemoNames.Name name : DemoNames.FAMILY) {
            assertThat(TextFolding.fold(DemoNames.bare(name.arabic()))).isEqualTo(TextFolding.fold(name.arabic()));
        }
        assertThat(TextFolding.fold("مُحَمَّد")).isEqualTo(TextFolding.fold("محمد"));
    }

    private static ReportDate date(String text) {
        var result = ReportDates.parse(text, TODAY);
        assertThat(result.error()).as(text).isEmpty();
        return result.date().orElseThrow();
    }

    private static double share(Predicate<CSVRecord> test) {
        return rows.stream().filter(test).count() / (double) N;
    }

    private static <K> Map<K, Long> counts(Function<CSVRecord, K> key) {
        return rows.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static <K> List<K> top(Map<K, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<K, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(n)
                .map(Map.Entry::getKey)
                .toList();
    }
}
