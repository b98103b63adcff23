package org.athar.analytics;

import java.text.NumberFormat;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.athar.i18n.Messages;

/**
 * Small-count suppression for the {@code public} profile: exact (internal) figures in, the same figures out with every
 * count below k withheld together with enough other figures that no total gives it away.
 */
public final class Disclosure {

    private static final Messages MESSAGES = new Messages();

    private Disclosure() {}

    /** The breakdown as the public may see it; {@code exact} must be an internal breakdown with every count present. */
    public static Breakdown suppress(Breakdown exact, int k) {
        return suppress(exact, k, Set.of(), Set.of());
    }

    /**
     * As {@link #suppress(Breakdown, int)}, with figures decided elsewhere (positions as in {@link FigureGrid#of}):
     * {@code forced} withheld whatever their size, {@code fixed} never chosen as complements.
     */
    static Breakdown suppress(Breakdown exact, int k, Set<Integer> forced, Set<Integer> fixed) {
        String what = "breakdown by " + exact.dimension().parameter();
        requireInternal(exact.profile(), k, what);
        long placed =
                exact.buckets().stream().mapToLong(b -> b.count().orElse(0)).sum()
                        + exact.imprecise().orElse(0);
        if (placed > exact.total().orElse(0)) {
            // Persons by source: a person documented by several sources is in several buckets. The buckets are
            // protected against their own sum; the total of persons is shown only when it is not small.
            Breakdown additive = new Breakdown(
                    exact.dimension(), exact.profile(), OptionalLong.of(placed), exact.imprecise(), exact.buckets());
            int totalAt = exact.buckets().size() + 1;
            Set<Integer> members = new HashSet<>(forced);
            members.remove(totalAt);
            Breakdown out = suppress(additive, k, members, Set.of());
            long total = exact.total().orElse(0);
            boolean shown = (total >= k || total == 0) && !forced.contains(totalAt);
            return new Breakdown(
                    out.dimension(),
                    out.profile(),
                    shown ? exact.total() : OptionalLong.empty(),
                    out.imprecise(),
                    out.buckets());
        }
        FigureGrid grid = FigureGrid.of(exact);
        return FigureGrid.breakdown(
                exact, DisclosureProfile.PUBLIC, Suppression.withhold(grid, k, what, forced, fixed));
    }

    /** The cross-tab as the public may see it; {@code exact} must be an internal cross-tab with every count present. */
    public static CrossTab suppress(CrossTab exact, int k) {
        return suppress(exact, k, Set.of(), Set.of());
    }

    /** As {@link #suppress(CrossTab, int)}, with {@code forced} and {@code fixed} figures as for a breakdown. */
    static CrossTab suppress(CrossTab exact, int k, Set<Integer> forced, Set<Integer> fixed) {
        String what = String.format(
                Locale.ROOT,
                "cross-tab of %s by %s",
                exact.rowDimension().parameter(),
                exact.columnDimension().parameter());
        requireInternal(exact.profile(), k, what);
        long placed = exact.rowTotals().stream().mapToLong(t -> t.orElse(0)).sum()
                + exact.imprecise().orElse(0);
        if (placed > exact.total().orElse(0)) {
            // Persons by source (see the breakdown above): protected against the sum of the cells.
            CrossTab additive = new CrossTab(
                    exact.rowDimension(),
                    exact.columnDimension(),
                    exact.profile(),
                    exact.rows(),
                    exact.columns(),
                    exact.cells(),
                    exact.rowTotals(),
                    exact.columnTotals(),
                    OptionalLong.of(placed),
                    exact.imprecise());
            int totalAt = FigureGrid.of(exact).figures().size() - 1;
            Set<Integer> members = new HashSet<>(forced);
            members.remove(totalAt);
            Set<Integer> kept = new HashSet<>(fixed);
            kept.remove(totalAt);
            CrossTab out = suppress(additive, k, members, kept);
            long total = exact.total().orElse(0);
            boolean shown = (total >= k || total == 0) && !forced.contains(totalAt);
            return new CrossTab(
                    out.rowDimension(),
                    out.columnDimension(),
                    out.profile(),
                    out.rows(),
                    out.columns(),
                    out.cells(),
                    out.rowTotals(),
                    out.columnTotals(),
                    shown ? exact.total() : OptionalLong.empty(),
                    out.imprecise());
        }
        FigureGrid grid = FigureGrid.of(exact);
        return FigureGrid.crossTab(exact, DisclosureProfile.PUBLIC, Suppression.withhold(grid, k, what, forced, fixed));
    }

    /** Whether no sum in the breakdown leaves exactly one withheld figure to be worked out by subtraction. */
    public static boolean isProtected(Breakdown published) {
        return Suppression.isProtected(FigureGrid.of(published));
    }

    /** Whether no row, column or total line of the cross-tab leaves exactly one withheld figure to be worked out. */
    public static boolean isProtected(CrossTab published) {
        return Suppression.isProtected(FigureGrid.of(published));
    }

    /**
     * A figure as a reader sees it: grouped digits (Western digits in Arabic too), or the "withheld" mark. The mark
     * deliberately does not say "&lt;5": a figure withheld to protect another one is often large.
     */
    public static String shown(OptionalLong count, Locale locale) {
        if (count.isEmpty()) {
            return MESSAGES.get("disclosure.withheld", locale);
        }
        NumberFormat format = NumberFormat.getIntegerInstance(Messages.supported(locale));
        format.setGroupingUsed(true);
        return format.format(count.getAsLong());
    }

    /** The footnote that explains the withheld mark to a reader, naming the threshold {@code k}. */
    public static String withheldNote(int k, Locale locale) {
        return MESSAGES.get("disclosure.withheld.note", locale, k);
    }

    private static void requireInternal(DisclosureProfile profile, int k, String what) {
        if (k < 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "the suppression threshold k is %d; it must be at least 1 (see athar.disclosure.k)",
                    k));
        }
        if (profile != DisclosureProfile.INTERNAL) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "the %s is already %s; suppress the internal figures it was made from, " + "never suppressed ones",
                    what,
                    profile.parameter()));
        }
    }
}
