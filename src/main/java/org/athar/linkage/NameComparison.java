package org.athar.linkage;

import java.util.List;

/**
 * The name part of a comparison: first, father's and family name compared over both scripts and the usual word
 * orders; the reading kept is the one whose parts agree best (agreements, then close words; a straight reading wins
 * a tie). The reading does not depend on the model's weights, so the comparison vector the model is estimated on is
 * the one it scores. Allocation-free: a reading is packed into one int.
 */
final class NameComparison {

    /** 0: as written; 1: family name written first; 2: family name written last of a family-first name; 3: first and father swapped. */
    static final int ORDERS = 4;

    static final int NONE = -1;

    private NameComparison() {}

    /**
     * The best reading of two names, packed (see {@link #level}, {@link #order}, {@link #spellingA},
     * {@link #spellingB}), or {@link #NONE} when one of them has no name.
     */
    static int best(LinkRecord a, LinkRecord b) {
        // Two names both in Arabic letters are compared as written: a Latin reading must not hide that محمد is not
        // محمود.
        boolean arabic = !a.vowels().isEmpty() && !b.vowels().isEmpty();
        int best = NONE;
        int bestRank = Integer.MIN_VALUE;
        for (int sa = 0; sa < 2; sa++) {
            List<String> x = spelling(a, sa, arabic);
            if (x == null) {
                continue;
            }
            for (int sb = 0; sb < 2; sb++) {
                List<String> y = spelling(b, sb, arabic);
                if (y == null) {
                    continue;
                }
                List<String> xv = sa == 0 ? a.vowels() : List.of();
                List<String> yv = sb == 0 ? b.vowels() : List.of();
                boolean vowels = !xv.isEmpty() && !yv.isEmpty();
                for (int order = 0; order < ORDERS; order++) {
                    int n = y.size();
                    if (order > 0 && (n < 2 || (order == 3 && n < 3))) {
                        continue;
                    }
                    int first = part(x, y, xv, yv, vowels, 0, index(n, order, 0));
                    int father = part(x, y, xv, yv, vowels, 1, index(n, order, 1));
                    int family = part(x, y, xv, yv, vowels, 2, index(n, order, 2));
                    int rank = (rank(first) + rank(father) + rank(family)) * 2 - (order > 0 ? 1 : 0);
                    if (rank > bestRank) {
                        bestRank = rank;
                        best = (first + 1) | (father + 1) << 2 | (family + 1) << 4 | order << 6 | sa << 8 | sb << 9;
                    }
                }
            }
        }
        return best;
    }

    /** The level of a name part (0 first, 1 father, 2 family) in a packed reading, -1 when missing. */
    static int level(int reading, int part) {
        return ((reading >>> (2 * part)) & 3) - 1;
    }

    static int order(int reading) {
        return (reading >>> 6) & 3;
    }

    static int spellingA(int reading) {
        return (reading >>> 8) & 1;
    }

    static int spellingB(int reading) {
        return (reading >>> 9) & 1;
    }

    /** The words of a record's spelling: 0 the name as written, 1 its Latin spelling; null when there is none. */
    static List<String> spelling(LinkRecord r, int s, boolean asWritten) {
        if (s == 0) {
            return r.name().isEmpty() ? null : r.name();
        }
        if (asWritten || r.latin().isEmpty() || r.latin().equals(r.name())) {
            return null;
        }
        return r.latin();
    }

    /** The word of part {@code part} (0 first, 1 father, 2 family) of a name of {@code n} words read in {@code order}. */
    static int index(int n, int order, int part) {
        if (part == 1 && n < 3 || part == 2 && n < 2 || n == 0) {
            return -1;
        }
        return switch (order) {
            case 0 -> part == 0 ? 0 : part == 1 ? 1 : n - 1;
            case 1 -> part == 0 ? 1 : part == 1 ? 2 : 0;
            case 2 -> part == 0 ? n - 1 : part == 1 ? 0 : n - 2;
            default -> part == 0 ? 1 : part == 1 ? 0 : n - 1;
        };
    }

    private static int part(
            List<String> x, List<String> y, List<String> xv, List<String> yv, boolean vowels, int part, int yi) {
        int xi = index(x.size(), 0, part);
        if (xi < 0 || yi < 0) {
            return Comparison.MISSING;
        }
        NameWords.Level level =
                NameWords.level(x.get(xi), y.get(yi), vowels ? xv.get(xi) : null, vowels ? yv.get(yi) : null);
        return switch (level) {
            case AGREE -> Comparison.AGREE;
            case CLOSE -> Comparison.CLOSE;
            case DISAGREE -> Comparison.DISAGREE;
        };
    }

    private static int rank(int level) {
        return switch (level) {
            case Comparison.AGREE -> 4;
            case Comparison.CLOSE -> 2;
            case Comparison.MISSING -> 1;
            default -> 0;
        };
    }
}
