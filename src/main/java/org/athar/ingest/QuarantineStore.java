package org.athar.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.athar.engine.EngineIndices;
import org.athar.i18n.Text;
import org.springframework.stereotype.Component;

/** Reads back a batch's rejected rows, in row order, page by page (a batch may have many). */
@Component
class QuarantineStore {

    private static final int PAGE = 1000;

    /** One rejected row as kept in quarantine. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rejected(String batchId, String fileName, long rowNumber, Map<String, String> raw, List<Reason> errors) {}

    /** One reason a row was rejected, as stored (the row number is the document's). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reason(String field, String message, Map<String, Object> text) {

        /** The reason in words for any language; a row quarantined before reasons were translated keeps English. */
        Text readable() {
            return Text.fromMap(text).orElseGet(() -> Text.of("import.error.english", message));
        }
    }

    private final ElasticsearchClient client;

    QuarantineStore(ElasticsearchClient client) {
        this.client = client;
    }

    void forEach(String batchId, Consumer<Rejected> action) throws IOException {
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Rejected> page = client.search(
                    s -> {
                        s.index(EngineIndices.QUARANTINE)
                                .size(PAGE)
                                .query(q -> q.term(t -> t.field("batch_id").value(batchId)))
                                .sort(o -> o.field(f -> f.field("row_number").order(SortOrder.Asc)));
                        if (!searchAfter.isEmpty()) {
                            s.searchAfter(searchAfter);
                        }
                        return s;
                    },
                    Rejected.class);
            List<Hit<Rejected>> hits = page.hits().hits();
            hits.forEach(h -> action.accept(h.source()));
            if (hits.size() < PAGE) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }
}
