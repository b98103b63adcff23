package org.athar.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.athar.engine.EngineIndices;
import org.athar.engine.Scan;
import org.athar.platform.Tasks;
import org.athar.report.Report;
import org.athar.report.TextFolding;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs report searches on the engine (the query translated by {@link ReportQueryStore}): exact totals, and deep
 * paging with a point-in-time and {@code search_after}. The methods that return reports, names or counts are
 * package-private: screens and controllers go through {@link ReportSearch}, which applies the viewer's permissions.
 */
@Component
public class SearchStore {

    /**
     * How long an idle result set stays open for its next page. Short, because every first page that has a next one
     * holds a point-in-time until then (the engine allows a few hundred open at once).
     */
    static final String KEEP_ALIVE = "2m";

    public static final int MAX_PAGE_SIZE = 1000;
    /** The engine's default max_result_window: the most hits one request may return. */
    static final int MAX_WINDOW = 10_000;

    /**
     * The reports as imported, without the derived search fields ({@code *_folded}, the name skeleton), which
     * {@link Report} ignores on read anyway. Used by scans only: measured on search pages (docs/benchmarks.md),
     * filtering the source costs the engine more than the smaller answer saves (a page of 1,000 took 45.6 ms
     * instead of 25.6 ms straight from the engine).
     */
    private static final SourceConfig STORED_FIELDS_ONLY =
            SourceConfig.of(src -> src.filter(f -> f.excludes("*_folded", "*.*_folded", "victim.name_skeleton")));

    private final ElasticsearchClient client;
    /** Reads the next page of a scan while the caller handles the current one. */
    private final ThreadPoolTaskExecutor prefetch = Tasks.elastic("athar-scan-read", Duration.ofSeconds(10));

    SearchStore(ElasticsearchClient client) {
        this.client = client;
    }

    @PreDestroy
    void stop() {
        prefetch.shutdown();
    }

    /** One page as stored, before the viewer's redaction. */
    record Found(long total, long imprecise, List<Report> hits, Optional<String> next) {}

    Optional<Report> find(String id) throws IOException {
        return Optional.ofNullable(
                client.get(g -> g.index(EngineIndices.REPORTS).id(id), Report.class)
                        .source());
    }

    /** One page; without a cursor the first, with one the page after it (same query and sort, or a 400). */
    Found search(ReportQuery query, ReportSort sort, int size, Optional<String> cursorText) throws IOException {
        String key = SearchCursor.keyOf(query, sort);
        Optional<SearchCursor> cursor = cursorText.map(c -> SearchCursor.decode(c, key));
        String pit = cursor.isPresent() ? cursor.get().pit() : openPointInTime();
        SearchResponse<Report> response;
        try {
            response = client.search(
                    s -> {
                        s.pit(p -> p.id(pit).keepAlive(t -> t.time(KEEP_ALIVE)))
                                .query(ReportQueryStore.toQuery(query))
                                .size(size)
                                .trackTotalHits(t -> t.enabled(true))
                                .sort(ReportQueryStore.sortOptions(sort));
                        cursor.ifPresent(c -> s.searchAfter(c.after()));
                        return s;
                    },
                    Report.class);
        } catch (ElasticsearchException e) {
            if (cursor.isPresent() && e.status() == 404) {
                throw new SearchCursor.BadCursorException("the cursor has expired (result sets stay open " + KEEP_ALIVE
                        + " between pages); start again without a cursor");
            }
            throw e;
        }
        List<Hit<Report>> hits = response.hits().hits();
        long total = Objects.requireNonNull(response.hits().total()).value();
        long seen = cursor.map(SearchCursor::seen).orElse(0L) + hits.size();
        String nextPit = Optional.ofNullable(response.pitId()).orElse(pit);
        Optional<String> next = Optional.empty();
        if (seen < total && !hits.isEmpty()) {
            next = Optional.of(
                    new SearchCursor(nextPit, hits.get(hits.size() - 1).sort(), seen, key).encode());
        } else {
            client.closePointInTime(c -> c.id(nextPit));
        }
        long imprecise = cursor.isEmpty() ? imprecise(query) : 0;
        return new Found(
                total,
                imprecise,
                hits.stream().map(Hit::source).filter(Objects::nonNull).toList(),
                next);
    }

