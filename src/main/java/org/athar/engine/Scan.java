package org.athar.engine;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.athar.platform.Futures;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Athar's one way to read every hit of a query: page by page through one point-in-time with {@code search_after},
 * so the set is the one of the moment the scan began however long the caller takes, and no hit repeats or goes
 * missing while others are written. Each read renews the point-in-time's keep-alive and uses the id the engine hands
 * back (it may change); the point-in-time is closed however the scan ends. Without a sort the hits come in
 * {@code _shard_doc} order, the cheapest total order; with one, the engine breaks ties by shard order itself.
 *
 * <pre>{@code
 * Scan.of(client, EngineIndices.AUDIT, AuditEntry.class)
 *         .query(q).sortBy("time", SortOrder.Desc).pageSize(1000).keepAlive("1m")
 *         .forEach(entry -> ...);
 * }</pre>
 *
 * A scan is built, run once and dropped; its settings are not shared between threads.
 */
public final class Scan<T> {

    /** What a point-in-time's keep-alive is unless a store asks for another. */
    public static final String KEEP_ALIVE = "1m";

    private static final List<SortOptions> SHARD_ORDER =
            List.of(SortOptions.of(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc))));

    private final ElasticsearchClient client;
    private final String index;
    private final Class<T> type;
    private Query query = Query.of(q -> q.matchAll(m -> m));
    private List<SortOptions> sort = SHARD_ORDER;
    private int pageSize = 1000;
    private String keepAlive = KEEP_ALIVE;
    private Optional<SourceConfig> source = Optional.empty();
    private Optional<AsyncTaskExecutor> prefetch = Optional.empty();

    private Scan(ElasticsearchClient client, String index, Class<T> type) {
        this.client = client;
        this.index = index;
        this.type = type;
    }

    /** A scan of every document of {@code index} (an alias or index name) read as {@code type}. */
    public static <T> Scan<T> of(ElasticsearchClient client, String index, Class<T> type) {
        return new Scan<>(client, index, type);
    }

    public Scan<T> query(Query query) {
        this.query = query;
        return this;
    }

    /** The order of the hits; a total order only with a unique last key (or the engine's own shard-order tie-break). */
    public Scan<T> sort(List<SortOptions> sort) {
        this.sort = List.copyOf(sort);
        return this;
    }

    public Scan<T> sortBy(String field, SortOrder order) {
        return sort(List.of(SortOptions.of(o -> o.field(f -> f.field(field).order(order)))));
    }

    /** Hits per engine request (at most the engine's max_result_window, 10,000). */
    public Scan<T> pageSize(int pageSize) {
        this.pageSize = pageSize;
        return this;
    }

    /** How long the point-in-time stays open between two reads, as the engine writes times ({@code "2m"}). */
    public Scan<T> keepAlive(String keepAlive) {
        this.keepAlive = keepAlive;
        return this;
    }

    /** Which parts of each document's source are read (all by default). */
    public Scan<T> source(SourceConfig source) {
        this.source = Optional.of(source);
        return this;
    }

    /**
     * Reads the next page on {@code executor} while the caller works through the current one: the engine's reading
     * and the caller's work overlap instead of taking turns. At most two pages are held at once.
     */
    public Scan<T> prefetching(AsyncTaskExecutor executor) {
        this.prefetch = Optional.of(executor);
        return this;
    }

    /** Hands every hit's source to {@code each}, in order; returns how many were handed over. */
    public long forEach(Consumer<T> each) throws IOException {
        long[] seen = {0};
        forEachPage(hits -> {
            for (Hit<T> hit : hits) {
                if (hit.source() != null) {
                    each.accept(hit.source());
                    seen[0]++;
                }
            }
        });
        return seen[0];
    }

    /** Hands the hits to {@code page} a page at a time, in order; returns how many hits were read. */
    public long forEachPage(Consumer<List<Hit<T>>> page) throws IOException {
        String[] pit = {open(client, index, keepAlive)};
        long read = 0;
        Future<SearchResponse<T>> pending = null;
        try {
            SearchResponse<T> current = page(pit[0], Optional.empty(), pageSize, false);
            while (true) {
                pit[0] = Optional.ofNullable(current.pitId()).orElse(pit[0]);
                List<Hit<T>> hits = current.hits().hits();
                Optional<List<FieldValue>> after = hits.size() == pageSize
                        ? Optional.of(hits.get(hits.size() - 1).sort())
                        : Optional.empty();
                String id = pit[0];
                if (after.isPresent() && prefetch.isPresent()) {
                    pending = prefetch.get().submit(() -> page(id, after, pageSize, false));
                }
                page.accept(hits);
                read += hits.size();
                if (after.isEmpty()) {
                    break;
                }
                current =
                        pending != null ? Futures.await(pending, "reading " + index) : page(id, after, pageSize, false);
                pending = null;
            }
        } catch (Throwable e) {
            if (pending != null) {
                finishQuietly(pending);
            }
            closeAfterFailure(client, pit[0], e);
            throw e;
        }
        client.closePointInTime(c -> c.id(pit[0]));
        return read;
    }

    /**
     * One page of this scan's query and sort: up to {@code size} hits after {@code after} (from the first without
     * it), read from {@code pit} and renewing its keep-alive; with the exact total when {@code total} is asked. The
     * response's {@code pitId()} is the id to use next. A point-in-time that expired is an
     * {@link ElasticsearchException} with status 404.
     */
    public SearchResponse<T> page(String pit, Optional<List<FieldValue>> after, int size, boolean total)
            throws IOException {
        return client.search(
                s -> {
                    s.pit(p -> p.id(pit).keepAlive(t -> t.time(keepAlive)))
                            .query(query)
                            .size(size)
                            .trackTotalHits(t -> t.enabled(total))
                            .sort(sort);
                    source.ifPresent(s::source);
                    after.ifPresent(a -> s.searchAfter(a));
                    return s;
                },
                type);
    }

    /** Opens a point-in-time on {@code index}, kept {@code keepAlive} between reads. */
    public static String open(ElasticsearchClient client, String index, String keepAlive) throws IOException {
        return client.openPointInTime(p -> p.index(index).keepAlive(t -> t.time(keepAlive)))
                .id();
    }

    /** Frees a point-in-time; one that already expired or cannot be reached is dropped by the engine by itself. */
    public static void closeQuietly(ElasticsearchClient client, String pit) {
        try {
            client.closePointInTime(c -> c.id(pit));
        } catch (IOException | ElasticsearchException e) {
            // Nothing to do: the engine drops a point-in-time by itself once its keep-alive has passed.
        }
    }

    /** What a piece of work does with the id of a point-in-time it was given. */
    @FunctionalInterface
    public interface PitWork<R> {
        R run(String pit) throws IOException;
    }

    /**
     * Runs {@code work} on a point-in-time of {@code index} opened for it and closed after it, for reads that page by
     * other means than hits (a composite aggregation's {@code after_key}).
     */
    public static <R> R within(ElasticsearchClient client, String index, String keepAlive, PitWork<R> work)
            throws IOException {
        String pit = open(client, index, keepAlive);
        R result;
        try {
            result = work.run(pit);
        } catch (Throwable e) {
            closeAfterFailure(client, pit, e);
            throw e;
        }
        client.closePointInTime(c -> c.id(pit));
        return result;
    }

    // The scan already failed: that failure is the one to report, a failed close rides along with it.
    private static void closeAfterFailure(ElasticsearchClient client, String pit, Throwable failure) {
        try {
            client.closePointInTime(c -> c.id(pit));
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    // The caller stopped: let the read in flight end before its point-in-time is closed.
    private static void finishQuietly(Future<?> read) {
        try {
            Futures.await(read, "finishing a read");
        } catch (IOException | RuntimeException ignored) {
            // the scan already stopped for another reason, which is the one to report
        }
    }
}
