package org.athar.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The classes of a choropleth put every mapped count in exactly one class, with ranges that touch. */
class MapClassesTest {

    @Test
    void every_count_falls_in_exactly_one_of_at_most_five_touching_ranges() {
        // 13 counts in 5 quantile classes: the classes end at the 3rd, 6th, 8th, 11th and 13th count.
        List<Long> counts = List.of(5L, 12L, 21L, 77L, 96L, 153L, 388L, 640L, 812L, 975L, 1204L, 1460L, 2310L);
        MapClasses classes = MapClasses.of(counts);
        assertThat(classes.ranges()).hasSize(5);
        for (long count : counts) {
            assertThat(classes.ranges().stream().filter(r -> r.holds(count)))
                    .as("%d", count)
                    .hasSize(1);
        }
        for (int i = 1; i < classes.ranges().size(); i++) {
            assertThat(classes.ranges().get(i).low())
                    .isEqualTo(classes.ranges().get(i - 1).high() + 1);
        }
        assertThat(classes.ranges().get(0).low()).isEqualTo(5);
        assertThat(classes.ranges().get(4).high()).isEqualTo(2310);
        assertThat(classes.ranges().get(4).label(new ChartStyle(Locale.ENGLISH, 960, 540)))
                .isEqualTo("1,205–2,310");
    }

    @Test
    void few_distinct_counts_give_as_many_classes_and_zero_is_in_none() {
        MapClasses classes = MapClasses.of(List.of(0L, 40L, 40L, 90L));
        assertThat(classes.ranges()).hasSize(2);
        assertThat(classes.classOf(0)).isEmpty();
        assertThat(classes.classOf(40).orElseThrow().high()).isEqualTo(40);
        assertThat(classes.classOf(90).orElseThrow().low()).isEqualTo(41);
        assertThat(MapClasses.of(List.of()).ranges()).isEmpty();
    }
}
