package org.athar.linkage;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * Finds and scores candidate pairs: blocking (reports that could be the same person are compared, the others
 * never), then scoring, keeping every pair at or above the policy's review threshold. Pure: no engine, no I/O.
 */
public final class Linker {

    private final LinkagePolicy policy;

    public Linker(LinkagePolicy policy) {
        this.policy = policy;
    }

    public LinkagePolicy policy() {
        return policy;
    }

    /** Every pair among {@code records} worth keeping, highest score first. */
    public List<ScoredPair> candidates(List<LinkRecord> records) {
        return candidates(records, done -> { });
    }

    /** As {@link #candidates(List)}, telling {@code progress} how many records have been compared so far. */
    public List<ScoredPair> candidates(List<LinkRecord> records, LongConsumer progress) {
        throw new UnsupportedOperationException("being built");
    }
}
