package org.athar.linkage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The pairs the linker decides itself, with the note that tells a reviewer why. */
final class AutomaticPairs {

    static final String CONFLICT_NOTE = "linking would join two reports a reviewer kept apart; review it";

    private AutomaticPairs() {}

    /** A scored pair as the linker keeps it: by the policy, or for review when linking it would cause a conflict. */
    static CandidatePair of(ScoredPair p, boolean conflict, Instant now, LinkagePolicy policy) {
        Decision d = conflict ? Decision.PENDING : policy.decisionFor(p.score());
        Thresholds t = thresholds(policy);
        String note = conflict ? CONFLICT_NOTE : "score " + p.score() + (d == Decision.AUTO ? t.auto : t.review);
        return new CandidatePair(
                p.id(),
                p.a().id(),
                p.b().id(),
                p.a().source(),
                p.b().source(),
                p.score(),
                p.features(),
                d,
                List.of(new DecisionEvent(d, PairStore.ATHAR, now, note)));
    }

    /** The end of a note for a policy's automatic links and for its pairs to review. */
    private record Thresholds(LinkagePolicy policy, String auto, String review) {}

    /** The last policy's thresholds: a full re-link writes millions of notes with the same two ends. */
    private static volatile Thresholds last;

    private static Thresholds thresholds(LinkagePolicy policy) {
        Thresholds t = last;
        if (t == null || !t.policy.equals(policy)) {
            t = new Thresholds(
                    policy,
                    " at or above " + weight(policy.autoWeight()),
                    " between " + weight(policy.reviewWeight()) + " and " + weight(policy.autoWeight()));
            last = t;
        }
        return t;
    }

    /**
     * A threshold as the match weight it stands for (the note compares the pair's score, a match weight, with it:
     * probability 0.95 is weight 4.25, 0.5 is 0).
     */
    private static String weight(double w) {
        return String.format(java.util.Locale.ROOT, "%.2f", w);
    }

    /** An automatic link sent back to review because it would join two reports a reviewer kept apart. */
    static CandidatePair sentToReview(CandidatePair p, Instant now) {
        List<DecisionEvent> history = new ArrayList<>(p.history());
        history.add(new DecisionEvent(Decision.PENDING, PairStore.ATHAR, now, CONFLICT_NOTE));
        return new CandidatePair(
                p.id(),
                p.reportA(),
                p.reportB(),
                p.sourceA(),
                p.sourceB(),
                p.score(),
                p.features(),
                Decision.PENDING,
                history);
    }
}
