package org.athar.linkage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Estimates a {@link LinkageModel} from the reports themselves, the one entry point of the full re-link and of the
 * evaluation. u: the level shares among a deterministic sample of random pairs (all pairs when there are fewer),
 * add-one smoothed. m: expectation–maximisation over the pairs blocking proposes, run on the counts of their
 * distinct comparison patterns (as fastLink does), so it needs little time and memory. Blocking only proposes pairs
 * that share two name words, a governorate and a two-year window, so among blocked pairs the levels of different
 * persons are far from their random-pair shares: the E-step uses the blocked non-matches' own level shares, estimated
 * by the same EM, and the random-pair u is kept for the final weights. The prior is the blocked pairs' match share
 * times blocked pairs over all pairs: the probability that two reports drawn at random are one person. Reviewers'
 * decisions fix a pair's posterior (confirmed 1, rejected 0). Pure: no engine, no I/O.
 */
public final class ModelEstimator {

    static final long RANDOM_PAIRS = 1_000_000;
    static final long SEED = 20_110_315L;
    /** Blocked pairs beyond about this many are sampled by block. */
    static final long BLOCKED_LIMIT = 4_000_000;
    /** Fewer blocked pairs than this and the default model is kept. */
    public static final int MIN_BLOCKED = 200;

    static final int MAX_ITERATIONS = 100;
    static final double TOLERANCE = 1e-6;

    /** A reviewer's decision on the pair of records {@code a}, {@code b} (indices): one person or not. */
    public record Reviewed(int a, int b, boolean same) {}

    private ModelEstimator() {}

    public static LinkageModel estimate(
            List<LinkRecord> records, Linker blocking, List<Reviewed> reviewed, Instant at) {
        int n = records.size();
        int[] levels = new int[Comparison.COUNT];
        double[][] u = counts();
        long randomPairs = randomPairs(records, u, levels);
        double[][] seenAtRandom = new double[Comparison.COUNT][];
        for (int k = 0; k < Comparison.COUNT; k++) {
            seenAtRandom[k] = u[k].clone();
        }
        smooth(u, 1);

        Set<Long> decided = new HashSet<>();
        for (Reviewed r : reviewed) {
            decided.add(key(r.a(), r.b()));
        }
        Map<Integer, long[]> patterns = new HashMap<>();
        long[] visited = {0};
        double rate = blocking.blocked(
                records,
                null,
                BLOCKED_LIMIT,
                (i, j) -> {
                    if (decided.contains(key(i, j))) {
                        return;
                    }
                    PairLevels.fill(records.get(i), records.get(j), levels);
                    patterns.computeIfAbsent(Comparison.pack(levels), k -> new long[1])[0]++;
                    visited[0]++;
                },
                done -> {});
        long blockedPairs = Math.round(visited[0] / rate) + reviewed.size();
        if (visited[0] + reviewed.size() < MIN_BLOCKED) {
            return keptDefault(0, false, blockedPairs, randomPairs, reviewed.size(), at, "few_pairs");
        }
        List<int[]> vectors = new ArrayList<>(patterns.size() + reviewed.size());
        List<Double> weights = new ArrayList<>(patterns.size() + reviewed.size());
        List<Double> fixed = new ArrayList<>(patterns.size() + reviewed.size());
        for (Map.Entry<Integer, long[]> p : patterns.entrySet()) {
            int[] v = new int[Comparison.COUNT];
            Comparison.unpack(p.getKey(), v);
            vectors.add(v);
            weights.add((double) p.getValue()[0]);
            fixed.add(Double.NaN);
        }
        for (Reviewed r : reviewed) {
            int[] v = new int[Comparison.COUNT];
            PairLevels.fill(records.get(r.a()), records.get(r.b()), v);
            vectors.add(v);
            weights.add(1.0);
            fixed.add(r.same() ? 1.0 : 0.0);
        }
        Em em = new Em(vectors, weights, fixed);
        em.run();
        // A level seen neither among random pairs nor among blocked ones (every report says "missing": the status
        // never disagrees) carries no evidence: its weight is 0, not the ratio of two smoothing terms.
        for (int k = 0; k < Comparison.COUNT; k++) {
            for (int l = 0; l < u[k].length; l++) {
                if (seenAtRandom[k][l] == 0 && em.blockedCount(k, l) == 0) {
                    em.m[k][l] = u[k][l];
                }
            }
        }
        double allPairs = (double) n * (n - 1) / 2;
        double lambda = Math.min(0.5, Math.max(1e-12, em.p * blockedPairs / allPairs));
        if (!plausible(em.m, u)) {
            // EM found some other kind of pair than "one person": on a collection with few true duplicates it can
            // settle on relatives (shared family name, different father's name), and such a model would link
            // millions of pairs. The default model links on evidence a reviewer would accept.
            return keptDefault(
                    em.iterations, em.converged, blockedPairs, randomPairs, reviewed.size(), at, IMPLAUSIBLE);
        }
        return LinkageModel.of(
                lambda,
                em.m,
                u,
                em.iterations,
                em.converged,
                blockedPairs,
                randomPairs,
                reviewed.size(),
                at,
                false,
                rate < 1 ? "sampled_blocks" : "");
    }

