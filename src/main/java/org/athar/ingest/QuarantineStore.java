package org.athar.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.athar.engine.EngineIndices;
import org.athar.engine.Scan;
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

    /**
     * Every rejected row of the batch in row order, through a point-in-time so rows quarantined meanwhile neither
     * appear twice nor shift the pages.
     */
    void forEach(String batchId, Consumer<Rejected> action) throws IOException {
        Scan.of(client, EngineIndices.QUARANTINE, Rejected.class)
                .query(Query.of(q -> q.term(t -> t.field("batch_id").value(batchId))))
                .sortBy("row_number", SortOrder.Asc)
                .pageSize(PAGE)
                .forEach(action);
    }
}
