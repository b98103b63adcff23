package org.athar.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.athar.i18n.Messages;
import org.athar.linkage.PersonsFigure;
import org.athar.report.Gazetteer;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.springframework.stereotype.Service;

/**
 * The statistics of Trends: breakdowns, time series and cross-tabs of the reports a {@link ReportQuery} selects
 * (the same reports Search counts), exact and labelled in the viewer's language. Everything is {@code internal};
 * suppression for {@code public} is applied on top.
 */
@Service
class Statistics {

    private final StatsStore store;
    private final Labels labels;

    Statistics(StatsStore store, Messages messages, Gazetteer gazetteer) {
        this.store = store;
        this.labels = new Labels(messages, gazetteer);
    }

    /** Reports in scope by one dimension. */
    public Breakdown breakdown(ReportQuery query, Dimension dimension, Locale locale) {
        return breakdown(tallies(query, List.of(List.of(dimension))).get(0), dimension, locale, overlaps(query));
    }

    /** Reports in scope by two different dimensions (time or not; {@link StatsRequest} checks they differ). */
    public CrossTab crossTab(ReportQuery query, Dimension rows, Dimension columns, Locale locale) {
        return crossTab(tallies(query, List.of(List.of(rows, columns))).get(0), rows, columns, locale, overlaps(query));
    }

    /** The series at {@code granularity}, the governorate, perpetrator and status breakdowns and one cross-tab. */
    public Dashboard dashboard(
            ReportQuery query, Dimension granularity, Dimension rows, Dimension columns, Locale locale) {
        List<Tally> t = tallies(
                query,
                List.of(
                        List.of(granularity),
                        List.of(Dimension.GOVERNORATE),
                        List.of(Dimension.PERPETRATOR),
                        List.of(Dimension.STATUS),
                        List.of(rows, columns)));
        boolean o = overlaps(query);
        return new Dashboard(
                breakdown(t.get(0), granularity, locale, o),
                breakdown(t.get(1), Dimension.GOVERNORATE, locale, o),
                breakdown(t.get(2), Dimension.PERPETRATOR, locale, o),
                breakdown(t.get(3), Dimension.STATUS, locale, o),
                crossTab(t.get(4), rows, columns, locale, o));
    }

    /**
     * Counting persons, a person documented by several sources is in the bucket of each: only the source dimension
     * may then add up to more than the total.
     */
    private static boolean overlaps(ReportQuery query) {
        return query.counting() == Count.PERSONS;
    }

    List<Tally> tallies(ReportQuery query, List<List<Dimension>> parts) {
        return engine(() -> store.tallies(query, parts));
    }

    /** The persons of {@code query} with the figure if every pending pair were confirmed, exactly. */
    PersonsFigure personsFigure(ReportQuery query) {
        return engine(() -> store.personsFigure(query));
    }

    /** As {@link #tallies}, counting persons as if every pending pair were confirmed (empty: too many values). */
    Optional<List<Tally>> talliesIfPendingConfirmed(ReportQuery query, List<List<Dimension>> parts) {
        return engine(() -> store.talliesIfPendingConfirmed(query, parts));
    }

    private interface EngineCall<T> {
        T call() throws IOException;
    }

    private static <T> T engine(EngineCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Elasticsearch did not answer a statistics request (" + e.getMessage()
                            + "); check that the engine is up (GET /actuator/health) and try again",
                    e);
        }
    }

    private Breakdown breakdown(Tally tally, Dimension dimension, Locale locale, boolean overlaps) {
        Map<String, Long> counts = new LinkedHashMap<>();
        tally.counts().forEach((key, n) -> counts.merge(key.get(0), n, Long::sum));
        List<Bucket> buckets = new ArrayList<>();
        for (String key : order(dimension, counts)) {
            Heading h = labels.heading(dimension, key, locale);
            buckets.add(new Bucket(h.key(), h.label(), OptionalLong.of(counts.getOrDefault(key, 0L))));
        }
        long placed = counts.values().stream().mapToLong(Long::longValue).sum();
        long imprecise = imprecise(tally, placed, dimension, dimension, overlaps);
        return new Breakdown(
                dimension,
                DisclosureProfile.INTERNAL,
                OptionalLong.of(tally.total()),
                OptionalLong.of(imprecise),
                buckets);
    }

    private CrossTab crossTab(Tally tally, Dimension rowDim, Dimension columnDim, Locale locale, boolean overlaps) {
        Map<String, Long> rowSums = new LinkedHashMap<>();
        Map<String, Long> columnSums = new LinkedHashMap<>();
        tally.counts().forEach((key, n) -> {
            rowSums.merge(key.get(0), n, Long::sum);
            columnSums.merge(key.get(1), n, Long::sum);
        });
        List<String> rows = order(rowDim, rowSums);
        List<String> columns = order(columnDim, columnSums);
        List<List<OptionalLong>> cells = new ArrayList<>();
        List<OptionalLong> rowTotals = new ArrayList<>();
        long[] columnTotals = new long[columns.size()];
        long placed = 0;
        for (String row : rows) {
            List<OptionalLong> line = new ArrayList<>();
            long rowTotal = 0;
            for (int c = 0; c < columns.size(); c++) {
                long n = tally.counts().getOrDefault(List.of(row, columns.get(c)), 0L);
                line.add(OptionalLong.of(n));
                rowTotal += n;
                columnTotals[c] += n;
            }
            cells.add(line);
            rowTotals.add(OptionalLong.of(rowTotal));
            placed += rowTotal;
        }
        long imprecise = imprecise(tally, placed, rowDim, columnDim, overlaps);
        return new CrossTab(
                rowDim,
                columnDim,
                DisclosureProfile.INTERNAL,
                headings(rowDim, rows, locale),
                headings(columnDim, columns, locale),
                cells,
                rowTotals,
                Arrays.stream(columnTotals).mapToObj(OptionalLong::of).toList(),
                OptionalLong.of(tally.total()),
                OptionalLong.of(imprecise));
    }

    private List<Heading> headings(Dimension dimension, List<String> keys, Locale locale) {
        return keys.stream().map(k -> labels.heading(dimension, k, locale)).toList();
    }

    /**
     * Time in order with the empty periods between the first and the last filled in; any other dimension by
     * descending count, ties by key, so the order never depends on the engine.
     */
    private static List<String> order(Dimension dimension, Map<String, Long> counts) {
        if (dimension.isTime()) {
            return Periods.filled(dimension, counts.keySet());
        }
        return counts.keySet().stream()
                .sorted(Comparator.comparing((String k) -> counts.get(k))
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /**
     * The reports in scope that no bucket holds. Only a time dimension may leave reports out; anything else means
     * the counts do not add up, which must stop the figures rather than be shown.
     */
    private static long imprecise(Tally tally, long placed, Dimension a, Dimension b, boolean overlaps) {
        long left = tally.total() - placed;
        if (overlaps && (a == Dimension.SOURCE || b == Dimension.SOURCE)) {
            return a.isTime() || b.isTime() ? Math.max(0, left) : 0;
        }
        if (left < 0 || (left > 0 && !a.isTime() && !b.isTime())) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "the counts by %s/%s add up to %d of %d reports; a report holds several "
                            + "values of a field or the index changed between reads; check the mapping of the reports index "
                            + "and try again",
                    a.parameter(),
                    b.parameter(),
                    placed,
                    tally.total()));
        }
        return left;
    }
}
