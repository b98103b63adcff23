package org.athar.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.athar.engine.Scan;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryStore;

/**
 * The slow, unbounded way {@link StatsStore} counts when one request cannot return every value: a composite
 * aggregation read page by page, with the total, on one point-in-time so all pages describe the same reports.
 */
final class CompositeCounts {

    private static final String KEEP_ALIVE = "1m";

    private final ElasticsearchClient client;
    private final int pageSize;

    CompositeCounts(ElasticsearchClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    /** Every combination page by page, with the total, on one point-in-time so they describe the same reports. */
    Tally tally(ReportQuery query, List<Dimension> dims) throws IOException {
        return Scan.within(client, StatsStore.index(query), KEEP_ALIVE, pit -> {
            Query scope = ReportQueryStore.toQuery(query);
            long total = Objects.requireNonNull(client.search(
                                    s -> s.pit(p -> p.id(pit))
                                            .size(0)
                                            .trackTotalHits(t -> t.enabled(true))
                                            .query(scope),
                                    Void.class)
                            .hits()
                            .total())
                    .value();
            Query placed = Query.of(q -> q.bool(b -> b.filter(scope, StatsStore.placeable(dims))));
            List<Map<String, CompositeAggregationSource>> sources = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) {
                sources.add(Map.of(StatsStore.LEVEL + i, source(dims.get(i))));
            }
            Map<List<String>, Long> counts = new HashMap<>();
            Optional<Map<String, FieldValue>> after = Optional.empty();
            while (true) {
                Optional<Map<String, FieldValue>> from = after;
                var page = client.search(
                                s -> s.pit(p -> p.id(pit))
                                        .size(0)
                                        .query(placed)
                                        .aggregations(
                                                "page",
                                                a -> a.composite(c -> {
                                                    c.size(pageSize).sources(sources);
                                                    from.ifPresent(c::after);
                                                    return c;
                                                })),
                                Void.class)
                        .aggregations()
                        .get("page")
                        .composite();
                List<CompositeBucket> buckets = page.buckets().array();
                for (CompositeBucket b : buckets) {
                    List<String> key = new ArrayList<>();
                    for (int i = 0; i < dims.size(); i++) {
                        key.add(key(dims.get(i), b.key().get(StatsStore.LEVEL + i)));
                    }
                    counts.merge(key, b.docCount(), Long::sum);
                }
                if (buckets.isEmpty()
                        || page.afterKey() == null
                        || page.afterKey().isEmpty()) {
                    return new Tally(total, counts);
                }
                after = Optional.of(page.afterKey());
            }
        });
    }

    private static CompositeAggregationSource source(Dimension d) {
        if (d.isTime()) {
            return CompositeAggregationSource.of(s -> s.dateHistogram(h -> h.field(StatsStore.DATE)
                    .format(StatsStore.DAY_FORMAT)
                    .calendarInterval(t -> t.time(d.parameter()))));
        }
        return CompositeAggregationSource.of(
                s -> s.terms(t -> t.field(StatsStore.field(d)).missingBucket(true)));
    }

    // A report without the field has no value (a null key): it counts as unknown, with the stored code.
    private static String key(Dimension d, FieldValue value) {
        if (value == null || value.isNull()) {
            return Heading.UNKNOWN;
        }
        return d.isTime() ? Periods.key(d, LocalDate.parse(value.stringValue())) : value.stringValue();
    }
}
