package org.athar.search;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.athar.report.AgeGroup;
import org.athar.report.ConsentState;
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
        Optional<Count> count,
        Set<ConsentState> consents,
        Optional<String> shareWith) {

    /** A query without consent filters (what every query was before issue 21). */
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
            Optional<Boolean> hasLocation,
            Optional<Count> count) {
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
                count,
                Set.of(),
                Optional.empty());
    }

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
        count = Objects.requireNonNullElse(count, Optional.empty());
        governorates = Set.copyOf(governorates);
        districts = Set.copyOf(districts);
        perpetrators = Set.copyOf(perpetrators);
        statuses = Set.copyOf(statuses);
        genders = Set.copyOf(genders);
        ageGroups = Set.copyOf(ageGroups);
        sources = Set.copyOf(sources);
        consents = Set.copyOf(Objects.requireNonNullElse(consents, Set.of()));
        shareWith = Objects.requireNonNullElse(shareWith, Optional.<String>empty())
                .map(String::strip)
                .filter(s -> !s.isEmpty());
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

    // Withers: a copy with one part changed, so callers never spell out the whole constructor.

    public ReportQuery withText(QueryText t) {
        return new ReportQuery(
                t,
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
                count,
                consents,
                shareWith);
    }

    /** The same filters without free text (text may name people; some outputs must not carry it). */
    public ReportQuery withoutText() {
        return withText(QueryText.parse(""));
    }

    public ReportQuery withGovernorates(Set<String> g) {
        return new ReportQuery(
                text,
                g,
                districts,
                perpetrators,
                statuses,
                genders,
                ageGroups,
                sources,
                from,
                to,
                hasLocation,
                count,
                consents,
                shareWith);
    }

    public ReportQuery withDistricts(Set<String> d) {
        return new ReportQuery(
                text,
                governorates,
                d,
                perpetrators,
                statuses,
                genders,
                ageGroups,
                sources,
                from,
                to,
                hasLocation,
                count,
                consents,
                shareWith);
    }

    public ReportQuery withPerpetrators(Set<PerpetratorCategory> p) {
        return new ReportQuery(
                text,
                governorates,
                districts,
                p,
                statuses,
                genders,
                ageGroups,
                sources,
                from,
                to,
                hasLocation,
                count,
                consents,
                shareWith);
    }

    public ReportQuery withStatuses(Set<ReportStatus> s) {
        return new ReportQuery(
                text,
                governorates,
                districts,
                perpetrators,
                s,
                genders,
                ageGroups,
                sources,
                from,
                to,
                hasLocation,
                count,
                consents,
                shareWith);
    }

    public ReportQuery withGenders(Set<Gender> g) {
        return new ReportQuery(
                text,
                governorates,
                districts,
                perpetrators,
                statuses,
                g,
                ageGroups,
                sources,
                from,
                to,
                hasLocation,
                count,
                consents,
                shareWith);
    }

    public ReportQuery withAgeGroups(Set<AgeGroup> a) {
        return new ReportQuery(
                text,
                governorates,
                districts,
                perpetrators,
                statuses,
                genders,
                a,
                sources,
                from,
                to,
                hasLocation,
                count,
                consents,
                shareWith);
    }

    public ReportQuery withSources(Set<String> s) {
        return new ReportQuery(
                text,
                governorates,
                districts,
                perpetrators,
                statuses,
                genders,
                ageGroups,
                s,
                from,
                to,
                hasLocation,
                count,
                consents,
                shareWith);
    }

    /** The same query over the date range {@code [f, t]} (either end may be open). */
    public ReportQuery within(Optional<LocalDate> f, Optional<LocalDate> t) {
        return new ReportQuery(
                text,
                governorates,
                districts,
                perpetrators,
                statuses,
                genders,
                ageGroups,
                sources,
                f,
                t,
                hasLocation,
                count,
                consents,
                shareWith);
    }

    public ReportQuery within(LocalDate f, LocalDate t) {
        return within(Optional.of(f), Optional.of(t));
    }

    public ReportQuery withoutDates() {
        return within(Optional.empty(), Optional.empty());
    }

    public ReportQuery withHasLocation(Optional<Boolean> h) {
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
                h,
                count,
                consents,
                shareWith);
    }

    public ReportQuery withCount(Count c) {
        return withCount(Optional.of(c));
    }

    /** The same query counting {@code c}, or leaving what to count to the output when empty. */
    public ReportQuery withCount(Optional<Count> c) {
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
                c,
                consents,
                shareWith);
    }

    /** The same query keeping only reports whose consent is one of {@code c} (any consent when empty). */
    public ReportQuery withConsents(Set<ConsentState> c) {
        return withConsent(c, shareWith);
    }

    /**
     * The same query keeping only reports whose {@code share_with} names {@code recipient} or {@code any} (compared
     * as {@link org.athar.report.Consent#foldRecipient} does); every report when empty. The consent state is a
     * separate filter: this one alone does not say the report may go.
     */
    public ReportQuery withShareWith(Optional<String> recipient) {
        return withConsent(consents, recipient);
    }

    private ReportQuery withConsent(Set<ConsentState> c, Optional<String> recipient) {
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
                count,
                c,
                recipient);
    }

    /**
     * The same query with the filter of {@code dimension} set to the one value {@code key} (a code such as
     * {@code SY02} or {@code detained}); a period key ({@code 2013}, {@code 2013-Q2}, {@code 2013-03}) narrows the
     * date range to that period instead (see {@link Drill}).
     */
    public ReportQuery with(Dimension dimension, String key) {
        return Drill.apply(this, dimension, key);
    }

    public boolean hasDateRange() {
        return from.isPresent() || to.isPresent();
    }
}