    /** The default model, kept instead of an estimate, with what the estimation saw and why ({@code note}). */
    private static LinkageModel keptDefault(
            int iterations,
            boolean converged,
            long blockedPairs,
            long randomPairs,
            int reviewed,
            Instant at,
            String note) {
        LinkageModel d = LinkageModel.DEFAULT;
        return new LinkageModel(
                d.lambda(),
                d.comparisons(),
                iterations,
                converged,
                blockedPairs,
                randomPairs,
                reviewed,
                at,
                true,
                note);
    }

    /** The note of a default model kept because the estimate was not a model of "one person". */
    public static final String IMPLAUSIBLE = "implausible";

    /** Name parts whose agreement must count for a match in any model of "one person". */
    private static final List<Comparison> NAME_PARTS =
            List.of(Comparison.FIRST_NAME, Comparison.FATHER_NAME, Comparison.FAMILY_NAME);

    /**
     * Whether an estimate describes one person documented twice: agreeing on each part of the name is more likely for
     * such a pair than for two reports at random (a positive weight). A model in which an agreeing first, father's or
     * family name counts against a match has learned some other relation.
     */
    static boolean plausible(double[][] m, double[][] u) {
        for (Comparison c : NAME_PARTS) {
            int k = c.ordinal();
            if (!(m[k][Comparison.AGREE] > u[k][Comparison.AGREE])) {
                return false;
            }
        }
        return true;
    }

