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
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.athar.engine.EngineIndices;
import org.athar.linkage.PersonsFigure;
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
    private static final String PENDING_CLOSURE = "person.pending_closure";
    private static final String PENDING_PAIRS = "person.pending_pairs";
    private static final String MERGED = "merged";
    private static final String PAIRS = "pairs";

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
        Map<String, Aggregation> aggs = aggregations(parts);
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
            Aggregate placed = placed(response, i);
            boolean complete = read(placed, parts.get(i), 0, List.of(), counts);
            out.add(complete ? new Tally(total, counts) : pages.tally(query, parts.get(i)));
        }
        return out;
    }

    /**
     * The persons of {@code query}, the same figure if every pending pair were confirmed, and the pending pairs behind
     * the difference, exactly, from one multi-search: the persons (and those pending pairs would merge with another,
     * {@code person.pending_closure}) and the merged clusters of {@code athar-person-closures} that the query selects
     * (counted by their representative's values like any person) with the sum of their pending pairs.
     */
    PersonsFigure personsFigure(ReportQuery query) throws IOException {
        Query q = ReportQueryStore.toQuery(query);
        var response = client.msearch(
                m -> m.searches(s -> s.header(h -> h.index(EngineIndices.PERSONS))
                                .body(b -> b.size(0)
                                        .trackTotalHits(t -> t.enabled(true))
                                        .query(q)
                                        .aggregations(
                                                MERGED,
                                                a -> a.filter(f -> f.term(t ->
                                                        t.field(PENDING_CLOSURE).value(true))))))
                        .searches(s -> s.header(h -> h.index(EngineIndices.PERSON_CLOSURES))
                                .body(b -> b.size(0)
                                        .trackTotalHits(t -> t.enabled(true))
                                        .query(q)
                                        .aggregations(PAIRS, a -> a.sum(x -> x.field(PENDING_PAIRS))))),
                Void.class);
        List<MultiSearchItem<Void>> results = new ArrayList<>();
        for (var item : response.responses()) {
            if (!item.isResult()) {
                throw new IOException("the engine refused to count persons: "
                        + item.failure().error().reason());
            }
            results.add(item.result());
        }
        long persons = totalOf(results.get(0).hits().total());
        long merged = results.get(0).aggregations().get(MERGED).filter().docCount();
        long closures = totalOf(results.get(1).hits().total());
        long pairs = Math.round(results.get(1).aggregations().get(PAIRS).sum().value());
        return new PersonsFigure(persons, persons - merged + closures, pairs);
    }

    /**
     * As {@link #tallies}, counted as if every pending pair were confirmed: the persons no pending pair would merge and
     * the merged clusters, together. Empty when a part has more values than one request returns (the caller then
     * withholds what it would have checked).
     */
    Optional<List<Tally>> talliesIfPendingConfirmed(ReportQuery query, List<List<Dimension>> parts) throws IOException {
        Query q = Query.of(x -> x.bool(b -> b.filter(ReportQueryStore.toQuery(query))
                .mustNot(m -> m.term(t -> t.field(PENDING_CLOSURE).value(true)))));
        SearchResponse<Void> response;
        try {
            response = client.search(
                    s -> s.index(List.of(EngineIndices.PERSONS, EngineIndices.PERSON_CLOSURES))
                            .size(0)
                            .trackTotalHits(t -> t.enabled(true))
                            .query(q)
                            .aggregations(aggregations(parts)),
                    Void.class);
        } catch (ElasticsearchException e) {
            if (!tooManyBuckets(e.error())) {
                throw e;
            }
            return Optional.empty();
        }
        long total = totalOf(response.hits().total());
        List<Tally> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Map<List<String>, Long> counts = new HashMap<>();
            Aggregate placed = placed(response, i);
            if (!read(placed, parts.get(i), 0, List.of(), counts)) {
                return Optional.empty();
            }
            out.add(new Tally(total, counts));
        }
        return Optional.of(out);
    }

    private Map<String, Aggregation> aggregations(List<List<Dimension>> parts) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            List<Dimension> dims = parts.get(i);
            aggs.put(
                    "part" + i, Aggregation.of(a -> a.filter(placeable(dims)).aggregations(LEVEL + 0, level(dims, 0))));
        }
        return aggs;
    }

    private static long totalOf(TotalHits total) {
        return Objects.requireNonNull(total, "the engine sent no total").value();
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

    /** The first level of part {@code i}'s aggregation (under its filter). */
    private static Aggregate placed(SearchResponse<Void> response, int i) {
        return response.aggregations().get("part" + i).filter().aggregations().get(LEVEL + 0);
    }
}
