package org.athar.linkage;

/**
 * The two thresholds on a pair's score: at or above {@code auto} the reports are linked automatically; from
 * {@code review} up to {@code auto} the pair waits in the review queue; below {@code review} it is not kept.
 */
public record LinkagePolicy(double auto, double review) {

    /** Thresholds chosen on the demo data's known truth (docs/linkage.md gives the precision and recall). */
    public static final LinkagePolicy DEFAULT = new LinkagePolicy(15.0, 12.0);

    public LinkagePolicy {
        if (!(review < auto)) {
            throw new IllegalArgumentException(
                    "the review threshold " + review + " must be below the automatic " + "threshold " + auto);
        }
    }

    /**
     * The probability that a pair is one person, from its match weight (log2 of the posterior odds):
     * 1 / (1 + 2^-weight).
     */
    public static double probability(double weight) {
        return 1.0 / (1.0 + Math.pow(2.0, -weight));
    }

    /** {@code AUTO}, {@code PENDING}, or {@code null} when the pair is not worth keeping. */
    public Decision decisionFor(double score) {
        return score >= auto ? Decision.AUTO : score >= review ? Decision.PENDING : null;
    }
}
