package org.athar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.athar.search.Dimension;
import org.junit.jupiter.api.Test;

/**
 * Suppression of cross-tabs (governorates down, perpetrators across, k = 5 unless a test says otherwise). In the
 * expected grids -1 stands for "withheld". The expected grids are worked out by hand in docs/disclosure-control.md
 * style: primary cells first, then the complements each line asks for.
 */
class DisclosureCrossTabTest {

    private static final long W = -1;

    /** Naive "&lt;5" would withhold only the 3, which row SY01's total gives away (38 - 20 - 15). */
    private static final long[][] ONE_SMALL_CELL = {{20, 3, 15}, {12, 30, 8}, {9, 6, 25}};

    @Test
    void a_small_cell_that_its_row_total_would_give_away_is_protected_by_complements() {
        CrossTab exact = Tables.crossTab(ONE_SMALL_CELL);
        CrossTab naive = primaryOnly(exact, 5);
        assertThat(Reader.exposed(exact, naive, 40))
                .as("the naive table gives the 3 away")
                .containsExactly(1);

        CrossTab published = Disclosure.suppress(exact, 5);

        assertThat(Tables.published(published)).isDeepEqualTo(new long[][] {{20, W, W}, {W, 30, W}, {W, W, 25}});
        assertThat(published.rowTotals())
                .containsExactly(OptionalLong.of(38), OptionalLong.of(50), OptionalLong.of(40));
        assertThat(published.columnTotals())
                .containsExactly(OptionalLong.of(41), OptionalLong.of(39), OptionalLong.of(48));
        assertThat(published.total()).hasValue(128);
        assertProtected(exact, published);
    }

    @Test
    void a_small_row_total_is_withheld_with_a_second_row_total_and_a_cell_of_that_row() {
        CrossTab exact = Tables.crossTab(new long[][] {{1, 2, 0}, {20, 14, 9}, {11, 7, 30}});
        CrossTab published = Disclosure.suppress(exact, 5);

        assertThat(Tables.published(published)).isDeepEqualTo(new long[][] {{W, W, 0}, {20, 14, W}, {W, W, W}});
        assertThat(Tables.published(published.rowTotals())).containsExactly(W, W, 48);
        assertThat(Tables.published(published.columnTotals())).containsExactly(32, 23, 39);
        assertThat(published.total()).hasValue(94);
        assertProtected(exact, published);
    }

    @Test
    void a_small_column_total_is_withheld_with_a_second_column_total() {
        CrossTab exact = Tables.crossTab(new long[][] {{25, 12, 0}, {18, 9, 2}, {40, 16, 1}});
        CrossTab published = Disclosure.suppress(exact, 5);

        assertThat(Tables.published(published)).isDeepEqualTo(new long[][] {{25, 12, 0}, {18, W, W}, {40, W, W}});
        assertThat(Tables.published(published.rowTotals())).containsExactly(37, 29, 57);
        assertThat(Tables.published(published.columnTotals())).containsExactly(83, W, W);
        assertProtected(exact, published);
    }

    @Test
    void a_small_cell_alone_in_its_row_and_column_hides_its_totals_and_a_matching_row_and_column() {
        CrossTab exact = Tables.crossTab(new long[][] {{25, 12, 0}, {18, 9, 0}, {0, 0, 3}});
        CrossTab published = Disclosure.suppress(exact, 5);

        assertThat(Tables.published(published)).isDeepEqualTo(new long[][] {{25, 12, 0}, {18, W, 0}, {0, 0, W}});
        assertThat(Tables.published(published.rowTotals())).containsExactly(37, W, W);
        assertThat(Tables.published(published.columnTotals())).containsExactly(43, W, W);
        assertThat(published.total()).hasValue(67);
        assertProtected(exact, published);
    }

