package org.athar.linkage;

import java.util.Arrays;
import java.util.List;

/**
 * How many reports carry each combination of two or three name parts (first and father's name, first and family
 * name, father's and family name, all three): the evidence that agreeing name parts are shared by a family or by
 * namesakes rather than coincidences of independent names. Holds sorted 64-bit hashes of the combinations, never a
 * name, so it costs four longs a report.
 */
final class SharedNames {

    static final SharedNames NONE = new SharedNames(new long[0]);

    /** The mark of a part that is not in a combination. */
    private static final String ANY = "\u0000";

    private final long[] keys;

    private SharedNames(long[] sortedKeys) {
        this.keys = sortedKeys;
    }

    /** The combinations of the names of {@code records}, as written (first word, second word of three, last word). */
    static SharedNames of(List<LinkRecord> records) {
        long[] all = new long[records.size() * 4];
        int n = 0;
        for (LinkRecord r : records) {
            List<String> w = r.name();
            if (w.size() < 2) {
                continue;
            }
            String first = w.get(0);
            String last = w.get(w.size() - 1);
            all[n++] = key(first, null, last);
            if (w.size() >= 3) {
                String father = w.get(1);
                all[n++] = key(first, father, last);
                all[n++] = key(first, father, null);
                all[n++] = key(null, father, last);
            }
        }
        long[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        return new SharedNames(sorted);
    }

    /** How many reports carry these parts ({@code null} for a part left out of the combination). */
    int count(String first, String father, String family) {
        long key = key(first, father, family);
        int at = Arrays.binarySearch(keys, key);
        if (at < 0) {
            return 0;
        }
        int lo = at;
        while (lo > 0 && keys[lo - 1] == key) {
            lo--;
        }
        int hi = at;
        while (hi + 1 < keys.length && keys[hi + 1] == key) {
            hi++;
        }
        return hi - lo + 1;
    }

    /** FNV-1a over the parts, separated. */
    static long key(String first, String father, String family) {
        long h = 0xcbf29ce484222325L;
        for (String part : new String[] {first, father, family}) {
            String p = part == null ? ANY : part;
            for (int i = 0; i < p.length(); i++) {
                h = (h ^ p.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ '|') * 0x100000001b3L;
        }
        return h;
    }
}
