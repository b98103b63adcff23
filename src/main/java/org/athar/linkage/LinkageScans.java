package org.athar.linkage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The engine plumbing the linkage stores share: point-in-time scans, deletes by query, bulk checks. */
final class LinkageScans {

    static final int BULK = 2_000;
    private static final String KEEP_ALIVE = "5m";
    private static final int PAGE = 5_000;

    private LinkageScans() {}

    /** Every document of {@code index} matching {@code query} ({@code includes}: the fields read, null for all). */
    static long scan(
            ElasticsearchClient client, String index, Query query, String[] includes, Consumer<ObjectNode> each)
            throws IOException {
        String pit = client.openPointInTime(p -> p.index(index).keepAlive(t -> t.time(KEEP_ALIVE)))
                .id();
        String current = pit;
        long seen = 0;
        try {
            List<FieldValue> after = null;
            while (true) {
                String id = current;
                List<FieldValue> from = after;
                SearchResponse<ObjectNode> page = client.search(
                        s -> {
                            s.pit(p -> p.id(id).keepAlive(t -> t.time(KEEP_ALIVE)))
                                    .query(query)
                                    .size(PAGE)
                                    .trackTotalHits(t -> t.enabled(false))
                                    .sort(o ->
                                            o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                            if (includes != null) {
                                s.source(src -> src.filter(f -> f.includes(List.of(includes))));
                            }
                            if (from != null) {
                                s.searchAfter(from);
                            }
                            return s;
                        },
                        ObjectNode.class);
                current = Optional.ofNullable(page.pitId()).orElse(current);
                List<Hit<ObjectNode>> hits = page.hits().hits();
                for (Hit<ObjectNode> hit : hits) {
                    if (hit.source() != null) {
                        each.accept(hit.source());
                        seen++;
                    }
                }
                if (hits.size() < PAGE) {
                    return seen;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } finally {
            String last = current;
            client.closePointInTime(c -> c.id(last));
        }
    }

    /**
     * Deletes the documents matching {@code query}: their ids are read on a point-in-time, then deleted in bulk (the
     * engine distribution Athar embeds has no delete-by-query).
     */
    static long deleteWhere(ElasticsearchClient client, String index, Query query) throws IOException {
        List<String> found = new ArrayList<>();
        scanIds(client, index, query, found);
        for (int i = 0; i < found.size(); i += BULK) {
            BulkRequest.Builder b = new BulkRequest.Builder();
            for (String id : found.subList(i, Math.min(found.size(), i + BULK))) {
                b.operations(o -> o.delete(d -> d.index(index).id(id)));
            }
            b.refresh(Refresh.WaitFor);
            check(client.bulk(b.build()));
        }
        return found.size();
    }

    private static void scanIds(ElasticsearchClient client, String index, Query query, List<String> out)
            throws IOException {
        String pit = client.openPointInTime(p -> p.index(index).keepAlive(t -> t.time(KEEP_ALIVE)))
                .id();
        String current = pit;
        try {
            List<FieldValue> after = null;
            while (true) {
                String id = current;
                List<FieldValue> from = after;
                SearchResponse<Void> page = client.search(
                        s -> {
                            s.pit(p -> p.id(id).keepAlive(t -> t.time(KEEP_ALIVE)))
                                    .query(query)
                                    .size(PAGE)
                                    .source(x -> x.fetch(false))
                                    .trackTotalHits(t -> t.enabled(false))
                                    .sort(o ->
                                            o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                            if (from != null) {
                                s.searchAfter(from);
                            }
                            return s;
                        },
                        Void.class);
                current = Optional.ofNullable(page.pitId()).orElse(current);
                page.hits().hits().forEach(h -> out.add(h.id()));
                if (page.hits().hits().size() < PAGE) {
                    return;
                }
                after = page.hits().hits().get(page.hits().hits().size() - 1).sort();
            }
        } finally {
            String last = current;
            client.closePointInTime(c -> c.id(last));
        }
    }

    static void check(BulkResponse r) throws IOException {
        if (r.errors()) {
            var first = r.items().stream()
                    .filter(i -> i.error() != null)
                    .findFirst()
                    .orElseThrow();
            throw new IOException("the engine refused a linkage write (" + first.id() + "): "
                    + first.error().reason());
        }
    }
}