    /**
     * For each facet, how many reports each value has under the query with every other filter applied (the facet's
     * own choice left out, so the other values of a chosen filter keep their counts). Values with no reports are
     * absent.
     */
    Map<Facet, Map<String, Long>> facets(ReportQuery query) throws IOException {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            Query others = ReportQueryStore.withoutFacet(query, facet);
            aggs.put(
                    facet.name(),
                    Aggregation.of(a -> a.filter(others)
                            .aggregations(
                                    "values",
                                    v -> v.terms(t -> t.field(facet.field()).size(200)))));
        }
        SearchResponse<Void> response = client.search(
                s -> s.index(EngineIndices.REPORTS)
                        .size(0)
                        .query(ReportQueryStore.textOnly(query))
                        .aggregations(aggs),
                Void.class);
        Map<Facet, Map<String, Long>> counts = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            Map<String, Long> values = new LinkedHashMap<>();
            response.aggregations()
                    .get(facet.name())
                    .filter()
                    .aggregations()
                    .get("values")
                    .sterms()
                    .buckets()
                    .array()
                    .forEach(bucket -> values.put(bucket.key().stringValue(), bucket.docCount()));
            counts.put(facet, values);
        }
        return counts;
    }

    /** Where a page read through a point-in-time ended: its last hit's sort values, kept to read on from there. */
    record Position(List<FieldValue> after) {}

    /**
     * One page read through a point-in-time: the point-in-time to use next (the engine may renew its id), the
     * reports (none when their sources were not asked for), how many hits were read, where the page ended, and the
     * exact total when it was asked for (else -1).
     */
    record PitPage(String pit, List<Report> hits, int read, Optional<Position> end, long total) {}

    /** The point-in-time read by {@link #pitPage} has expired (kept {@link #KEEP_ALIVE} between reads). */
    static final class ExpiredPit extends RuntimeException {
        ExpiredPit(Throwable cause) {
            super("the result set expired; it is opened again", cause);
        }
    }

    String openPointInTime() throws IOException {
        return Scan.open(client, EngineIndices.REPORTS, KEEP_ALIVE);
    }

    /** Frees a point-in-time; one that already expired is gone anyway. */
    void closePointInTime(String pit) {
        Scan.closeQuietly(client, pit);
    }

    /**
     * Up to {@code size} results after {@code after} (from the first without it), in the order of {@code sort} with
     * the report id as tie-breaker, read from one point-in-time whose keep-alive each read renews. Without
     * {@code sources} only the positions are read (for skipping ahead cheaply).
     */
    PitPage pitPage(
            String pit,
            ReportQuery query,
            ReportSort sort,
            Optional<Position> after,
            int size,
            boolean sources,
            boolean total)
            throws IOException {
        Scan<Report> scan = Scan.of(client, EngineIndices.REPORTS, Report.class)
                .query(ReportQueryStore.toQuery(query))
                .sort(ReportQueryStore.withTieBreak(sort))
                .keepAlive(KEEP_ALIVE);
        if (!sources) {
            scan.source(SourceConfig.of(src -> src.fetch(false)));
        }
        SearchResponse<Report> response;
        try {
            response = scan.page(pit, after.map(Position::after), size, total);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                throw new ExpiredPit(e);
            }
            throw e;
        }
        List<Hit<Report>> hits = response.hits().hits();
        Optional<Position> end = hits.isEmpty()
                ? Optional.empty()
                : Optional.of(new Position(List.copyOf(hits.get(hits.size() - 1).sort())));
        long found = total ? Objects.requireNonNull(response.hits().total()).value() : -1;
        return new PitPage(
                Optional.ofNullable(response.pitId()).orElse(pit),
                sources
                        ? hits.stream()
                                .map(Hit::source)
                                .filter(Objects::nonNull)
                                .toList()
                        : List.of(),
                hits.size(),
                end,
                found);
    }

    /**
     * Names and localities that begin like what the user is typing (folded, so "احم" suggests "أحمد"), as written in
     * the reports, most relevant first.
     */
    List<String> suggest(String typed, int max) throws IOException {
        String folded = TextFolding.fold(typed);
        if (folded.isBlank()) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        collect(out, "victim.name_folded", folded, r -> Optional.of(r.victim().name()), max);
        collect(out, "place.locality_folded", folded, r -> r.place().locality(), max);
        return out.stream().limit(max).toList();
    }

    private void collect(
            LinkedHashSet<String> out, String field, String prefix, Function<Report, Optional<String>> value, int max)
            throws IOException {
        client
                .search(
                        s -> s.index(EngineIndices.REPORTS)
                                .size(max * 3)
                                .query(q ->
                                        q.matchPhrasePrefix(m -> m.field(field).query(prefix))),
                        Report.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::source)
                .filter(Objects::nonNull)
                .map(value)
                .flatMap(Optional::stream)
                .forEach(out::add);
    }

    long count(ReportQuery query) throws IOException {
        return count(ReportQueryStore.toQuery(query));
    }

    /**
     * Every report the query selects, in index order, {@code pageSize} at a time through one point-in-time and
     * {@code search_after} on {@code _shard_doc} (the cheapest total order: no page re-sorts what came before), so
     * the set is the one of the moment the scan began however long the caller takes. Returns how many were handed
     * over.
     */
    long scan(ReportQuery query, int pageSize, Consumer<Report> each) throws IOException {
        return Scan.of(client, EngineIndices.REPORTS, Report.class)
                .query(ReportQueryStore.toQuery(query))
                .pageSize(pageSize)
                .keepAlive(KEEP_ALIVE)
                .source(STORED_FIELDS_ONLY)
                // The next page is read (and parsed) while the caller works through this one.
                .prefetching(prefetch)
                .forEach(each);
    }

    /** The versioned index behind the reports alias (e.g. {@code athar-reports-000001}): the data version. */
    String reportsIndex() throws IOException {
        return client.indices().getAlias(a -> a.name(EngineIndices.REPORTS)).result().keySet().stream()
                .sorted()
                .reduce((a, b) -> b)
                .orElse(EngineIndices.REPORTS);
    }

    /** How many reports the query's date range leaves out as too imprecise or undated (0 without a range). */
    long imprecise(ReportQuery query) throws IOException {
        return query.hasDateRange() ? count(Queries.leftOutByDateRange(query)) : 0;
    }

    private long count(Query query) throws IOException {
        return client.count(c -> c.index(EngineIndices.REPORTS).query(query)).count();
    }
}