    @Test
    void a_table_of_one_row_withholds_column_totals_that_equal_their_only_cell() {
        CrossTab exact = Tables.crossTab(new long[][] {{30, 2, 14, 0}});
        CrossTab published = Disclosure.suppress(exact, 5);

        assertThat(Tables.published(published)).isDeepEqualTo(new long[][] {{30, W, W, 0}});
        assertThat(Tables.published(published.columnTotals())).containsExactly(30, W, W, 0);
        assertThat(Tables.published(published.rowTotals())).containsExactly(46);
        assertProtected(exact, published);
    }

    @Test
    void a_table_of_one_column_withholds_row_totals_that_equal_their_only_cell() {
        CrossTab exact = Tables.crossTab(new long[][] {{30}, {2}, {14}, {0}});
        CrossTab published = Disclosure.suppress(exact, 5);

        assertThat(Tables.published(published)).isDeepEqualTo(new long[][] {{30}, {W}, {W}, {0}});
        assertThat(Tables.published(published.rowTotals())).containsExactly(30, W, W, 0);
        assertThat(Tables.published(published.columnTotals())).containsExactly(46);
        assertProtected(exact, published);
    }

    @Test
    void in_a_table_of_many_zeros_the_zeros_stay_published() {
        CrossTab exact = Tables.crossTab(new long[][] {{0, 0, 0, 0}, {0, 7, 0, 0}, {0, 0, 0, 2}, {0, 12, 0, 0}});
        CrossTab published = Disclosure.suppress(exact, 5);

        assertThat(Tables.published(published))
                .isDeepEqualTo(new long[][] {{0, 0, 0, 0}, {0, W, 0, 0}, {0, 0, 0, W}, {0, 12, 0, 0}});
        assertThat(Tables.published(published.rowTotals())).containsExactly(0, W, W, 12);
        assertThat(Tables.published(published.columnTotals())).containsExactly(0, W, 0, W);
        assertThat(published.total()).hasValue(21);
        assertProtected(exact, published);
    }

    @Test
    void a_zero_is_taken_as_a_complement_only_when_its_line_has_nothing_else_to_withhold() {
        CrossTab exact = Tables.crossTab(new long[][] {{3, 30}, {25, 0}});
        CrossTab published = Disclosure.suppress(exact, 5);

        assertThat(Tables.published(published)).isDeepEqualTo(new long[][] {{W, W}, {W, W}});
        assertThat(Tables.published(published.rowTotals())).containsExactly(33, 25);
        assertThat(Tables.published(published.columnTotals())).containsExactly(28, 30);
        assertProtected(exact, published);
    }

    @Test
    void with_k_1_nothing_is_withheld() {
        CrossTab exact = Tables.crossTab(new long[][] {{1, 0, 2}, {3, 4, 1}});
        CrossTab published = Disclosure.suppress(exact, 1);

        assertThat(published.cells()).isEqualTo(exact.cells());
        assertThat(published.rowTotals()).isEqualTo(exact.rowTotals());
        assertThat(published.columnTotals()).isEqualTo(exact.columnTotals());
        assertThat(published.total()).isEqualTo(exact.total());
        assertThat(published.profile()).isEqualTo(DisclosureProfile.PUBLIC);
    }

    @Test
    void with_k_10_every_count_below_10_is_withheld_and_the_rest_protected() {
        CrossTab exact = Tables.crossTab(ONE_SMALL_CELL);
        CrossTab published = Disclosure.suppress(exact, 10);

        // Rule 7: the middle column's withheld 3 and 6 would add up to 9 (39 - 30), itself below 10, so 30 goes too.
        assertThat(Tables.published(published)).isDeepEqualTo(new long[][] {{20, W, W}, {W, W, W}, {W, W, 25}});
        assertThat(Tables.published(published.rowTotals())).containsExactly(38, 50, 40);
        assertProtected(exact, published);
    }

