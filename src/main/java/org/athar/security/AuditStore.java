package org.athar.security;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import org.athar.engine.EngineIndices;
import org.athar.engine.Scan;
import org.springframework.stereotype.Component;

/**
 * The audit log's only access to the engine. Append-only by construction: entries are created with
 * {@code op_type=create} and ids the engine generates, and this class has no update or delete path (ArchitectureTest
 * keeps it so). Writes return once the engine has the entry in its translog (fsynced per request by default), so an
 * entry survives Athar dying right after; no refresh is waited for, so a write costs one short round trip.
 */
@Component
class AuditStore {

    /** Entries per page of a streaming export. */
    static final int EXPORT_PAGE = 1000;

    private static final String KEEP_ALIVE = "1m";

    private final ElasticsearchClient client;

    AuditStore(ElasticsearchClient client) {
        this.client = client;
    }

    void append(AuditEntry entry) throws IOException {
        client.index(i -> i.index(EngineIndices.AUDIT).opType(OpType.Create).document(entry));
    }

    AuditPage find(AuditFilter filter, int offset, int limit) throws IOException {
        SearchResponse<AuditEntry> response = client.search(
                s -> s.index(EngineIndices.AUDIT)
                        .query(query(filter))
                        .from(offset)
                        .size(limit)
                        .trackTotalHits(t -> t.enabled(true))
                        .sort(o -> o.field(f -> f.field("time").order(SortOrder.Desc))),
                AuditEntry.class);
        long total = Objects.requireNonNull(response.hits().total()).value();
        return new AuditPage(
                total,
                response.hits().hits().stream()
                        .map(Hit::source)
                        .filter(Objects::nonNull)
                        .toList());
    }

    long count(AuditFilter filter) throws IOException {
        return client.count(c -> c.index(EngineIndices.AUDIT).query(query(filter)))
                .count();
    }

    /**
     * Every matching entry, newest first, through a point-in-time so entries written meanwhile neither appear twice
     * nor shift the pages; the engine adds its shard-order tie-break, so search_after never skips equal times.
     */
    void forEach(AuditFilter filter, Consumer<AuditEntry> each) throws IOException {
        Scan.of(client, EngineIndices.AUDIT, AuditEntry.class)
                .query(query(filter))
                .sortBy("time", SortOrder.Desc)
                .pageSize(EXPORT_PAGE)
                .keepAlive(KEEP_ALIVE)
                .forEach(each);
    }

    private static Query query(AuditFilter filter) {
        return Query.of(q -> q.bool(b -> {
            filter.user().ifPresent(u -> term(b, "username", u));
            filter.action().ifPresent(a -> term(b, "action", a.code()));
            filter.outcome().ifPresent(o -> term(b, "outcome", o.code()));
            filter.clientAddress().ifPresent(a -> term(b, "client_address", a));
            if (filter.from().isPresent() || filter.to().isPresent()) {
                b.filter(f -> f.range(r -> r.date(d -> {
                    d.field("time");
                    filter.from().ifPresent(from -> d.gte(from.toString()));
                    filter.to().ifPresent(to -> d.lt(to.toString()));
                    return d;
                })));
            }
            return b;
        }));
    }

    private static void term(BoolQuery.Builder b, String field, String value) {
        b.filter(f -> f.term(t -> t.field(field).value(value)));
    }
}
