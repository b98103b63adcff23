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
public record ReportQuery(
        QueryText text,
        Set<String> governorates,
        Set<String> districts,
        Set<PerpetratorCategory> perpetrators,
        Set<ReportStatus> statuses,
        Set<Gender> genders,
        Set<AgeGroup> ageGroups,
        Set<String> sources,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Optional<Boolean> hasLocation,
        Optional<Count> count) {

    /** A query that leaves what to count to the output ({@link #counting()}). */
    public ReportQuery(
            QueryText text,
            Set<String> governorates,
            Set<String> districts,
            Set<PerpetratorCategory> perpetrators,
            Set<ReportStatus> statuses,
            Set<Gender> genders,
            Set<AgeGroup> ageGroups,
            Set<String> sources,
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            Optional<Boolean> hasLocation) {
        this(
                text,
                governorates,
                districts,
                perpetrators,
                statuses,
                genders,
                ageGroups,
                sources,
                from,
                to,
                hasLocation,
                Optional.empty());
    }

    public ReportQuery {
        count = java.util.Objects.requireNonNullElse(count, Optional.empty());
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
        return new ReportQuery(
                QueryText.parse(""),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * What statistics of this query count: the count asked for, else persons (charts, exports, Trends and briefings
     * count persons unless told otherwise; the statistics API asks for reports when none is given). Search ignores it.
     */
    public Count counting() {
        return count.orElse(Count.PERSONS);
    }

    public ReportQuery withCount(Count c) {
        return new ReportQuery(
                text,
                governorates,
                districts,
                perpetrators,
                statuses,
                genders,
                ageGroups,
                sources,
                from,
                to,
                hasLocation,
                Optional.of(c));
    }

    public boolean hasDateRange() {
        return from.isPresent() || to.isPresent();
    }
}
