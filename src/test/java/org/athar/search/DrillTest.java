package org.athar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.athar.report.PerpetratorCategory;
import org.junit.jupiter.api.Test;

class DrillTest {

    private final ReportQuery shown = ReportQuery.all()
            .withText(QueryText.parse("ahmad"))
            .withGovernorates(Set.of("SY01", "SY02"))
            .within(Optional.of(LocalDate.of(2013, 3, 10)), Optional.empty())
            .withCount(Count.REPORTS);

    @Test
    void a_clicked_governorate_replaces_the_governorate_filter_and_keeps_the_rest() {
        ReportQuery q = Drill.apply(shown, Map.of(Dimension.GOVERNORATE, "SY02"));

        assertThat(q.governorates()).containsExactly("SY02");
        assertThat(q.text()).isEqualTo(shown.text());
        assertThat(q.from()).isEqualTo(shown.from());
        assertThat(q.count()).contains(Count.REPORTS);
    }

    @Test
    void a_clicked_quarter_narrows_the_date_range_to_the_part_of_the_quarter_inside_it() {
        Map<Dimension, String> slice = new LinkedHashMap<>();
        slice.put(Dimension.QUARTER, "2013-Q1");
        slice.put(Dimension.PERPETRATOR, "government");

        ReportQuery q = Drill.apply(shown, slice);

        assertThat(q.from()).contains(LocalDate.of(2013, 3, 10));
        assertThat(q.to()).contains(LocalDate.of(2013, 3, 31));
        assertThat(q.perpetrators()).containsExactly(PerpetratorCategory.GOVERNMENT);
    }

    @Test
    void a_value_outside_the_vocabulary_is_refused_rather_than_dropped() {
        assertThatThrownBy(() -> shown.with(Dimension.STATUS, "vanished"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vanished");
    }

    @Test
    void without_text_keeps_every_filter_and_what_is_counted() {
        ReportQuery q = shown.withoutText();

        assertThat(q.text().isEmpty()).isTrue();
        assertThat(q).isEqualTo(shown.withText(QueryText.parse("")));
        assertThat(q.governorates()).isEqualTo(shown.governorates());
        assertThat(q.count()).contains(Count.REPORTS);
    }
}
