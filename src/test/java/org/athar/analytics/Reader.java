package org.athar.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.athar.analytics.FigureGrid.Line;

/**
 * A reader who tries to work out withheld figures from the published ones, by brute force: every withheld figure is
 * an unknown whole number within {@code reach} of its true value (never below 0), and every line (rows, columns,
 * totals, including lines whose sum is withheld) must add up. A withheld figure is exposed if only its true value fits.
 * The bounded range keeps the search to milliseconds; a figure that cannot be moved within it counts as exposed, so
 * the check errs on the strict side.
 */
final class Reader {

    private static final long MAX_STEPS = 20_000_000;

    private final long[] exact;
    private final List<Line> lines;
    private final long reach;
    private long steps;

    private Reader(FigureGrid exactGrid, long reach) {
        this.exact =
                exactGrid.figures().stream().mapToLong(OptionalLong::getAsLong).toArray();
        this.lines = exactGrid.lines();
        this.reach = reach;
    }

    static List<Integer> exposed(Breakdown exact, Breakdown published, long reach) {
        return new Reader(FigureGrid.of(exact), reach)
                .exposed(FigureGrid.of(published).figures());
    }

    static List<Integer> exposed(CrossTab exact, CrossTab published, long reach) {
        return new Reader(FigureGrid.of(exact), reach)
                .exposed(FigureGrid.of(published).figures());
    }

    /** Positions (in the FigureGrid layout) of withheld figures that only one value fits. */
    private List<Integer> exposed(List<OptionalLong> published) {
        List<Integer> exposed = new ArrayList<>();
        for (int target = 0; target < exact.length; target++) {
            if (published.get(target).isPresent()) {
                continue;
            }
            if (!movable(target, published)) {
                exposed.add(target);
            }
        }
        return exposed;
    }

    private boolean movable(int target, List<OptionalLong> published) {
        for (long v = low(target); v <= high(target); v++) {
            if (v == exact[target]) {
                continue;
            }
            Long[] values = new Long[exact.length];
            for (int i = 0; i < exact.length; i++) {
                values[i] = published.get(i).isPresent() ? published.get(i).getAsLong() : null;
            }
            values[target] = v;
            if (solvable(values)) {
                return true;
            }
        }
        return false;
    }

    private boolean solvable(Long[] given) {
        if (++steps > MAX_STEPS) {
            throw new IllegalStateException(
                    "the brute-force reader took over " + MAX_STEPS + " steps; use a smaller table");
        }
        Long[] values = given.clone();
        if (!propagate(values)) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                for (long v = low(i); v <= high(i); v++) {
                    values[i] = v;
                    if (solvable(values)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return true;
    }

    /** Fills in every figure a line forces, and rejects assignments a line contradicts. */
    private boolean propagate(Long[] values) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Line line : lines) {
                int unknown = -1;
                int unknowns = 0;
                long members = 0;
                for (int i : line.members()) {
                    if (values[i] == null) {
                        unknown = i;
                        unknowns++;
                    } else {
                        members += values[i];
                    }
                }
                Long sum = values[line.sum()];
                if (sum != null && members > sum) {
                    return false;
                }
                if (sum == null && unknowns == 0) {
                    values[line.sum()] = members;
                    if (members < low(line.sum()) || members > high(line.sum())) {
                        return false;
                    }
                    changed = true;
                } else if (sum != null && unknowns == 1) {
                    long forced = sum - members;
                    if (forced < low(unknown) || forced > high(unknown)) {
                        return false;
                    }
                    values[unknown] = forced;
                    changed = true;
                } else if (sum != null && unknowns == 0 && members != sum) {
                    return false;
                }
            }
        }
        return true;
    }

    private long low(int i) {
        return Math.max(0, exact[i] - reach);
    }

    private long high(int i) {
        return exact[i] + reach;
    }
}
