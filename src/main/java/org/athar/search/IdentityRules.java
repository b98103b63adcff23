package org.athar.search;

import org.athar.report.Report;
import org.athar.report.VisibleReport;
import org.athar.security.Permission;
import org.athar.security.Viewer;

/**
 * What a viewer without {@link Permission#SEE_IDENTITIES} may ask and receive. Any feature that reads reports for a
 * viewer (search, analytics, exports) applies these, so the rule is written once.
 */
public final class IdentityRules {

    private IdentityRules() {}

    public static boolean seesIdentities(Viewer viewer) {
        return viewer.can(Permission.SEE_IDENTITIES);
    }

    /**
     * Refuses free text for a viewer who may not see identities: any word, even an excluded one, could match a
     * name or a narrative, and a count that changes with the word would tell that the name is there.
     */
    public static void requireAllowed(Viewer viewer, ReportQuery query) {
        if (!seesIdentities(viewer) && !query.text().isEmpty()) {
            throw new IdentitySearchRefusedException(IdentitySearchRefusedException.Refused.TEXT);
        }
    }

    /** Refuses sorting by name for a viewer who may not see identities: the order would reveal the names. */
    public static void requireAllowed(Viewer viewer, ReportSort sort) {
        if (!seesIdentities(viewer) && (sort == ReportSort.NAME_ASC || sort == ReportSort.NAME_DESC)) {
            throw new IdentitySearchRefusedException(IdentitySearchRefusedException.Refused.NAME_SORT);
        }
    }

    /** The report as {@code viewer} may receive it. */
    public static VisibleReport visible(Viewer viewer, Report report) {
        return seesIdentities(viewer) ? VisibleReport.full(report) : VisibleReport.withoutIdentities(report);
    }
}
