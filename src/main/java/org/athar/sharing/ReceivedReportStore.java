package org.athar.sharing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.athar.engine.EngineIndices;
import org.springframework.stereotype.Component;

/** Deletes reports a partner withdrew, by document id; the only place sharing writes to the reports index. */
@Component
class ReceivedReportStore {

    private static final int BULK = 1_000;

    private final ElasticsearchClient client;

    ReceivedReportStore(ElasticsearchClient client) {
        this.client = client;
    }

    /** Deletes the reports with these document ids; returns the ids that were held (and are now gone). */
    List<String> delete(List<String> documentIds) throws IOException {
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < documentIds.size(); i += BULK) {
            BulkRequest.Builder b = new BulkRequest.Builder().refresh(Refresh.WaitFor);
            for (String id : documentIds.subList(i, Math.min(documentIds.size(), i + BULK))) {
                b.operations(o -> o.delete(d -> d.index(EngineIndices.REPORTS).id(id)));
            }
            BulkResponse r = client.bulk(b.build());
            for (BulkResponseItem item : r.items()) {
                if (item.error() != null) {
                    throw new IOException("the engine refused to delete report " + item.id() + ": "
                            + item.error().reason());
                }
                if ("deleted".equals(item.result())) {
                    deleted.add(item.id());
                }
            }
        }
        return deleted;
    }
}
