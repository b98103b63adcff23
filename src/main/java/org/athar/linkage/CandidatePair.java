package org.athar.linkage;

import java.util.List;

/**
 * Two reports that may describe the same person. {@code id} is {@link #idOf(String, String)}: the same pair always
 * has the same id, whichever report came first, so a rejected pair is recognised when it is found again.
 * {@code reportA} is the smaller report id. {@code history} holds every decision, oldest first; the last one is
 * {@code decision}.
 */
public record CandidatePair(
        String id,
        String reportA,
        String reportB,
        String sourceA,
        String sourceB,
        double score,
        List<Feature> features,
        Decision decision,
        List<DecisionEvent> history) {

    public CandidatePair {
        features = List.copyOf(features);
        history = List.copyOf(history);
    }

    public static String idOf(String reportA, String reportB) {
        return reportA.compareTo(reportB) <= 0 ? reportA + "~" + reportB : reportB + "~" + reportA;
    }

    /** The probability that the two reports are one person (the score is the pair's match weight). */
    public double probability() {
        return LinkagePolicy.probability(score);
    }

    public DecisionEvent last() {
        return history.get(history.size() - 1);
    }
}
