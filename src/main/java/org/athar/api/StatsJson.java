package org.athar.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.OptionalLong;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.CrossTab;
import org.athar.analytics.Dashboard;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Heading;
import org.athar.analytics.PersonsRange;
import org.athar.search.Count;

/**
 * The JSON of the statistics endpoints. A suppressed figure is {@code null} with {@code suppressed: true} (cells: the
 * parallel {@code suppressedCells}), so clients read {@code public} output without a change.
 */
final class StatsJson {

    private StatsJson() {}

    record BucketJson(String key, String label, Long count, boolean suppressed) {}

    /**
     * {@code counts}: what the figures count, {@code persons} or {@code reports}. Counting persons, {@code persons},
     * {@code personsIfPendingConfirmed} and {@code pendingPairs} give the persons figure with its uncertainty while
     * pairs await review (docs/linkage.md); each is absent when it does not apply or is not published.
     */
    record BreakdownJson(
            String dimension,
            String profile,
            String counts,
            Long total,
            Long imprecise,
            List<BucketJson> buckets,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long persons,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long personsIfPendingConfirmed,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long pendingPairs) {}

    record HeadingJson(String key, String label) {}

    record CrossTabJson(
            String rowDimension,
            String columnDimension,
            String profile,
            String counts,
            List<HeadingJson> rows,
            List<HeadingJson> columns,
            List<List<Long>> cells,
            List<List<Boolean>> suppressedCells,
            List<Long> rowTotals,
            List<Long> columnTotals,
            Long total,
            Long imprecise,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long persons,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long personsIfPendingConfirmed,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long pendingPairs) {}

    /** The persons figures (as in {@link BreakdownJson}) whatever {@code counts} is: Trends shows them. */
    record DashboardJson(
            String profile,
            String counts,
            BreakdownJson series,
            BreakdownJson governorate,
            BreakdownJson perpetrator,
            BreakdownJson status,
            CrossTabJson crosstab,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long persons,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long personsIfPendingConfirmed,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long pendingPairs) {}

    /** No persons figures: what a request counting reports (or a part of a dashboard) carries. */
    private static final PersonsRange NONE = new PersonsRange(
            DisclosureProfile.INTERNAL, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    static BreakdownJson of(Breakdown b) {
        return of(b, Count.REPORTS);
    }

    static CrossTabJson of(CrossTab t) {
        return of(t, Count.REPORTS);
    }

    static BreakdownJson of(Breakdown b, Count counts) {
        return of(b, counts, NONE);
    }

    static CrossTabJson of(CrossTab t, Count counts) {
        return of(t, counts, NONE);
    }

    static BreakdownJson of(Breakdown b, Count counts, PersonsRange persons) {
        return new BreakdownJson(
                b.dimension().parameter(),
                b.profile().parameter(),
                counts.code(),
                value(b.total()),
                value(b.imprecise()),
                b.buckets().stream().map(StatsJson::of).toList(),
                value(persons.persons()),
                value(persons.personsIfPendingConfirmed()),
                value(persons.pendingPairs()));
    }

    static CrossTabJson of(CrossTab t, Count counts, PersonsRange persons) {
        return new CrossTabJson(
                t.rowDimension().parameter(),
                t.columnDimension().parameter(),
                t.profile().parameter(),
                counts.code(),
                headings(t.rows()),
                headings(t.columns()),
                t.cells().stream().map(StatsJson::values).toList(),
                t.cells().stream()
                        .map(r -> r.stream().map(OptionalLong::isEmpty).toList())
                        .toList(),
                values(t.rowTotals()),
                values(t.columnTotals()),
                value(t.total()),
                value(t.imprecise()),
                value(persons.persons()),
                value(persons.personsIfPendingConfirmed()),
                value(persons.pendingPairs()));
    }

    static DashboardJson of(Dashboard d, Count c, PersonsRange persons) {
        return new DashboardJson(
                d.series().profile().parameter(),
                c.code(),
                of(d.series(), c),
                of(d.governorates(), c),
                of(d.perpetrators(), c),
                of(d.statuses(), c),
                of(d.crossTab(), c),
                value(persons.persons()),
                value(persons.personsIfPendingConfirmed()),
                value(persons.pendingPairs()));
    }

    private static BucketJson of(Bucket b) {
        return new BucketJson(b.key(), b.label(), value(b.count()), b.suppressed());
    }

    private static List<HeadingJson> headings(List<Heading> headings) {
        return headings.stream().map(h -> new HeadingJson(h.key(), h.label())).toList();
    }

    private static List<Long> values(List<OptionalLong> values) {
        return values.stream().map(StatsJson::value).toList();
    }

    // A list of boxed values may hold null, which is how a suppressed figure is written.
    private static Long value(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }
}
