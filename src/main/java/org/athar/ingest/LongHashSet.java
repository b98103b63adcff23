package org.athar.ingest;

import java.util.Arrays;

/**
 * A set of 64-bit keys in one long array (open addressing): the report ids seen in a batch, 16 bytes each instead
 * of a String and a boxed entry, so a 1 M-row import stays small.
 */
final class LongHashSet {

    private static final long EMPTY = 0L;
    private long[] slots = new long[1 << 12];
    private int size;
    private boolean hasZero;

    /** Adds the key; true if it was not there before. */
    boolean add(long key) {
        if (key == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == key) {
                return false;
            }
            if (slots[i] == EMPTY) {
                slots[i] = key;
                size++;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        Arrays.stream(old).filter(k -> k != EMPTY).forEach(this::add);
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
