package org.athar.analytics;

import java.util.Random;
import org.athar.search.Dimension;

/** Small random exact cross-tabs and breakdowns that mix zeros, small counts and large counts, from a fixed seed. */
final class RandomTables {

    private final Random random;

    RandomTables(long seed) {
        this.random = new Random(seed);
    }

    CrossTab crossTab(int maxRows, int maxColumns) {
        long[][] cells = new long[1 + random.nextInt(maxRows)][1 + random.nextInt(maxColumns)];
        for (long[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                row[c] = count();
            }
        }
        boolean time = random.nextBoolean();
        return Tables.crossTab(
                Dimension.GOVERNORATE, time ? Dimension.YEAR : Dimension.PERPETRATOR, time ? count() : 0, cells);
    }

    Breakdown breakdown(int maxBuckets) {
        long[] counts = new long[1 + random.nextInt(maxBuckets)];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = count();
        }
        boolean time = random.nextBoolean();
        return Tables.breakdown(time ? Dimension.MONTH : Dimension.STATUS, time ? count() : 0, counts);
    }

    int k() {
        int[] ks = {1, 2, 3, 5, 5, 5, 5, 10};
        return ks[random.nextInt(ks.length)];
    }

    /** A third zeros, a third small counts, a third counts up to 40. */
    private long count() {
        return switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(9);
            default -> random.nextInt(41);
        };
    }
}
