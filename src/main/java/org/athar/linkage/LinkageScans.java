package org.athar.linkage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.athar.engine.Scan;

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
        Scan<ObjectNode> scan = Scan.of(client, index, ObjectNode.class)
                .query(query)
                .pageSize(PAGE)
                .keepAlive(KEEP_ALIVE);
        if (includes != null) {
            scan.source(SourceConfig.of(src -> src.filter(f -> f.includes(List.of(includes)))));
        }
        return scan.forEach(each);
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
        Scan.of(client, index, Void.class)
                .query(query)
                .pageSize(PAGE)
                .keepAlive(KEEP_ALIVE)
                .source(SourceConfig.of(src -> src.fetch(false)))
                .forEachPage(hits -> hits.forEach(h -> out.add(h.id())));
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
