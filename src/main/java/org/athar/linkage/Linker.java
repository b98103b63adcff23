package org.athar.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Finds and scores candidate pairs: blocking (reports that could be the same person are compared, the others
 * never), then scoring, keeping every pair whose probability reaches the policy's review threshold. The blocked
 * pairs themselves are what the model is estimated on ({@link ModelEstimator}). Pure: no engine, no I/O.
 *
 * <p>Blocking: every report gets one key per pair of words of its name skeleton (order-insensitive, from the name
 * as written and from its Latin spelling), so two reports sharing any two name words meet, whatever the word order
 * and whichever one word is misspelt. Within a key, only reports of the same governorate (or of an unknown one) and
 * with disappearance dates at most {@value #MAX_DATE_GAP_DAYS} days apart (or unknown) are scored. A pair sharing
 * several keys is scored once, in its smallest key. Keys are 40-bit hashes sorted in one {@code long[]} with the
 * record's index, so a million reports need a few tens of megabytes beyond the records themselves.
 */
public final class Linker {

    /** Reports whose dates are further apart are never compared. */
    public static final int MAX_DATE_GAP_DAYS = 730;

    static final int INDEX_BITS = 24;
    static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private final LinkagePolicy policy;

    public Linker(LinkagePolicy policy) {
        this.policy = policy;
    }

    public LinkagePolicy policy() {
        return policy;
    }

    /** Receives each pair worth keeping, by the indices of the two records in the list given and its score. */
    @FunctionalInterface
    public interface PairSink {
        void accept(int a, int b, double score);
    }

    /** Receives each blocked pair (a pair blocking proposes for comparison), by the indices of its two records. */
    @FunctionalInterface
    public interface BlockedSink {
        void accept(int a, int b);
    }

    /**
     * Every pair among {@code records} worth keeping, highest score first, each with its explanation; scored with the
     * built-in default model (tests of crafted reports; the re-link and the evaluation estimate a model first).
     */
    public List<ScoredPair> candidates(List<LinkRecord> records) {
        return candidates(records, new PairScorer(NameFrequencies.of(records)), done -> {});
    }

    /** As {@link #candidates(List)} with {@code scorer}, telling {@code progress} how many records have been compared. */
    public List<ScoredPair> candidates(List<LinkRecord> records, PairScorer scorer, LongConsumer progress) {
        List<ScoredPair> out = new ArrayList<>();
        pairs(records, null, scorer, (a, b, score) -> out.add(scorer.score(records.get(a), records.get(b))), progress);
        out.sort(Comparator.comparingDouble(ScoredPair::score).reversed().thenComparing(ScoredPair::id));
        return out;
    }

    /**
     * Calls {@code sink} once for every pair of {@code records} whose probability reaches the review threshold; when
     * {@code fresh} is given, only for pairs with at least one fresh record (incremental linking).
     */
    public void pairs(List<LinkRecord> records, BitSet fresh, PairScorer scorer, PairSink sink, LongConsumer progress) {
        double least = policy.reviewWeight();
        blocked(
                records,
                fresh,
                0,
                (i, j) -> {
                    double score = scorer.quickScore(records.get(i), records.get(j));
                    if (score >= least && policy.decisionFor(score) != null) {
                        sink.accept(i, j, score);
                    }
                },
                progress);
    }

    /**
     * As {@link #pairs} over all {@code records}, with the blocks shared out among tasks that {@code executor} runs
     * ({@code workers} at a time, so a full re-link uses every core). Each task keeps its pairs; they reach {@code sink}
     * on the calling thread in the order {@link #pairs} would give them, so the result does not depend on how many
     * workers there are.
     */
    public void pairs(
            List<LinkRecord> records,
            PairScorer scorer,
            PairSink sink,
            LongConsumer progress,
            Executor executor,
            int workers) {
        double least = policy.reviewWeight();
        Blocking blocking = Blocking.of(records);
        int[][] chunks = blocking.chunks(Math.max(1, workers) * 4);
        AtomicLong visited = new AtomicLong();
        List<CompletableFuture<PairBuffer>> tasks = new ArrayList<>(chunks.length);
        for (int[] chunk : chunks) {
            tasks.add(CompletableFuture.supplyAsync(
                    () -> {
                        PairBuffer found = new PairBuffer();
                        for (int start = chunk[0]; start < chunk[1]; ) {
                            int end = Blocking.endOfKey(blocking.sorted(), start);
                            if (end - start > 1) {
                                block(blocking, start, end, records, null, (i, j) -> {
                                    double score = scorer.quickScore(records.get(i), records.get(j));
                                    if (score >= least && policy.decisionFor(score) != null) {
                                        found.add(i, j, score);
                                    }
                                });
                            }
                            visited.addAndGet(end - start);
                            start = end;
                        }
                        return found;
                    },
                    executor));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new));
        long n = records.size();
        long entries = Math.max(1, blocking.sorted().length);
        while (!all.isDone()) {
            try {
                all.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                progress.accept(visited.get() * n / entries);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tasks.forEach(t -> t.cancel(true));
                throw new IllegalStateException("comparing the reports was interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("comparing the reports failed: " + e.getCause(), e.getCause());
            }
        }
        for (CompletableFuture<PairBuffer> t : tasks) {
            t.join().forEach(sink);
        }
        progress.accept(n);
    }

    /** Pairs found by one task, in primitive arrays: a million reports can keep a million pairs. */
    private static final class PairBuffer {
        private int[] a = new int[1024];
        private int[] b = new int[1024];
        private double[] score = new double[1024];
        private int size;

        void add(int i, int j, double s) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
                b = Arrays.copyOf(b, size * 2);
                score = Arrays.copyOf(score, size * 2);
            }
            a[size] = i;
            b[size] = j;
            score[size] = s;
            size++;
        }

        void forEach(PairSink sink) {
            for (int k = 0; k < size; k++) {
                sink.accept(a[k], b[k], score[k]);
            }
        }
    }

    /**
     * Calls {@code sink} once for every blocked pair. With {@code limit > 0} and more than about {@code limit} pairs
     * in the blocks, only a deterministic sample of the blocks is visited (each kept with the same chance); returns
     * the share of blocks visited (1 when all).
     */
    public double blocked(List<LinkRecord> records, BitSet fresh, long limit, BlockedSink sink, LongConsumer progress) {
        int n = records.size();
        Blocking blocking = Blocking.of(records);
        long[] sorted = blocking.sorted();
        int entries = sorted.length;
        double rate = 1;
        if (limit > 0) {
            long bound = blocking.pairBound(0, entries);
            rate = bound > limit ? (double) limit / bound : 1;
        }
        int start = 0;
        long lastReport = 0;
        while (start < entries) {
            long key = sorted[start] >>> INDEX_BITS;
            int end = Blocking.endOfKey(sorted, start);
            if (end - start > 1 && (rate >= 1 || sampled(key) < rate)) {
                block(blocking, start, end, records, fresh, sink);
            }
            start = end;
            long done = (long) start * n / entries;
            if (done - lastReport >= 10_000 || start == entries) {
                progress.accept(done);
                lastReport = done;
            }
        }
        return rate;
    }

    /** A number in [0, 1) drawn from the key alone, so the same blocks are sampled every time. */
    private static double sampled(long key) {
        long z = key * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return ((z ^ (z >>> 31)) >>> 11) * 0x1.0p-53;
    }

    private void block(Blocking blocking, int from, int to, List<LinkRecord> records, BitSet fresh, BlockedSink sink) {
        long[] sorted = blocking.sorted();
        long key = sorted[from] >>> INDEX_BITS;
        long[][] keysOf = blocking.keysOf();
        int[] gov = blocking.gov();
        int[] members = new int[to - from];
        for (int m = 0; m < members.length; m++) {
            members[m] = (int) (sorted[from + m] & INDEX_MASK);
        }
        // By governorate (unknown first), then by date (unknown first): a window on dates ends the inner loop early.
        Integer[] order = Arrays.stream(members).boxed().toArray(Integer[]::new);
        Arrays.sort(
                order,
                Comparator.comparingInt((Integer i) -> gov[i])
                        .thenComparing(
                                i -> records.get(i).dateStart(), Comparator.nullsFirst(Comparator.naturalOrder())));
        for (int x = 0; x < order.length; x++) {
            int i = order[x];
            LinkRecord a = records.get(i);
            // The latest start a later report may have and still be near enough in time (worked out once per report).
            LocalDate latest = a.dateStart() != null ? a.dateEnd().plusDays(MAX_DATE_GAP_DAYS) : null;
            for (int y = x + 1; y < order.length; y++) {
                int j = order[y];
                if (gov[i] != -1 && gov[j] != gov[i]) {
                    break; // sorted by governorate: no later one matches
                }
                LinkRecord b = records.get(j);
                if (latest != null && b.dateStart() != null && b.dateStart().isAfter(latest)) {
                    if (gov[i] == -1) {
                        continue; // an unknown governorate meets every governorate: later ones may start again
                    }
                    break;
                }
                if (fresh != null && !fresh.get(i) && !fresh.get(j)) {
                    continue;
                }
                if (firstSharedKey(keysOf[i], keysOf[j]) != key || tooFarApart(a, b)) {
                    continue;
                }
                sink.accept(i, j);
            }
        }
    }

    private static boolean tooFarApart(LinkRecord a, LinkRecord b) {
        if (a.dateStart() == null || b.dateStart() == null) {
            return false;
        }
        LocalDate s1 = a.dateStart();
        LocalDate s2 = b.dateStart();
        return PairLevels.gapDays(s1, a.dateEnd(), s2, b.dateEnd()) > MAX_DATE_GAP_DAYS;
    }

    private static long firstSharedKey(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return a[i];
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return -1;
    }

    /** The record's blocking keys, sorted and distinct: one per unordered pair of name words, per spelling. */
    static long[] keys(LinkRecord r) {
        long[] out = new long[pairsOf(r.name()) + pairsOf(r.latin())];
        int k = 0;
        for (List<String> words : List.of(r.name(), r.latin())) {
            if (words.size() == 1) {
                out[k++] = hash(words.get(0), "");
            }
            for (int i = 0; i < words.size(); i++) {
                for (int j = i + 1; j < words.size(); j++) {
                    String x = words.get(i);
                    String y = words.get(j);
                    out[k++] = x.compareTo(y) <= 0 ? hash(x, y) : hash(y, x);
                }
            }
        }
        return Arrays.stream(out, 0, k).sorted().distinct().toArray();
    }

    private static int pairsOf(List<String> words) {
        int n = words.size();
        return n == 1 ? 1 : n * (n - 1) / 2;
    }

    /** A 40-bit hash of two words (FNV-1a over both, separated). */
    private static long hash(String x, String y) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < x.length(); i++) {
            h = (h ^ x.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ '|') * 0x100000001b3L;
        for (int i = 0; i < y.length(); i++) {
            h = (h ^ y.charAt(i)) * 0x100000001b3L;
        }
        return (h ^ (h >>> 29)) & ((1L << (64 - INDEX_BITS)) - 1);
    }
}