    @Test
    void a_row_total_withheld_as_a_complement_does_not_stay_the_sum_of_its_published_cells() {
        // Without this, row SY03's total (5) would equal its published cell, and imprecise (4) = 72 - 0 - 37 - 5 - 26.
        CrossTab exact = Tables.crossTab(Dimension.GOVERNORATE, Dimension.YEAR, 4, new long[][] {{0}, {37}, {5}, {26}});
        CrossTab published = Disclosure.suppress(exact, 5);

        assertThat(published.imprecise()).isEmpty();
        assertThat(Tables.published(published.rowTotals())).containsExactly(0, 37, W, 26);
        assertThat(Tables.published(published)).isDeepEqualTo(new long[][] {{0}, {37}, {W}, {26}});
        assertProtected(exact, published);
    }

    @Test
    void a_count_that_only_several_lines_together_give_away_is_protected_too() {
        // Rules 1 to 3 alone give the grid below (k = 10): every line keeps two unknowns, yet the third column holds
        // only the 6, so its total is the 6; the column totals leave 59 - 41 = 18 for the 8, 4 and 6, and row SY03
        // leaves 43 - 33 = 10 for the 4 and 6, so the 8 = 18 - 10.
        CrossTab exact = Tables.crossTab(new long[][] {{3, 0, 0}, {5, 8, 0}, {33, 4, 6}});
        long[] rulesOnly = {W, 0, 0, W, W, 0, 33, W, W, W, W, 43, 41, W, W, 0, 59};
        List<OptionalLong> figures = new ArrayList<>();
        for (long f : rulesOnly) {
            figures.add(f == W ? OptionalLong.empty() : OptionalLong.of(f));
        }
        CrossTab rulesOnlyTable = FigureGrid.crossTab(exact, DisclosureProfile.PUBLIC, figures);
        assertThat(Disclosure.isProtected(rulesOnlyTable)).isTrue();
        assertThat(Reader.exposed(exact, rulesOnlyTable, 30)).contains(4);

        CrossTab published = Disclosure.suppress(exact, 10);

        assertProtected(exact, published);
        assertThat(Reader.exposed(exact, published, 30)).isEmpty();
    }

    @Test
    void headings_keys_and_labels_are_kept_in_order() {
        CrossTab exact = Tables.crossTab(ONE_SMALL_CELL);
        CrossTab published = Disclosure.suppress(exact, 5);

        assertThat(published.rows()).isEqualTo(exact.rows());
        assertThat(published.columns()).isEqualTo(exact.columns());
        assertThat(published.rowDimension()).isEqualTo(Dimension.GOVERNORATE);
        assertThat(published.columnDimension()).isEqualTo(Dimension.PERPETRATOR);
    }

    /** Every withheld figure stays withheld for a brute-force reader, and published figures are exact. */
    static void assertProtected(CrossTab exact, CrossTab published) {
        assertThat(Disclosure.isProtected(published))
                .as("every line has 0 or at least 2 withheld figures")
                .isTrue();
        assertThat(Reader.exposed(exact, published, 20))
                .as("withheld figures a reader can work out")
                .isEmpty();
        List<OptionalLong> exactFigures = FigureGrid.of(exact).figures();
        List<OptionalLong> publishedFigures = FigureGrid.of(published).figures();
        for (int i = 0; i < exactFigures.size(); i++) {
            if (publishedFigures.get(i).isPresent()) {
                assertThat(publishedFigures.get(i)).as("figure %d", i).isEqualTo(exactFigures.get(i));
            }
        }
    }

    /** What a naive "withhold counts below k" gives, for comparison. */
    private static CrossTab primaryOnly(CrossTab exact, int k) {
        List<OptionalLong> figures = FigureGrid.of(exact).figures().stream()
                .map(f -> f.getAsLong() >= 1 && f.getAsLong() < k ? OptionalLong.empty() : f)
                .toList();
        return FigureGrid.crossTab(exact, DisclosureProfile.PUBLIC, figures);
    }
}
