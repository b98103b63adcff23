package org.athar.analytics;

import java.util.Locale;
import java.util.Optional;
import org.athar.search.IdentityRules;
import org.athar.search.ReportQuery;
import org.athar.security.AccessDeniedException;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * The statistics a viewer may receive: checks the permission, refuses free text to roles that do not see names (a
 * count of reports matching a name would reveal the person), resolves the disclosure profile and applies small-count
 * suppression. The API, the charts, the Trends page and the exports take their figures from here.
 */
@Service
public class Figures {

    private final Statistics statistics;
    private final DisclosureControl disclosure;

    public Figures(Statistics statistics, DisclosureControl disclosure) {
        this.statistics = statistics;
        this.disclosure = disclosure;
    }

    /**
     * The profile to use: the requested one, or {@code internal} for roles that see exact counts and {@code public}
     * for the others. A role without exact counts asking for {@code internal} is refused (403), not quietly served
     * public figures it might take for exact ones.
     */
    public DisclosureProfile profileFor(Viewer viewer, Optional<DisclosureProfile> requested) {
        boolean exact = viewer.can(Permission.SEE_EXACT_COUNTS);
        if (requested.filter(DisclosureProfile.INTERNAL::equals).isPresent() && !exact) {
            throw new AccessDeniedException(Permission.SEE_EXACT_COUNTS, viewer.roles());
        }
        return requested.orElse(exact ? DisclosureProfile.INTERNAL : DisclosureProfile.PUBLIC);
    }

    public Breakdown breakdown(Viewer viewer, ReportQuery query, Dimension dimension, Locale locale,
            DisclosureProfile profile) {
        check(viewer, query, profile);
        return disclosure.apply(statistics.breakdown(query, dimension, locale), profile);
    }

    public CrossTab crossTab(Viewer viewer, ReportQuery query, Dimension rows, Dimension columns, Locale locale,
            DisclosureProfile profile) {
        check(viewer, query, profile);
        return disclosure.apply(statistics.crossTab(query, rows, columns, locale), profile);
    }

    public Dashboard dashboard(Viewer viewer, ReportQuery query, Dimension granularity, Dimension rows,
            Dimension columns, Locale locale, DisclosureProfile profile) {
        check(viewer, query, profile);
        Dashboard d = statistics.dashboard(query, granularity, rows, columns, locale);
        return new Dashboard(disclosure.apply(d.series(), profile), disclosure.apply(d.governorates(), profile),
                disclosure.apply(d.perpetrators(), profile), disclosure.apply(d.statuses(), profile),
                disclosure.apply(d.crossTab(), profile));
    }

    /** The small-count threshold of the public profile. */
    public int k() {
        return disclosure.k();
    }

    public String withheldNote(Locale locale) {
        return disclosure.withheldNote(locale);
    }

    private void check(Viewer viewer, ReportQuery query, DisclosureProfile profile) {
        viewer.require(Permission.VIEW_TRENDS);
        profileFor(viewer, Optional.of(profile));
        IdentityRules.requireAllowed(viewer, query);
    }
}
