package org.athar.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.athar.analytics.FigureGrid.Line;

/**
 * Primary and complementary suppression over the exact figures of a {@link FigureGrid}; the rules are explained
 * step by step in docs/disclosure-control.md.
 */
final class Suppression {

    private final long[] exact;
    private final List<Line> lines;
    private final boolean[] withheld;
    private final boolean[] fixed;
    private final int k;

    private Suppression(long[] exact, List<Line> lines, boolean[] fixed, int k) {
        this.exact = exact;
        this.lines = lines;
        this.withheld = new boolean[exact.length];
        this.fixed = fixed;
        this.k = k;
    }

    /** The figures of {@code grid} with every figure that must be withheld at threshold {@code k} emptied. */
    static List<OptionalLong> withhold(FigureGrid grid, int k, String what) {
        return withhold(grid, k, what, Set.of(), Set.of());
    }

    /**
     * As {@link #withhold(FigureGrid, int, String)}, with figures decided elsewhere: {@code forced} are withheld
     * whatever their size (a filter would give them away, or the same figure is withheld in the output it belongs
     * to); {@code fixed} keep the status they start with (published or forced), because another output publishes
     * the same figure with that status: they are never chosen as complements, which a reader of both outputs could
     * undo.
     */
    static List<OptionalLong> withhold(FigureGrid grid, int k, String what, Set<Integer> forced, Set<Integer> fixed) {
        long[] exact = exactFigures(grid, what);
        boolean[] isFixed = new boolean[exact.length];
        fixed.forEach(i -> isFixed[i] = true);
        Suppression suppression = new Suppression(exact, grid.lines(), isFixed, k);
        suppression.primary(k);
        forced.forEach(i -> suppression.withheld[i] = true);
        suppression.complementary();
        suppression.repair(k);
        List<OptionalLong> published = new ArrayList<>();
        for (int i = 0; i < suppression.exact.length; i++) {
            published.add(suppression.withheld[i] ? OptionalLong.empty() : OptionalLong.of(suppression.exact[i]));
        }
        return published;
    }

    /**
     * Whether no line lets a reader subtract their way to a withheld figure: in every line the sum and its members
     * together have no withheld figure or at least two. Works on published figures alone.
     */
    static boolean isProtected(FigureGrid grid) {
        return grid.lines().stream().allMatch(line -> {
            long hidden = line.members().stream()
                            .filter(i -> grid.figures().get(i).isEmpty())
                            .count()
                    + (grid.figures().get(line.sum()).isEmpty() ? 1 : 0);
            return hidden != 1;
        });
    }

    /** Rule 1: every count from 1 to k - 1, wherever it stands, unless fixed published. Zero reveals nobody. */
    private void primary(int k) {
        for (int i = 0; i < exact.length; i++) {
            withheld[i] = exact[i] >= 1 && exact[i] < k;
        }
    }

