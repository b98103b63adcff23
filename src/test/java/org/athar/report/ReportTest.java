package org.athar.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void the_id_is_the_first_32_hex_digits_of_the_sha256_of_source_nul_report_id() {
        // Expected values computed outside Java: sha256("SNHR\0A-0001").hexdigest()[:32]
        assertThat(Report.idFor("SNHR", "A-0001")).isEqualTo("0a937e5a6e52366714cca2f5a798a71e");
        assertThat(Report.idFor("الشبكة", "١٢")).isEqualTo("e44d98c54aa0e29d196ce000a0a6fa35");
    }

    @Test
    void the_separator_keeps_different_pairs_apart() {
        assertThat(Report.idFor("SNHR", "1A")).isNotEqualTo(Report.idFor("SNHR1", "A"));
    }

    @Test
    void a_report_id_follows_its_source_and_report_id() {
        Report report = ReportJsonTest.fullReport();
        assertThat(report.id()).isEqualTo(Report.idFor("SNHR", "A-0001"));
    }

    @Test
    void a_district_must_lie_in_the_governorate_given() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Place("SY07", "SY0203", Optional.empty(), Optional.empty()))
                .withMessageContaining("SY0203 is not in governorate SY07");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Place(Place.UNKNOWN, "SY0203", Optional.empty(), Optional.empty()));
        assertThat(new Place("SY02", Place.UNKNOWN, Optional.empty(), Optional.empty()).district())
                .isEqualTo("unknown");
    }

    @Test
    void place_codes_must_be_pcodes_or_unknown() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Place("Aleppo", Place.UNKNOWN, Optional.empty(), Optional.empty()))
                .withMessageContaining("'Aleppo'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Place("SY02", "SY02", Optional.empty(), Optional.empty()));
    }

    @Test
    void a_stated_age_group_must_agree_with_the_age() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Victim(
                        "x", Optional.empty(), Gender.MALE, Optional.of(17), AgeGroup.ADULT, Optional.empty()))
                .withMessageContaining("age 17 is in age group child, not adult");
        assertThat(new Victim("x", Optional.empty(), Gender.MALE, Optional.empty(), AgeGroup.CHILD, Optional.empty())
                        .ageGroup())
                .isEqualTo(AgeGroup.CHILD);
    }

    @Test
    void a_victim_needs_a_name_and_a_report_needs_its_source_and_id() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Victim(
                        " ", Optional.empty(), Gender.MALE, Optional.empty(), AgeGroup.UNKNOWN, Optional.empty()));
        Report full = ReportJsonTest.fullReport();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Report(
                        " ",
                        full.source(),
                        full.victim(),
                        full.disappearance(),
                        full.place(),
                        full.perpetrator(),
                        full.status(),
                        full.statusDate(),
                        full.narrative(),
                        full.synthetic(),
                        full.provenance(),
                        full.consent()));
    }

    @Test
    void a_point_with_latitude_and_longitude_swapped_out_of_range_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeoPoint(137.1, 36.2))
                .withMessageContaining("latitude comes first");
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(Double.NaN, 36.2));
    }

    @Test
    void a_disappearance_keeps_its_interval_and_precision() {
        ReportDate may =
                ReportDates.parse("05/2013", LocalDate.of(2026, 1, 1)).date().orElseThrow();
        assertThat(Disappearance.of(may).asReportDate()).isEqualTo(may);
        assertThat(Disappearance.of(may).dateEnd()).contains(LocalDate.of(2013, 5, 31));
    }

    @Test
    void provenance_needs_a_sha256_hex_hash_and_a_row_number_from_one() {
        Instant now = Instant.parse("2026-11-29T03:00:00Z");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Provenance("b", "f.csv", 1, now, "admin", "ABC", Provenance.KEYED))
                .withMessageContaining("64 lower-case hex");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Provenance("b", "f.csv", 0, now, "admin", "a".repeat(64), Provenance.KEYED));
    }

    @Test
    void a_report_id_is_the_first_128_bits_of_sha256_of_source_and_report_id_on_every_thread() throws Exception {
        // Stored ids must never change: these are SHA-256("<source>\0<report id>"), first 32 hex digits.
        assertThat(Report.idFor("Source A", "R-1")).isEqualTo("debb4fb960c4d9ccd2ada98f16e9bcc9");
        assertThat(Report.idFor("منظمة", "ر-٧")).isEqualTo("6ae61955c26b750ea5621e1125bbf3da");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                ids.add(pool.submit(() -> Report.idFor("Source A", "R-1")));
            }
            for (java.util.concurrent.Future<String> id : ids) {
                assertThat(id.get()).isEqualTo("debb4fb960c4d9ccd2ada98f16e9bcc9");
            }
        } finally {
            pool.shutdown();
        }
    }
}
