package org.athar.analytics;

import java.util.List;
import java.util.OptionalLong;
import org.athar.search.Dimension;

/**
 * Reports in scope counted by one dimension. {@code total} is every report in scope; on a time dimension
 * {@code imprecise} counts those whose date is too coarse (or unknown) to place at that granularity, so the
 * buckets plus {@code imprecise} add up to {@code total}. Non-time dimensions have an {@code unknown} bucket instead
 * and {@code imprecise} 0. Empty optionals are suppressed figures ({@code public} profile).
 */
public record Breakdown(
        Dimension dimension,
        DisclosureProfile profile,
        OptionalLong total,
        OptionalLong imprecise,
        List<Bucket> buckets) {

    public Breakdown {
        buckets = List.copyOf(buckets);
    }
}
