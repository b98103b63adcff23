package org.athar.analytics;

import java.util.ArrayList;
import java.util.List;
import org.athar.analytics.FigureGrid.Line;

/**
 * Which withheld figures a reader could still work out from the published ones: through a line with one unknown left,
 * through a line whose unknowns must all be 0 (counts are never negative), and through combinations of lines (exact
 * linear algebra). The rules of {@link Suppression} look at one line at a time; this catches what only several lines
 * together give away.
 */
final class Exposure {

    private final long[] exact;
    private final List<Line> lines;
    private final boolean[] known;

    private Exposure(long[] exact, boolean[] withheld, List<Line> lines) {
        this.exact = exact;
        this.lines = lines;
        this.known = new boolean[exact.length];
        for (int i = 0; i < exact.length; i++) {
            known[i] = !withheld[i];
        }
    }

    /** For every figure, whether a reader knows it: published, or withheld but worked out. */
    static boolean[] known(long[] exact, boolean[] withheld, List<Line> lines) {
        Exposure exposure = new Exposure(exact, withheld, lines);
        boolean changed = true;
        while (changed) {
            changed = exposure.subtract() | exposure.combine();
        }
        return exposure.known;
    }

    /** One unknown left in a line, or a line whose unknowns add up to 0: those unknowns are known. */
    private boolean subtract() {
        boolean changed = false;
        for (Line line : lines) {
            List<Integer> unknown = new ArrayList<>(
                    line.members().stream().filter(i -> !known[i]).toList());
            long rest = exact[line.sum()]
                    - line.members().stream()
                            .filter(i -> known[i])
                            .mapToLong(i -> exact[i])
                            .sum();
            boolean zeros = known[line.sum()] && rest == 0;
            if (!known[line.sum()]) {
                unknown.add(line.sum());
            }
            if (!unknown.isEmpty() && (unknown.size() == 1 || zeros)) {
                unknown.forEach(i -> known[i] = true);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Row-reduces the lines over the unknowns (published figures move to the right-hand side, which does not matter
     * here): an unknown is determined exactly when a reduced row has it as its only entry.
     */
    private boolean combine() {
        List<Integer> unknowns = new ArrayList<>();
        for (int i = 0; i < known.length; i++) {
            if (!known[i]) {
                unknowns.add(i);
            }
        }
        long[][] rows = new long[lines.size()][unknowns.size()];
        for (int r = 0; r < lines.size(); r++) {
            Line line = lines.get(r);
            for (int c = 0; c < unknowns.size(); c++) {
                int figure = unknowns.get(c);
                rows[r][c] = figure == line.sum() ? -1 : line.members().contains(figure) ? 1 : 0;
            }
        }
        boolean changed = false;
        for (long[] row : reduce(rows, unknowns.size())) {
            int nonZero = 0;
            int at = -1;
            for (int c = 0; c < row.length; c++) {
                if (row[c] != 0) {
                    nonZero++;
                    at = c;
                }
            }
            if (nonZero == 1) {
                known[unknowns.get(at)] = true;
                changed = true;
            }
        }
        return changed;
    }

    /** Reduced row echelon form with whole numbers (each row divided by the gcd of its entries), pivot rows only. */
    private static List<long[]> reduce(long[][] rows, int width) {
        int pivots = 0;
        for (int c = 0; c < width && pivots < rows.length; c++) {
            int p = pivots;
            while (p < rows.length && rows[p][c] == 0) {
                p++;
            }
            if (p == rows.length) {
                continue;
            }
            long[] pivot = rows[p];
            rows[p] = rows[pivots];
            rows[pivots] = pivot;
            for (int r = 0; r < rows.length; r++) {
                if (r != pivots && rows[r][c] != 0) {
                    long factor = rows[r][c];
                    for (int j = 0; j < width; j++) {
                        rows[r][j] = Math.subtractExact(
                                Math.multiplyExact(rows[r][j], pivot[c]), Math.multiplyExact(pivot[j], factor));
                    }
                    divideByGcd(rows[r]);
                }
            }
            pivots++;
        }
        return List.of(rows).subList(0, pivots);
    }

    private static void divideByGcd(long[] row) {
        long gcd = 0;
        for (long v : row) {
            gcd = gcd(gcd, Math.abs(v));
        }
        if (gcd > 1) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= gcd;
            }
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
