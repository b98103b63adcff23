package org.athar.linkage;

/**
 * The two thresholds on the probability that a pair is one person (from its match weight, the pair's score): at or
 * above {@code auto} the reports are linked automatically; from {@code review} up to {@code auto} the pair waits in
 * the review queue; below {@code review} it is not kept.
 */
public record LinkagePolicy(double auto, double review) {

    /** Linked automatically from a probability of 0.95, reviewed from 0.5 (docs/linkage.md gives the figures). */
    public static final LinkagePolicy DEFAULT = new LinkagePolicy(0.95, 0.5);

    public LinkagePolicy {
        if (!(review > 0 && review < auto && auto <= 1)) {
            throw new IllegalArgumentException(
                    "the thresholds are probabilities: 0 < review (" + review + ") < automatic (" + auto + ") <= 1");
        }
    }

    /**
     * The probability that a pair is one person, from its match weight (log2 of the posterior odds):
     * 1 / (1 + 2^-weight).
     */
    public static double probability(double weight) {
        return 1.0 / (1.0 + Math.pow(2.0, -weight));
    }

    /** {@code AUTO}, {@code PENDING}, or {@code null} when the pair is not worth keeping; {@code score} is a match weight. */
    public Decision decisionFor(double score) {
        double p = probability(score);
        return p >= auto ? Decision.AUTO : p >= review ? Decision.PENDING : null;
    }

    /** The lowest match weight kept for review: log2(review / (1 − review)). */
    public double reviewWeight() {
        return weightOf(review);
    }

    /** The lowest match weight linked automatically (infinite for a threshold of 1). */
    public double autoWeight() {
        return weightOf(auto);
    }

    private static double weightOf(double p) {
        return Math.log(p / (1 - p)) / Math.log(2);
    }
}