    /** Counts the levels of random pairs into {@code u}: all pairs when there are at most {@link #RANDOM_PAIRS}. */
    private static long randomPairs(List<LinkRecord> records, double[][] u, int[] levels) {
        int n = records.size();
        long all = (long) n * (n - 1) / 2;
        if (all <= RANDOM_PAIRS) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    count(records.get(i), records.get(j), u, levels);
                }
            }
            return all;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (long k = 0; k < RANDOM_PAIRS; k++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n - 1);
            count(records.get(i), records.get(j >= i ? j + 1 : j), u, levels);
        }
        return RANDOM_PAIRS;
    }

    private static void count(LinkRecord a, LinkRecord b, double[][] u, int[] levels) {
        PairLevels.fill(a, b, levels);
        for (int k = 0; k < Comparison.COUNT; k++) {
            if (levels[k] >= 0) {
                u[k][levels[k]]++;
            }
        }
    }

    static double[][] counts() {
        double[][] c = new double[Comparison.COUNT][];
        for (Comparison k : Comparison.ALL) {
            c[k.ordinal()] = new double[k.size()];
        }
        return c;
    }

    /** Turns counts into shares, adding {@code plus} to every level's count. */
    static void smooth(double[][] counts, double plus) {
        for (double[] c : counts) {
            double sum = 0;
            for (double x : c) {
                sum += x + plus;
            }
            for (int l = 0; l < c.length; l++) {
                c[l] = (c[l] + plus) / sum;
            }
        }
    }

    private static long key(int i, int j) {
        return i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
    }

    /** The two-class mixture over pattern counts: m (one person) and the blocked non-matches' level shares. */
    static final class Em {
        final List<int[]> vectors;
        final List<Double> counts;
        final List<Double> fixed;
        double p = 0.1;
        double[][] m = counts();
        double[][] nonMatch = counts();
        int iterations;
        boolean converged;

        Em(List<int[]> vectors, List<Double> counts, List<Double> fixed) {
            this.vectors = vectors;
            this.counts = counts;
            this.fixed = fixed;
            LinkageModel d = LinkageModel.DEFAULT;
            for (Comparison c : Comparison.ALL) {
                for (int l = 0; l < c.size(); l++) {
                    m[c.ordinal()][l] = d.m(c, l);
                }
            }
            // The non-matches start from the blocked pairs' own level shares (most blocked pairs are not one person).
            for (int v = 0; v < vectors.size(); v++) {
                int[] levels = vectors.get(v);
                for (int k = 0; k < Comparison.COUNT; k++) {
                    if (levels[k] >= 0) {
                        nonMatch[k][levels[k]] += counts.get(v);
                    }
                }
            }
            smooth(nonMatch, 1);
            smooth(m, 0);
        }

        void run() {
            double[] posterior = new double[vectors.size()];
            while (iterations < MAX_ITERATIONS && !converged) {
                iterations++;
                for (int v = 0; v < vectors.size(); v++) {
                    double f = fixed.get(v);
                    posterior[v] = Double.isNaN(f) ? posterior(vectors.get(v)) : f;
                }
                double[][] mNext = counts();
                double[][] nNext = counts();
                double matches = 0;
                double total = 0;
                for (int v = 0; v < vectors.size(); v++) {
                    double c = counts.get(v);
                    double g = posterior[v];
                    matches += c * g;
                    total += c;
                    int[] levels = vectors.get(v);
                    for (int k = 0; k < Comparison.COUNT; k++) {
                        if (levels[k] >= 0) {
                            mNext[k][levels[k]] += c * g;
                            nNext[k][levels[k]] += c * (1 - g);
                        }
                    }
                }
                smooth(mNext, 1);
                smooth(nNext, 1);
                double pNext = matches / total;
                double delta = Math.abs(pNext - p);
                delta = Math.max(delta, change(m, mNext));
                delta = Math.max(delta, change(nonMatch, nNext));
                p = pNext;
                m = mNext;
                nonMatch = nNext;
                converged = delta < TOLERANCE;
            }
        }

        /** How many blocked pairs (and reviewed ones) show level {@code l} of comparison {@code k}. */
        double blockedCount(int k, int l) {
            double n = 0;
            for (int v = 0; v < vectors.size(); v++) {
                if (vectors.get(v)[k] == l) {
                    n += counts.get(v);
                }
            }
            return n;
        }

        private double posterior(int[] levels) {
            // In logs: a pattern's likelihoods are products of up to eleven shares.
            double lm = Math.log(p);
            double ln = Math.log(1 - p);
            for (int k = 0; k < Comparison.COUNT; k++) {
                if (levels[k] >= 0) {
                    lm += Math.log(m[k][levels[k]]);
                    ln += Math.log(nonMatch[k][levels[k]]);
                }
            }
            return 1 / (1 + Math.exp(ln - lm));
        }

        private static double change(double[][] a, double[][] b) {
            double d = 0;
            for (int k = 0; k < a.length; k++) {
                for (int l = 0; l < a[k].length; l++) {
                    d = Math.max(d, Math.abs(a[k][l] - b[k][l]));
                }
            }
            return d;
        }
    }
}
