package org.athar.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.OptionalLong;
import org.athar.search.Dimension;
import org.junit.jupiter.api.Test;

/** Suppression of one-dimensional breakdowns (k = 5 unless a test says otherwise); -1 below stands for "withheld". */
class DisclosureBreakdownTest {

    @Test
    void a_single_small_bucket_is_withheld_with_the_smallest_other_non_zero_bucket() {
        Breakdown exact = Tables.breakdown(40, 3, 25, 0, 12);
        Breakdown published = Disclosure.suppress(exact, 5);

        assertThat(Tables.publishedBuckets(published)).containsExactly(40, -1, 25, 0, -1);
        assertThat(published.total()).hasValue(80);
        assertThat(published.imprecise()).hasValue(0);
        assertThat(published.profile()).isEqualTo(DisclosureProfile.PUBLIC);
        assertProtected(exact, published);
    }

    @Test
    void several_small_buckets_protect_each_other_without_withholding_a_large_one() {
        Breakdown published = Disclosure.suppress(Tables.breakdown(40, 2, 3, 25), 5);

        assertThat(Tables.publishedBuckets(published)).containsExactly(40, -1, -1, 25);
        assertThat(published.total()).hasValue(70);
    }

    @Test
    void a_small_imprecise_count_on_a_time_dimension_is_withheld_with_the_smallest_period() {
        Breakdown exact = Tables.breakdown(Dimension.YEAR, 3, 12, 30, 0, 7);
        Breakdown published = Disclosure.suppress(exact, 5);

        assertThat(published.imprecise()).isEmpty();
        assertThat(Tables.publishedBuckets(published)).containsExactly(12, 30, 0, -1);
        assertThat(published.total()).hasValue(52);
        assertProtected(exact, published);
    }

    @Test
    void a_small_grand_total_is_withheld_with_every_non_zero_bucket_and_zeros_stay_visible() {
        Breakdown published = Disclosure.suppress(Tables.breakdown(2, 0, 1), 5);

        assertThat(Tables.publishedBuckets(published)).containsExactly(-1, 0, -1);
        assertThat(published.total()).isEmpty();
        assertThat(published.imprecise()).hasValue(0);
        assertThat(Disclosure.isProtected(published)).isTrue();
    }

    @Test
    void zero_buckets_are_published_and_never_taken_as_the_complement_while_a_non_zero_one_is_left() {
        Breakdown published = Disclosure.suppress(Tables.breakdown(0, 12, 0, 4, 9), 5);

        assertThat(Tables.publishedBuckets(published)).containsExactly(0, 12, 0, -1, -1);
    }

    @Test
    void a_breakdown_without_small_counts_is_published_whole() {
        Breakdown exact = Tables.breakdown(Dimension.MONTH, 7, 5, 0, 19, 120);
        Breakdown published = Disclosure.suppress(exact, 5);

        assertThat(published.buckets()).isEqualTo(exact.buckets());
        assertThat(published.total()).isEqualTo(exact.total());
        assertThat(published.imprecise()).isEqualTo(exact.imprecise());
    }

    @Test
    void keys_labels_and_the_order_of_buckets_are_kept() {
        Breakdown exact = Tables.breakdown(Dimension.YEAR, 0, 9, 1, 0, 30);
        Breakdown published = Disclosure.suppress(exact, 5);

        assertThat(published.buckets())
                .extracting(Bucket::heading)
                .isEqualTo(exact.buckets().stream().map(Bucket::heading).toList());
        assertThat(published.dimension()).isEqualTo(Dimension.YEAR);
    }

    @Test
    void figures_that_are_not_exact_internal_counts_are_refused_with_the_reason() {
        Breakdown exact = Tables.breakdown(40, 3, 25);
        Breakdown alreadyPublic = Disclosure.suppress(exact, 5);
        Breakdown missing = new Breakdown(
                Dimension.STATUS,
                DisclosureProfile.INTERNAL,
                OptionalLong.of(10),
                OptionalLong.of(0),
                List.of(new Bucket("missing", "Missing", OptionalLong.empty())));
        Breakdown notAddingUp = new Breakdown(
                Dimension.STATUS,
                DisclosureProfile.INTERNAL,
                OptionalLong.of(10),
                OptionalLong.of(0),
                List.of(new Bucket("missing", "Missing", OptionalLong.of(8))));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Disclosure.suppress(alreadyPublic, 5))
                .withMessageContaining("already public");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Disclosure.suppress(missing, 5))
                .withMessageContaining("missing figure");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Disclosure.suppress(notAddingUp, 5))
                .withMessageContaining("add up to 8 but their total is 10");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Disclosure.suppress(exact, 0))
                .withMessageContaining("athar.disclosure.k");
    }

    private static void assertProtected(Breakdown exact, Breakdown published) {
        assertThat(Disclosure.isProtected(published)).isTrue();
        assertThat(Reader.exposed(exact, published, 20))
                .as("withheld figures a reader can work out")
                .isEmpty();
    }
}
