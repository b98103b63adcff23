package org.athar.linkage;

import java.util.List;

/** A candidate pair as the scorer sees it: the two records, the total score and the features that make it up. */
public record ScoredPair(LinkRecord a, LinkRecord b, double score, List<Feature> features) {

    public ScoredPair {
        features = List.copyOf(features);
    }

    /** The probability that the two reports are one person (the score is the pair's match weight). */
    public double probability() {
        return LinkagePolicy.probability(score);
    }

    public String id() {
        return CandidatePair.idOf(a.id(), b.id());
    }
}
