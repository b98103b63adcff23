package org.athar.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.athar.report.Place;

/**
 * Finds and scores candidate pairs: blocking (reports that could be the same person are compared, the others
 * never), then scoring, keeping every pair at or above the policy's review threshold. Pure: no engine, no I/O.
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

    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

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

    /** Every pair among {@code records} worth keeping, highest score first, each with its explanation. */
    public List<ScoredPair> candidates(List<LinkRecord> records) {
        return candidates(records, done -> {});
    }

    /** As {@link #candidates(List)}, telling {@code progress} how many records have been compared so far. */
    public List<ScoredPair> candidates(List<LinkRecord> records, LongConsumer progress) {
        PairScorer scorer = new PairScorer(NameFrequencies.of(records));
        List<ScoredPair> out = new ArrayList<>();
        pairs(records, null, scorer, (a, b, score) -> out.add(scorer.score(records.get(a), records.get(b))), progress);
        out.sort(Comparator.comparingDouble(ScoredPair::score).reversed().thenComparing(ScoredPair::id));
        return out;
    }

    /**
     * Calls {@code sink} once for every pair of {@code records} scoring at or above the review threshold; when
     * {@code fresh} is given, only for pairs with at least one fresh record (incremental linking).
     */
    public void pairs(List<LinkRecord> records, BitSet fresh, PairScorer scorer, PairSink sink, LongConsumer progress) {
        int n = records.size();
        if (n > INDEX_MASK) {
            throw new IllegalArgumentException("at most " + INDEX_MASK + " reports can be linked at once, got " + n);
        }
        long[][] keysOf = new long[n][];
        int entries = 0;
        for (int i = 0; i < n; i++) {
            keysOf[i] = keys(records.get(i));
            entries += keysOf[i].length;
        }
        long[] sorted = new long[entries];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (long k : keysOf[i]) {
                sorted[e++] = (k << INDEX_BITS) | i;
            }
        }
        Arrays.sort(sorted);
        Map<String, Integer> governorates = new HashMap<>();
        int[] gov = new int[n];
        for (int i = 0; i < n; i++) {
            String g = records.get(i).governorate();
            gov[i] = Place.UNKNOWN.equals(g) ? -1 : governorates.computeIfAbsent(g, x -> governorates.size());
        }
        int start = 0;
        long lastReport = 0;
        while (start < entries) {
            long key = sorted[start] >>> INDEX_BITS;
            int end = start + 1;
            while (end < entries && (sorted[end] >>> INDEX_BITS) == key) {
                end++;
            }
            if (end - start > 1) {
                int[] members = new int[end - start];
                for (int m = 0; m < members.length; m++) {
                    members[m] = (int) (sorted[start + m] & INDEX_MASK);
                }
                block(key, members, records, keysOf, gov, fresh, scorer, sink);
            }
            start = end;
            long done = (long) start * n / entries;
            if (done - lastReport >= 10_000 || start == entries) {
                progress.accept(done);
                lastReport = done;
            }
        }
    }

    private void block(
            long key,
            int[] members,
            List<LinkRecord> records,
            long[][] keysOf,
            int[] gov,
            BitSet fresh,
            PairScorer scorer,
            PairSink sink) {
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
            for (int y = x + 1; y < order.length; y++) {
                int j = order[y];
                if (gov[i] != -1 && gov[j] != gov[i]) {
                    break; // sorted by governorate: no later one matches
                }
                LinkRecord b = records.get(j);
                if (a.dateStart() != null
                        && b.dateStart() != null
                        && b.dateStart().isAfter(a.dateEnd().plusDays(MAX_DATE_GAP_DAYS))) {
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
                double score = scorer.quickScore(a, b);
                if (score >= policy.review()) {
                    sink.accept(i, j, score);
                }
            }
        }
    }

    private static boolean tooFarApart(LinkRecord a, LinkRecord b) {
        if (a.dateStart() == null || b.dateStart() == null) {
            return false;
        }
        LocalDate s1 = a.dateStart();
        LocalDate s2 = b.dateStart();
        return PairScorer.gapDays(s1, a.dateEnd(), s2, b.dateEnd()) > MAX_DATE_GAP_DAYS;
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
