package org.athar.briefing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.analytics.StatsRequest;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.security.Viewer;

/**
 * What the figures of one briefing rest on, from the filters its figures and charts are computed with: the sources
 * whose reports are in them, and the period they cover. Both come from {@link Figures} under the briefing's profile,
 * so a public briefing learns nothing a public chart of the same filters would not show.
 */
final class BriefingScope {

    private final Figures figures;
    private final Viewer viewer;
    private final DisclosureProfile profile;
    private final Collection<ReportQuery> queries;

    /** A period bound and whether it is a whole year (from the data, or 1 January / 31 December in the filters). */
    record Bound(LocalDate day, boolean wholeYear) {}

    BriefingScope(Figures figures, Viewer viewer, DisclosureProfile profile, Collection<ReportQuery> queries) {
        this.figures = figures;
        this.viewer = viewer;
        this.profile = profile;
        this.queries = queries;
    }

    /** The sources with reports in any of the queries, sorted; a source whose count is withheld is still named. */
    List<String> sources() {
        TreeSet<String> out = new TreeSet<>();
        for (ReportQuery q : queries) {
            out.addAll(figures.sourcesBehind(viewer, q, Locale.ENGLISH, profile).all());
        }
        return List.copyOf(out);
    }

    /** The first day covered: the earliest start in the filters, or 1 January of the first year with records. */
    Optional<Bound> start() {
        Optional<Bound> best = Optional.empty();
        for (ReportQuery q : queries) {
            Optional<Bound> b = q.from()
                    .map(d -> new Bound(d, d.getDayOfYear() == 1))
                    .or(() -> year(q, true).stream()
                            .mapToObj(y -> new Bound(LocalDate.of(y, 1, 1), true))
                            .findFirst());
            if (b.isPresent()
                    && (best.isEmpty() || b.get().day().isBefore(best.get().day()))) {
                best = b;
            }
        }
        return best;
    }

    /** The last day covered: the latest end in the filters, or 31 December of the last year with records. */
    Optional<Bound> end() {
        Optional<Bound> best = Optional.empty();
        for (ReportQuery q : queries) {
            Optional<Bound> b = q.to().map(d -> new Bound(d, d.getMonthValue() == 12 && d.getDayOfMonth() == 31))
                    .or(() -> year(q, false).stream()
                            .mapToObj(y -> new Bound(LocalDate.of(y, 12, 31), true))
                            .findFirst());
            if (b.isPresent()
                    && (best.isEmpty() || b.get().day().isAfter(best.get().day()))) {
                best = b;
            }
        }
        return best;
    }

    /** The first or last year of {@code q} with records (or a withheld count), from its breakdown by year. */
    private OptionalInt year(ReportQuery q, boolean first) {
        Breakdown b = figures.breakdown(viewer, StatsRequest.breakdown(q, Dimension.YEAR, Locale.ENGLISH, profile));
        return b.buckets().stream()
                .filter(x -> x.count().isEmpty() || x.count().getAsLong() > 0)
                .map(Bucket::key)
                .filter(k -> k.matches("\\d{4}"))
                .mapToInt(Integer::parseInt)
                .reduce((a, c) -> first ? Math.min(a, c) : Math.max(a, c));
    }
}
