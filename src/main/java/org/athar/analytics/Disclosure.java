package org.athar.analytics;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.OptionalLong;
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
        String what = "breakdown by " + exact.dimension().parameter();
        requireInternal(exact.profile(), k, what);
        FigureGrid grid = FigureGrid.of(exact);
        return FigureGrid.breakdown(exact, DisclosureProfile.PUBLIC, Suppression.withhold(grid, k, what));
    }

    /** The cross-tab as the public may see it; {@code exact} must be an internal cross-tab with every count present. */
    public static CrossTab suppress(CrossTab exact, int k) {
        String what = "cross-tab of %s by %s".formatted(exact.rowDimension().parameter(),
                exact.columnDimension().parameter());
        requireInternal(exact.profile(), k, what);
        FigureGrid grid = FigureGrid.of(exact);
        return FigureGrid.crossTab(exact, DisclosureProfile.PUBLIC, Suppression.withhold(grid, k, what));
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
            throw new IllegalArgumentException("the suppression threshold k is %d; it must be at least 1 (see athar.disclosure.k)"
                    .formatted(k));
        }
        if (profile != DisclosureProfile.INTERNAL) {
            throw new IllegalArgumentException(("the %s is already %s; suppress the internal figures it was made from, "
                    + "never suppressed ones").formatted(what, profile.parameter()));
        }
    }
}