    /** Rule 3, repeated over all lines in their fixed order until a whole pass withholds nothing more. */
    private void complementary() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Line line : lines) {
                changed |= protect(line);
            }
        }
    }

    /**
     * Rule 6: while a reader could still work out a withheld count from 1 to k - 1 by combining lines, withhold one
     * more figure next to it (see {@link #nextTo}) and apply rule 3 again.
     */
    private void repair(int k) {
        OptionalInt exposed = exposedSmallCount(k);
        while (exposed.isPresent()) {
            withheld[nextTo(exposed.getAsInt())] = true;
            complementary();
            exposed = exposedSmallCount(k);
        }
    }

    private OptionalInt exposedSmallCount(int k) {
        boolean[] known = Exposure.known(exact, withheld, lines);
        for (int i = 0; i < exact.length; i++) {
            if (withheld[i] && known[i] && exact[i] >= 1 && exact[i] < k) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The smallest published figure (non-zero first, first on ties) of the lines through {@code figure}, or of the
     * whole table when those lines have nothing published left. Each call withholds one more figure, so the repair
     * ends; with everything withheld no count can be worked out at all.
     */
    private int nextTo(int figure) {
        List<Integer> near = new ArrayList<>();
        for (Line line : lines) {
            if (line.sum() == figure || line.members().contains(figure)) {
                near.addAll(line.members());
                near.add(line.sum());
            }
        }
        OptionalInt best = smallestPublished(near);
        if (best.isEmpty()) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < exact.length; i++) {
                all.add(i);
            }
            best = smallestPublished(all);
        }
        return best.orElseThrow(() -> new IllegalStateException(
                "a withheld count can be worked out although every figure is withheld; this is a bug in Suppression"));
    }

    /**
     * A line whose only unknown is one member gives that member away by subtraction; so does a line whose only
     * unknown is its sum (the sum of published members). Either way one more figure of the line is withheld.
     */
    private boolean protect(Line line) {
        long hiddenMembers = line.members().stream().filter(i -> withheld[i]).count();
        boolean sumHidden = withheld[line.sum()];
        if (!sumHidden && hiddenMembers == 1) {
            return withholdOneOf(line.members(), line.sum());
        }
        if (sumHidden && hiddenMembers == 0) {
            // Not in the lead's original rule 3; without it a row total chosen as a complement is the sum of its
            // published cells, and the small count it was meant to hide can be worked out again.
            return withholdOneOf(line.members(), -1);
        }
        if (!sumHidden && hiddenMembers > 1) {
            // Rule 7: the withheld members of a published sum add up to the sum minus the published members; that
            // sum of theirs is a count of people too ("4 not attributed to the government") and must not be small.
            long hidden = line.members().stream()
                    .filter(i -> withheld[i])
                    .mapToLong(i -> exact[i])
                    .sum();
            if (hidden >= 1 && hidden < k) {
                return withholdOneOf(line.members(), line.sum());
            }
        }
        return false;
    }

    /** Withholds the smallest published member that is not fixed, else {@code orElse} if not fixed; false if none. */
    private boolean withholdOneOf(List<Integer> members, int orElse) {
        OptionalInt pick = smallestPublished(members);
        if (pick.isEmpty() && orElse >= 0 && !withheld[orElse] && !fixed[orElse]) {
            pick = OptionalInt.of(orElse);
        }
        pick.ifPresent(i -> withheld[i] = true);
        return pick.isPresent();
    }

    /** The smallest published non-zero member that is not fixed (first on ties), else the first such zero. */
    private OptionalInt smallestPublished(List<Integer> figures) {
        OptionalInt best = OptionalInt.empty();
        for (int i : figures) {
            if (!withheld[i] && !fixed[i] && (best.isEmpty() || rank(i) < rank(best.getAsInt()))) {
                best = OptionalInt.of(i);
            }
        }
        return best;
    }

    /** Non-zero figures rank by size; zeros rank after every non-zero figure. */
    private long rank(int i) {
        return exact[i] == 0 ? Long.MAX_VALUE : exact[i];
    }

    private static long[] exactFigures(FigureGrid grid, String what) {
        long[] exact = new long[grid.figures().size()];
        for (int i = 0; i < exact.length; i++) {
            OptionalLong figure = grid.figures().get(i);
            if (figure.isEmpty() || figure.getAsLong() < 0) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "the %s has a %s figure; suppression needs every exact count "
                                + "(pass the internal figures, not already suppressed ones)",
                        what,
                        figure.isEmpty() ? "missing" : "negative"));
            }
            exact[i] = figure.getAsLong();
        }
        for (Line line : grid.lines()) {
            long members = line.members().stream().mapToLong(i -> exact[i]).sum();
            if (members != exact[line.sum()]) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "in the %s, %s add up to %d but their total is %d; suppression "
                                + "cannot protect figures that do not add up, so fix the counting first",
                        what,
                        line.name(),
                        members,
                        exact[line.sum()]));
            }
        }
        return exact;
    }
}
