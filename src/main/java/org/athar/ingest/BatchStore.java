package org.athar.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.athar.engine.EngineIndices;
import org.springframework.stereotype.Component;

/** Import batches: written as an import starts, progresses and ends; read by the Import view and the API. */
@Component
class BatchStore {

    private final ElasticsearchClient client;

    BatchStore(ElasticsearchClient client) {
        this.client = client;
    }

    void save(ImportBatch batch) throws IOException {
        client.index(i -> i.index(EngineIndices.BATCHES).id(batch.batchId()).document(batch));
    }

    Optional<ImportBatch> find(String batchId) throws IOException {
        var response = client.get(g -> g.index(EngineIndices.BATCHES).id(batchId), ImportBatch.class);
        return Optional.ofNullable(response.source());
    }

    List<ImportBatch> recent(int size) throws IOException {
        return client
                .search(
                        s -> s.index(EngineIndices.BATCHES)
                                .size(size)
                                .sort(o -> o.field(f -> f.field("started_at").order(SortOrder.Desc))),
                        ImportBatch.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::source)
                .filter(Objects::nonNull)
                .toList();
    }

    List<ImportBatch> running() throws IOException {
        return client
                .search(
                        s -> s.index(EngineIndices.BATCHES)
                                .size(100)
                                .query(q -> q.term(t -> t.field("status").value(ImportBatch.Status.RUNNING.code()))),
                        ImportBatch.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::source)
                .filter(Objects::nonNull)
                .toList();
    }
}
