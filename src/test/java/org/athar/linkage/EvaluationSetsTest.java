package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import org.athar.demo.DemoDataGenerator;
import org.athar.demo.LinkageShares;
import org.junit.jupiter.api.Test;

/** The evaluation sets the linkage figures are measured on: every report imported, every report with its person. */
class EvaluationSetsTest {

    @Test
    void the_own_set_gives_a_record_and_a_person_for_every_report_in_file_order() {
        EvaluationSet own = EvaluationSets.own(3000, DemoDataGenerator.DEFAULT_SEED);
        assertThat(own.name()).isEqualTo("own");
        assertThat(own.reports()).hasSize(3000);
        assertThat(own.records()).hasSize(3000);
        assertThat(own.truth()).hasSize(3000);
        assertThat(own.personOf()).hasSize(3000);
        for (int i = 0; i < 3000; i++) {
            assertThat(own.records().get(i).id()).isEqualTo(own.reports().get(i).id());
            assertThat(own.personOf().get(own.records().get(i).id()))
                    .isEqualTo(own.truth().get(i).person());
            assertThat(own.truth().get(i).reportId())
                    .isEqualTo(own.reports().get(i).reportId());
        }
        // A quarter of persons by several sources: fewer persons than reports, but most reports are their own.
        assertThat(own.persons()).isBetween(2000L, 2900L);
    }

    @Test
    void the_second_set_is_about_two_thousand_persons_in_3108_reports_and_the_same_for_the_same_seed() {
        EvaluationSet second = EvaluationSets.second();
        assertThat(second.name()).isEqualTo("second");
        assertThat(second.seed()).isEqualTo(LinkageShares.SECOND.seed());
        assertThat(second.records()).hasSize(3108);
        assertThat(second.persons()).isBetween(1900L, 2100L);
        EvaluationSet again = EvaluationSets.second(LinkageShares.SECOND.seed());
        assertThat(again.personOf()).isEqualTo(second.personOf());
        assertThat(again.records()).isEqualTo(second.records());
    }
}
