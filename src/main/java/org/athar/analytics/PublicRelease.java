package org.athar.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.athar.analytics.ParentCheck.Spec;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;

/**
 * The public figures of one query, made so that they agree wherever the same figure appears: a cross-tab's row totals
 * are the breakdown by its rows (withheld in both or published in both), every output shares one total, and a filtered
 * figure passes {@link ParentCheck}. Built per request; the canonical breakdowns it makes are reused by every part
 * of the same output (the Trends page, a workbook), so one output is protected as a whole.
 */
final class PublicRelease {

    private final Statistics statistics;
    private final int k;
    private final ReportQuery query;
    private final Locale locale;
    private final List<PublicFilters.Filter> filters;
    private final Map<Dimension, Breakdown> breakdowns = new EnumMap<>(Dimension.class);

    PublicRelease(Statistics statistics, int k, ReportQuery query, Locale locale) {
        this.statistics = statistics;
        this.k = k;
        this.query = query;
        this.locale = locale;
        this.filters = PublicFilters.of(query);
    }

    /** The public breakdown by {@code d}: its total withheld only when small or given away by a filter. */
    Breakdown breakdown(Dimension d) {
        Breakdown cached = breakdowns.get(d);
        if (cached != null) {
            return cached;
        }
        Breakdown exact = statistics.breakdown(query, d, locale);
        int n = exact.buckets().size();
        List<Spec> specs = new ArrayList<>();
        exact.buckets().forEach(b -> specs.add(Spec.of(b.key())));
        specs.add(Spec.unplaced());
        specs.add(Spec.all());
        Set<Integer> forced = failures(specs, List.of(d));
        Breakdown out = ordered(Disclosure.suppress(exact, k, forced, Set.of(n + 1)));
        breakdowns.put(d, out);
        return out;
    }

    /**
     * The public cross-tab: margins that are also the buckets of a breakdown (the rows, when the columns place every
     * report) take that breakdown's status and are never chosen as complements; complements come from the cells.
     */
    CrossTab crossTab(Dimension rows, Dimension columns) {
        CrossTab exact = statistics.crossTab(query, rows, columns, locale);
        int r = exact.rows().size();
        int c = exact.columns().size();
        int rowTotals = r * c;
        int columnTotals = rowTotals + r;
        int imprecise = columnTotals + c;
        int total = imprecise + 1;
        List<Spec> specs = new ArrayList<>();
        for (Heading row : exact.rows()) {
            for (Heading column : exact.columns()) {
                specs.add(Spec.of(row.key(), column.key()));
            }
        }
        exact.rows().forEach(h -> specs.add(Spec.of(h.key(), null)));
        exact.columns().forEach(h -> specs.add(Spec.of(null, h.key())));
        specs.add(Spec.unplaced());
        specs.add(Spec.all());
        Set<Integer> forced = failures(specs, List.of(rows, columns));
        // The total is fixed like every breakdown's: withheld only when small or given away by a filter (its check
        // above is the same for every output of this query), so it agrees with theirs without asking them.
        Set<Integer> fixed = new HashSet<>(Set.of(total));
        if (!columns.isTime()) {
            follow(breakdown(rows), exact.rows(), rowTotals, forced, fixed);
        }
        if (!rows.isTime()) {
            follow(breakdown(columns), exact.columns(), columnTotals, forced, fixed);
        }
        if (rows.isTime() != columns.isTime()) {
            fixed.add(imprecise);
            if (breakdown(rows.isTime() ? rows : columns).imprecise().isEmpty()) {
                forced.add(imprecise);
            }
        }
        return ordered(Disclosure.suppress(exact, k, forced, fixed));
    }

    Dashboard dashboard(Dimension granularity, Dimension rows, Dimension columns) {
        return new Dashboard(
                breakdown(granularity),
                breakdown(Dimension.GOVERNORATE),
                breakdown(Dimension.PERPETRATOR),
                breakdown(Dimension.STATUS),
                crossTab(rows, columns));
    }

    /** Margins at {@code from} take the status of the same figures in {@code canonical}, matched by key. */
    private static void follow(
            Breakdown canonical, List<Heading> headings, int from, Set<Integer> forced, Set<Integer> fixed) {
        Map<String, OptionalLong> byKey = new HashMap<>();
        canonical.buckets().forEach(b -> byKey.put(b.key(), b.count()));
        for (int i = 0; i < headings.size(); i++) {
            OptionalLong status = byKey.get(headings.get(i).key());
            if (status == null) {
                continue;
            }
            fixed.add(from + i);
            if (status.isEmpty()) {
                forced.add(from + i);
            }
        }
    }

    /** Positions of the figures that a filter of the query would give away (rule 8). */
    private Set<Integer> failures(List<Spec> specs, List<Dimension> dims) {
        Set<Integer> failed = new HashSet<>();
        for (PublicFilters.Filter filter : filters) {
            List<Dimension> joint = new ArrayList<>(dims);
            joint.addAll(filter.line());
            List<Tally> t = statistics.tallies(filter.without(), List.of(dims, joint, filter.line()));
            boolean[] f = ParentCheck.failures(specs, filter, t.get(0), t.get(1), t.get(2), dims.size(), k);
            IntStream.range(0, f.length).filter(i -> f[i]).forEach(failed::add);
        }
        return failed;
    }

    /**
     * Rule 9: under {@code public} no order depends on a withheld figure. Buckets (rows, columns) of a dimension that
     * is not time run largest published first (ties by key), then the withheld ones by key.
     */
    static Breakdown ordered(Breakdown b) {
        if (b.dimension().isTime()) {
            return b;
        }
        List<Bucket> buckets = new ArrayList<>(b.buckets());
        buckets.sort(Comparator.comparing((Bucket x) -> x.count().isEmpty())
                .thenComparing(x -> -x.count().orElse(0))
                .thenComparing(Bucket::key));
        return new Breakdown(b.dimension(), b.profile(), b.total(), b.imprecise(), buckets);
    }

    static CrossTab ordered(CrossTab t) {
        List<Integer> rows = order(t.rows(), t.rowTotals(), t.rowDimension());
        List<Integer> columns = order(t.columns(), t.columnTotals(), t.columnDimension());
        List<List<OptionalLong>> cells = rows.stream()
                .map(r -> columns.stream().map(c -> t.cells().get(r).get(c)).toList())
                .toList();
        return new CrossTab(
                t.rowDimension(),
                t.columnDimension(),
                t.profile(),
                rows.stream().map(t.rows()::get).toList(),
                columns.stream().map(t.columns()::get).toList(),
                cells,
                rows.stream().map(t.rowTotals()::get).toList(),
                columns.stream().map(t.columnTotals()::get).toList(),
                t.total(),
                t.imprecise());
    }

    private static List<Integer> order(List<Heading> headings, List<OptionalLong> totals, Dimension d) {
        List<Integer> at =
                new ArrayList<>(IntStream.range(0, headings.size()).boxed().toList());
        if (!d.isTime()) {
            at.sort(Comparator.comparing((Integer i) -> totals.get(i).isEmpty())
                    .thenComparing(i -> -totals.get(i).orElse(0))
                    .thenComparing(i -> headings.get(i).key()));
        }
        return at;
    }
}
