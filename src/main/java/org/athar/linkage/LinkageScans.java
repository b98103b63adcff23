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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.athar.engine.Scan;
import org.springframework.core.task.AsyncTaskExecutor;

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
        return scan(client, index, query, includes, Optional.empty(), each);
    }

    /** As above, reading the next page on {@code prefetch} (when given) while {@code each} handles the current one. */
    static long scan(
            ElasticsearchClient client,
            String index,
            Query query,
            String[] includes,
            Optional<AsyncTaskExecutor> prefetch,
            Consumer<ObjectNode> each)
            throws IOException {
        Scan<ObjectNode> scan = Scan.of(client, index, ObjectNode.class)
                .query(query)
                .pageSize(PAGE)
                .keepAlive(KEEP_ALIVE);
        prefetch.ifPresent(scan::prefetching);
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

    /**
     * A new, empty index for {@code alias} (its template gives the mapping), filled without refreshes until
     * {@link #moveAliases(ElasticsearchClient, Map)} puts it behind the alias.
     */
    static String newIndex(ElasticsearchClient client, String alias) throws IOException {
        String name = alias + "-v" + System.currentTimeMillis();
        client.indices().create(c -> c.index(name).settings(s -> s.refreshInterval(t -> t.time("-1"))));
        return name;
    }

    /**
     * Deletes the indices of {@code alias} ({@code alias-v…}) that are not behind it: left by a re-link that died before
     * it moved the alias (an {@code OutOfMemoryError}, a killed process). Returns their names.
     */
    static List<String> dropOrphans(ElasticsearchClient client, String alias) throws IOException {
        List<String> orphans = new ArrayList<>();
        var found = client.indices()
                .get(g -> g.index(alias + "-v*").ignoreUnavailable(true).allowNoIndices(true));
        found.result().forEach((name, index) -> {
            if (index.aliases() == null || !index.aliases().containsKey(alias)) {
                orphans.add(name);
            }
        });
        if (!orphans.isEmpty()) {
            client.indices().delete(d -> d.index(orphans));
        }
        return orphans;
    }

    /**
     * Puts each index of {@code moves} (alias to index) behind its alias in one step, searchable at once (it was filled
     * without refreshes); the indices the aliases pointed at go.
     */
    static void moveAliases(ElasticsearchClient client, Map<String, String> moves) throws IOException {
        List<String> old = new ArrayList<>();
        Map<String, List<String>> before = new HashMap<>();
        for (Map.Entry<String, String> m : moves.entrySet()) {
            String index = m.getValue();
            client.indices().putSettings(s -> s.index(index).settings(x -> x.refreshInterval(t -> t.time("1s"))));
            client.indices().refresh(r -> r.index(index));
            List<String> was = new ArrayList<>(
                    client.indices().getAlias(a -> a.name(m.getKey())).result().keySet());
            before.put(m.getKey(), was);
            old.addAll(was);
        }
        client.indices().updateAliases(u -> {
            moves.forEach((alias, index) -> {
                u.actions(a -> a.add(x -> x.index(index).alias(alias).isWriteIndex(true)));
                for (String o : before.get(alias)) {
                    u.actions(a -> a.remove(x -> x.index(o).alias(alias)));
                }
            });
            return u;
        });
        if (!old.isEmpty()) {
            client.indices().delete(d -> d.index(old));
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
