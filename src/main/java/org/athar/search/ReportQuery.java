package org.athar.search;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.athar.report.AgeGroup;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;

/**
 * The one query model of Athar: free text plus filters. The grid, facets, charts, API and exports all take this, so
 * a figure on screen and the same figure in an export cannot differ. Values within one filter are OR-ed; filters
 * are AND-ed. A date range matches a report only if the report's whole date interval lies inside it.
 */
public record ReportQuery(QueryText text, Set<String> governorates, Set<String> districts,
        Set<PerpetratorCategory> perpetrators, Set<ReportStatus> statuses, Set<Gender> genders,
        Set<AgeGroup> ageGroups, Set<String> sources, Optional<LocalDate> from, Optional<LocalDate> to,
        Optional<Boolean> hasLocation) {

    public ReportQuery {
        governorates = Set.copyOf(governorates);
        districts = Set.copyOf(districts);
        perpetrators = Set.copyOf(perpetrators);
        statuses = Set.copyOf(statuses);
        genders = Set.copyOf(genders);
        ageGroups = Set.copyOf(ageGroups);
        sources = Set.copyOf(sources);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("from " + from.get() + " is after to " + to.get());
        }
    }

    /** Everything: no text, no filter. */
    public static ReportQuery all() {
        return new ReportQuery(QueryText.parse(""), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean hasDateRange() {
        return from.isPresent() || to.isPresent();
    }
}
