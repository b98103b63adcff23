package org.athar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Hundreds of random small tables (fixed seed): what holds for every public table, whatever its figures. */
class DisclosurePropertyTest {

    private static final int TABLES = 400;

    @Test
    void every_public_cross_tab_is_exact_where_published_hides_every_small_count_and_protects_it() {
        RandomTables random = new RandomTables(20_240_611L);
        for (int n = 0; n < TABLES; n++) {
            CrossTab exact = random.crossTab(4, 4);
            int k = random.k();
            CrossTab published = Disclosure.suppress(exact, k);
            String table = "table %d (k = %d): %s".formatted(n, k, exact);

            assertProperties(
                    FigureGrid.of(exact).figures(), FigureGrid.of(published).figures(), k, table);
            assertThat(Disclosure.isProtected(published)).as(table).isTrue();
            assertNoSmallCountExposed(exact, Reader.exposed(exact, published, 2L * k + 2), k, table);
            assertNoSmallWithheldGroup(FigureGrid.of(exact), FigureGrid.of(published), k, table);
        }
    }

    @Test
    void every_public_breakdown_is_exact_where_published_hides_every_small_count_and_protects_it() {
        RandomTables random = new RandomTables(611L);
        for (int n = 0; n < TABLES; n++) {
            Breakdown exact = random.breakdown(8);
            int k = random.k();
            Breakdown published = Disclosure.suppress(exact, k);
            String table = "breakdown %d (k = %d): %s".formatted(n, k, exact);

            assertProperties(
                    FigureGrid.of(exact).figures(), FigureGrid.of(published).figures(), k, table);
            assertThat(Disclosure.isProtected(published)).as(table).isTrue();
            assertThat(Reader.exposed(exact, published, 2L * k + 2)).as(table).isEmpty();
            assertNoSmallWithheldGroup(FigureGrid.of(exact), FigureGrid.of(published), k, table);
        }
    }

    private static void assertProperties(List<OptionalLong> exact, List<OptionalLong> published, int k, String table) {
        for (int i = 0; i < exact.size(); i++) {
            long value = exact.get(i).getAsLong();
            if (published.get(i).isPresent()) {
                assertThat(published.get(i).getAsLong())
                        .as("published figure %d of %s", i, table)
                        .isEqualTo(value);
                assertThat(value)
                        .as("published figure %d of %s", i, table)
                        .satisfiesAnyOf(
                                v -> assertThat(v).isZero(), v -> assertThat(v).isGreaterThanOrEqualTo(k));
            } else {
                assertThat(k)
                        .as("a figure withheld although k = 1, in %s", table)
                        .isGreaterThan(1);
            }
        }
    }

    /**
     * Rule 7: in a line whose sum is published, the withheld members add up to the sum minus the published ones, a
     * count a reader gets by subtraction; it is never from 1 to k - 1 ("4 not attributed to the government").
     */
    private static void assertNoSmallWithheldGroup(FigureGrid exact, FigureGrid published, int k, String table) {
        for (FigureGrid.Line line : exact.lines()) {
            if (published.figures().get(line.sum()).isEmpty()) {
                continue;
            }
            long group = line.members().stream()
                    .filter(i -> published.figures().get(i).isEmpty())
                    .mapToLong(i -> exact.figures().get(i).getAsLong())
                    .sum();
            assertThat(group >= 1 && group < k)
                    .as("withheld members of %s adding up to %d in %s", line.name(), group, table)
                    .isFalse();
        }
    }

    /** Zeros and large complements a reader can work out reveal no small count; counts from 1 to k - 1 must stay hidden. */
    private static void assertNoSmallCountExposed(CrossTab exact, List<Integer> exposed, int k, String table) {
        List<OptionalLong> figures = FigureGrid.of(exact).figures();
        assertThat(exposed)
                .as("figures from 1 to k - 1 a reader can work out in %s", table)
                .noneMatch(
                        i -> figures.get(i).getAsLong() >= 1 && figures.get(i).getAsLong() < k);
    }
}
