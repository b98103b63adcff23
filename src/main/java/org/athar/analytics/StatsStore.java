package org.athar.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.athar.engine.EngineIndices;
import org.athar.report.Vocabulary;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts reports by one or two dimensions on the engine, exactly: the reports index has one shard, so terms counts
 * are exact, and a terms level that could not return every value ({@code sum_other_doc_count > 0}) or a request
 * over the engine's bucket limit is counted again with a paged composite aggregation on a point-in-time.
 */
@Component
class StatsStore {

    /** Above every vocabulary, the 14 governorates and the 62 districts; only many sources can pass it. */
    static final int TERMS_SIZE = 1000;

    static final int PAGE_SIZE = 1000;
    static final String DATE = "disappearance.date";
    private static final String PRECISION = "disappearance.precision";
    static final String DAY_FORMAT = "yyyy-MM-dd";
    static final String LEVEL = "k";

    private final ElasticsearchClient client;
    private final int termsSize;
    private final CompositeCounts pages;

    @Autowired
    StatsStore(ElasticsearchClient client) {
        this(client, TERMS_SIZE, PAGE_SIZE);
    }

    StatsStore(ElasticsearchClient client, int termsSize, int pageSize) {
        this.client = client;
        this.termsSize = termsSize;
        this.pages = new CompositeCounts(client, pageSize);
    }

    /**
     * One tally per entry of {@code parts} (each one or two dimensions), from ONE search request when every value
     * fits; a part that does not fit is counted again on its own with paging.
     */
    List<Tally> tallies(ReportQuery query, List<List<Dimension>> parts) throws IOException {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            List<Dimension> dims = parts.get(i);
            aggs.put(
                    "part" + i, Aggregation.of(a -> a.filter(placeable(dims)).aggregations(LEVEL + 0, level(dims, 0))));
        }
        SearchResponse<Void> response;
        try {
            response = client.search(
                    s -> s.index(index(query))
                            .size(0)
                            .trackTotalHits(t -> t.enabled(true))
                            .query(ReportQueryStore.toQuery(query))
                            .aggregations(aggs),
                    Void.class);
        } catch (ElasticsearchException e) {
            if (!tooManyBuckets(e.error())) {
                throw e;
            }
            List<Tally> paged = new ArrayList<>();
            for (List<Dimension> dims : parts) {
                paged.add(pages.tally(query, dims));
            }
            return paged;
        }
        long total = Objects.requireNonNull(response.hits().total(), "the engine sent no total")
                .value();
        List<Tally> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Map<List<String>, Long> counts = new HashMap<>();
            Aggregate placed = response.aggregations()
                    .get("part" + i)
                    .filter()
                    .aggregations()
                    .get(LEVEL + 0);
            boolean complete = read(placed, parts.get(i), 0, List.of(), counts);
            out.add(complete ? new Tally(total, counts) : pages.tally(query, parts.get(i)));
        }
        return out;
    }

    /** The index that holds what {@code query} counts: reports, or persons (one document per person). */
    static String index(ReportQuery query) {
        return query.counting() == Count.PERSONS ? EngineIndices.PERSONS : EngineIndices.REPORTS;
    }

    private Aggregation level(List<Dimension> dims, int i) {
        Dimension d = dims.get(i);
        return Aggregation.of(a -> {
            Aggregation.Builder.ContainerBuilder c = d.isTime()
                    ? a.dateHistogram(h -> h.field(DATE)
                            .calendarInterval(interval(d))
                            .minDocCount(1)
                            .format(DAY_FORMAT))
                    // A report without the field counts as unknown, in the same bucket as the stored code.
                    : a.terms(t -> t.field(field(d)).size(termsSize).missing(Heading.UNKNOWN));
            if (i + 1 < dims.size()) {
                c.aggregations(LEVEL + (i + 1), level(dims, i + 1));
            }
            return c;
        });
    }

    /** Adds the counts below {@code agg}; false when a terms level left values out. */
    private static boolean read(
            Aggregate agg, List<Dimension> dims, int i, List<String> prefix, Map<List<String>, Long> out) {
        Dimension d = dims.get(i);
        if (d.isTime()) {
            for (DateHistogramBucket b : agg.dateHistogram().buckets().array()) {
                String key = Periods.key(d, LocalDate.parse(b.keyAsString()));
                if (!descend(b.docCount(), b.aggregations(), dims, i, with(prefix, key), out)) {
                    return false;
                }
            }
            return true;
        }
        StringTermsAggregate terms = agg.sterms();
        if (terms.sumOtherDocCount() != null && terms.sumOtherDocCount() > 0) {
            return false;
        }
        for (StringTermsBucket b : terms.buckets().array()) {
            if (!descend(
                    b.docCount(),
                    b.aggregations(),
                    dims,
                    i,
                    with(prefix, b.key().stringValue()),
                    out)) {
                return false;
            }
        }
        return true;
    }

    private static boolean descend(
            long count,
            Map<String, Aggregate> subs,
            List<Dimension> dims,
            int i,
            List<String> key,
            Map<List<String>, Long> out) {
        if (i + 1 < dims.size()) {
            return read(subs.get(LEVEL + (i + 1)), dims, i + 1, key, out);
        }
        out.merge(key, count, Long::sum);
        return true;
    }

    /** The reports every time dimension of {@code dims} can place (all reports when none is a time dimension). */
    static Query placeable(List<Dimension> dims) {
        return Query.of(q -> q.bool(b -> {
            for (Dimension d : dims) {
                if (d.isTime()) {
                    List<FieldValue> codes = Periods.placeable(d).stream()
                            .map(Vocabulary::code)
                            .sorted()
                            .map(FieldValue::of)
                            .toList();
                    b.filter(f -> f.exists(e -> e.field(DATE)));
                    b.filter(f -> f.terms(t -> t.field(PRECISION).terms(v -> v.value(codes))));
                }
            }
            return b;
        }));
    }

    private static CalendarInterval interval(Dimension d) {
        return switch (d) {
            case YEAR -> CalendarInterval.Year;
            case QUARTER -> CalendarInterval.Quarter;
            default -> CalendarInterval.Month;
        };
    }

    static String field(Dimension d) {
        return d.facet()
                .orElseThrow(() -> new IllegalArgumentException(d.parameter() + " has no report field"))
                .field();
    }

    private static boolean tooManyBuckets(ErrorCause error) {
        if (error == null) {
            return false;
        }
        return "too_many_buckets_exception".equals(error.type())
                || tooManyBuckets(error.causedBy())
                || error.rootCause().stream().anyMatch(StatsStore::tooManyBuckets);
    }

    private static List<String> with(List<String> prefix, String key) {
        List<String> out = new ArrayList<>(prefix);
        out.add(key);
        return out;
    }
}
