package org.athar.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.athar.report.Place;

/**
 * The blocking keys of every record (sorted, each with the record's index in its low bits), each record's own
 * keys, and its governorate as a number (-1 unknown).
 */
record Blocking(long[] sorted, long[][] keysOf, int[] gov) {

    static Blocking of(List<LinkRecord> records) {
        int n = records.size();
        if (n > Linker.INDEX_MASK) {
            throw new IllegalArgumentException(
                    "at most " + Linker.INDEX_MASK + " reports can be linked at once, got " + n);
        }
        long[][] keysOf = new long[n][];
        int entries = 0;
        for (int i = 0; i < n; i++) {
            keysOf[i] = Linker.keys(records.get(i));
            entries += keysOf[i].length;
        }
        long[] sorted = new long[entries];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (long k : keysOf[i]) {
                sorted[e++] = (k << Linker.INDEX_BITS) | i;
            }
        }
        Arrays.sort(sorted);
        Map<String, Integer> governorates = new HashMap<>();
        int[] gov = new int[n];
        for (int i = 0; i < n; i++) {
            String g = records.get(i).governorate();
            gov[i] = Place.UNKNOWN.equals(g) ? -1 : governorates.computeIfAbsent(g, x -> governorates.size());
        }
        return new Blocking(sorted, keysOf, gov);
    }

    /** At most how many pairs the blocks between entries {@code from} and {@code to} hold. */
    long pairBound(int from, int to) {
        long bound = 0;
        for (int start = from; start < to; ) {
            int end = endOfKey(sorted, start);
            bound += (long) (end - start) * (end - start - 1) / 2;
            start = end;
        }
        return bound;
    }

    /** About {@code parts} ranges of entries, [from, to) each, whole blocks, with about as many pairs each. */
    int[][] chunks(int parts) {
        long share = Math.max(1, pairBound(0, sorted.length) / parts);
        List<int[]> out = new ArrayList<>();
        int from = 0;
        long work = 0;
        for (int start = 0; start < sorted.length; ) {
            int end = endOfKey(sorted, start);
            work += (long) (end - start) * (end - start - 1) / 2;
            start = end;
            if (work >= share || start == sorted.length) {
                out.add(new int[] {from, start});
                from = start;
                work = 0;
            }
        }
        return out.toArray(int[][]::new);
    }

    static int endOfKey(long[] sorted, int start) {
        long key = sorted[start] >>> Linker.INDEX_BITS;
        int end = start + 1;
        while (end < sorted.length && (sorted[end] >>> Linker.INDEX_BITS) == key) {
            end++;
        }
        return end;
    }
}
