package org.athar.ui.search;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import com.vaadin.flow.component.Component;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.analytics.StatsRequest;
import org.athar.search.BadParameterException;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.security.AccessDeniedException;
import org.athar.security.Permission;
import org.athar.security.Viewer;

/**
 * Search's result line in the user's language: "4,016 reports", or "4,016 reports about 3,742 persons" when the
 * user came from a figure that counts persons, that figure made by {@link Figures} as for Trends. Each number takes
 * the plural form CLDR gives it in that language (English has two, Arabic six: 3 بلاغات, 11 بلاغاً, 100 بلاغ), one
 * message per form.
 */
final class CountLine {

    private final Component owner;
    private final Supplier<Locale> locale;
    private final Figures figures;

    CountLine(Component owner, Supplier<Locale> locale, Figures figures) {
        this.owner = owner;
        this.locale = locale;
        this.figures = figures;
    }

    String reports(long reports) {
        return counted("search.count.reports", reports);
    }

    /** The reports and the persons they are about; a persons figure withheld for privacy is said to be withheld. */
    String reportsAboutPersons(long reports, OptionalLong persons) {
        if (persons.isEmpty()) {
            return owner.getTranslation("search.count.about.withheld", reports(reports));
        }
        return owner.getTranslation(
                "search.count.about", reports(reports), counted("search.count.persons", persons.getAsLong()));
    }

    /**
     * How many persons the reports of this query are about, as Trends counts them: through {@link Figures} with the
     * viewer's disclosure profile (or the one the figure was shown under), so a small figure stays withheld (an empty
     * figure). Nothing when the viewer may not see figures or none can be made for exactly this query (free text or
     * dates that are not whole years under the public profile): the line then gives the reports alone.
     */
    Optional<OptionalLong> persons(Viewer viewer, ReportQuery query, Optional<DisclosureProfile> requested) {
        if (!viewer.can(Permission.VIEW_TRENDS)) {
            return Optional.empty();
        }
        try {
            DisclosureProfile profile = figures.profileFor(viewer, requested);
            if (!profile.scope(query).equals(query)) {
                return Optional.empty();
            }
            return Optional.of(figures.breakdown(
                            viewer,
                            StatsRequest.breakdown(
                                    query.withCount(Count.PERSONS), Dimension.YEAR, locale.get(), profile))
                    .total());
        } catch (BadParameterException | AccessDeniedException e) {
            // Figures refuse this query for this viewer: the reports alone, as without count=persons.
            return Optional.empty();
        }
    }

    /** A profile in the URL is honoured only when the viewer may have it (public for everyone, internal for few). */
    boolean allowed(Viewer viewer, DisclosureProfile requested) {
        try {
            figures.profileFor(viewer, Optional.of(requested));
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    private String counted(String key, long n) {
        return owner.getTranslation(key + "." + category(n, locale.get()), n);
    }

    /** CLDR's plural category of {@code n}: zero, one, two, few, many or other. */
    static String category(long n, Locale locale) {
        return PluralRules.forLocale(ULocale.forLocale(locale)).select(n);
    }
}
