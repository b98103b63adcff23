package org.athar.linkage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fellegi–Sunter model record linkage scores pairs with: the prior {@code lambda} (the probability that two
 * reports drawn at random are one person) and, per comparison, each level's m (its share among pairs of one person),
 * u (among random pairs) and partial weight log2(m/u). Estimated from the reports at each full re-link
 * ({@link ModelEstimator}); {@link #DEFAULT} before any estimate. Holds levels, never a name.
 */
public record LinkageModel(
        double lambda,
        List<ComparisonModel> comparisons,
        int iterations,
        boolean converged,
        long blockedPairs,
        long randomPairs,
        long reviewedPairs,
        Instant estimatedAt,
        boolean isDefault,
        String note) {

    /** One comparison (e.g. {@code first_name}) and its levels. */
    public record ComparisonModel(String code, List<LevelModel> levels) {
        public ComparisonModel {
            levels = List.copyOf(levels);
        }
    }

    /** One level (e.g. {@code agree}): m, u and the partial weight log2(m/u) it adds to a pair's match weight. */
    public record LevelModel(String code, double m, double u, double weight) {}

    public LinkageModel {
        comparisons = List.copyOf(comparisons);
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("the prior must lie strictly between 0 and 1, got " + lambda);
        }
        if (comparisons.size() != Comparison.COUNT) {
            throw new IllegalArgumentException(
                    "a model needs " + Comparison.COUNT + " comparisons, got " + comparisons.size());
        }
    }

    /** log2 of the prior odds: the match weight of a pair before anything is compared. */
    public double priorWeight() {
        return log2(lambda / (1 - lambda));
    }

    double m(Comparison c, int level) {
        return comparisons.get(c.ordinal()).levels().get(level).m();
    }

    double u(Comparison c, int level) {
        return comparisons.get(c.ordinal()).levels().get(level).u();
    }

    double weight(Comparison c, int level) {
        return comparisons.get(c.ordinal()).levels().get(level).weight();
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** A model from m and u per comparison and level ({@code m[k][l]}), weights log2(m/u). */
    static LinkageModel of(
            double lambda,
            double[][] m,
            double[][] u,
            int iterations,
            boolean converged,
            long blocked,
            long random,
            long reviewed,
            Instant at,
            boolean isDefault,
            String note) {
        List<ComparisonModel> out = new ArrayList<>(Comparison.COUNT);
        for (Comparison c : Comparison.ALL) {
            List<LevelModel> levels = new ArrayList<>(c.size());
            for (int l = 0; l < c.size(); l++) {
                double mk = m[c.ordinal()][l];
                double uk = u[c.ordinal()][l];
                levels.add(new LevelModel(c.levels.get(l), mk, uk, log2(mk / uk)));
            }
            out.add(new ComparisonModel(c.code, levels));
        }
        return new LinkageModel(lambda, out, iterations, converged, blocked, random, reviewed, at, isDefault, note);
    }

    /**
     * The model before any estimate: m and u set by hand so that the weights are close to the hand-set weights Athar
     * used before the model was estimated (docs/linkage.md).
     */
    public static final LinkageModel DEFAULT = of(
            Math.pow(2, -10.75) / (1 + Math.pow(2, -10.75)),
            new double[][] {
                {0.95, 0.03, 0.02}, // first name: agree (weighed by the name's frequency), close, disagree
                {0.90, 0.04, 0.06},
                {0.93, 0.03, 0.04},
                {0.92, 0.08}, // name order: straight, transposed
                {0.9999, 0.0001}, // gender: a disagreement is never linked automatically
                {0.80, 0.14, 0.04, 0.02}, // age: ≤ 1 year, 2–3, 4–6, more
                {0.45, 0.25, 0.20, 0.06, 0.03, 0.01}, // date
                {0.97, 0.03},
                {0.80, 0.20},
                {0.80, 0.20},
                {0.70, 0.30},
                {0.50, 0.50} // source: no evidence until estimated
            },
            new double[][] {
                {0.04, 0.01, 0.95},
                {0.04, 0.01, 0.95},
                {0.04, 0.01, 0.95},
                {0.70, 0.30},
                {0.70, 0.30},
                {0.27, 0.14, 0.16, 0.43},
                {0.04, 0.12, 0.05, 0.06, 0.25, 0.48},
                {0.5, 0.5},
                {0.26, 0.74},
                {0.56, 0.44},
                {0.57, 0.43},
                {0.50, 0.50}
            },
            0,
            false,
            0,
            0,
            0,
            Instant.EPOCH,
            true,
            "default");
}
