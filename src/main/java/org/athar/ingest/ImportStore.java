package org.athar.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athar.engine.EngineIndices;
import org.athar.report.Provenance;
import org.athar.report.Report;
import org.springframework.stereotype.Component;

/** The import's access to Elasticsearch: which reports exist already, bulk writes of reports and rejected rows. */
@Component
class ImportStore {

    /** Operations per bulk request and requests in flight: two connections keep two cores busy, memory bounded. */
    static final int BULK_OPERATIONS = 1000;

    static final int BULK_CONCURRENCY = 2;

    /**
     * What the import reads of the engine's answer to a bulk request: per write its status, whether it created the
     * document, and the error if any. The rest (ids, versions, sequence numbers, shard counts) was most of the answer
     * and of the time spent reading it.
     */
    static final String ANSWER = "took,errors,items.*._index,items.*.status,items.*.result,items.*.error,error,status";

    /** Hears, per written row, whether the engine stored it. Called from the bulk threads. */
    interface Confirmations<T> {

        /**
         * The engine answered for this row: stored (and whether as a new document), or refused with the engine's
         * status and reason.
         */
        void answered(T ticket, Optional<Refusal> refusal, boolean created);

        /** The engine did not answer for these rows at all (unreachable, timed out): none of them is stored. */
        void failed(List<T> tickets, Throwable cause);
    }

    /** Why the engine refused one write. */
    record Refusal(int status, String type, String reason) {

        /** A later row of the same report already stored (external versioning): this row is accounted for by it. */
        boolean supersededByLaterRow() {
            return status == 409;
        }

        /** The engine could not take the write now (overloaded, shard unavailable, node lost): nothing is wrong with the row. */
        boolean engineTrouble() {
            return status == 429 || status >= 500;
        }
    }

    private final ElasticsearchClient client;

    ImportStore(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * What the engine holds of a stored report to tell whether a row changes it: the row digest with its scheme and
     * the synthetic flag (a row re-imported as real data changes a synthetic report).
     */
    record StoredRow(String contentHash, String hashScheme, boolean synthetic) {}

    /** The reports among these ids that are already stored, by id. */
    Map<String, StoredRow> stored(Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> idList = List.copyOf(ids);
        try {
            return lookUp(idList);
        } catch (ElasticsearchException e) {
            throw new IOException("the engine could not look up existing reports: " + e.getMessage(), e);
        }
    }

    private Map<String, StoredRow> lookUp(List<String> idList) throws IOException {
        Map<String, StoredRow> out = new HashMap<>();
        for (Hit<ObjectNode> hit : client.search(
                        s -> s.index(EngineIndices.REPORTS)
                                .size(idList.size())
                                .source(src -> src.filter(f ->
                                        f.includes("provenance.content_hash", "provenance.hash_scheme", "synthetic")))
                                .query(q -> q.ids(i -> i.values(idList))),
                        ObjectNode.class)
                .hits()
                .hits()) {
            ObjectNode source = hit.source();
            JsonNode provenance = source == null ? null : source.path("provenance");
            out.put(
                    hit.id(),
                    new StoredRow(
                            provenance == null
                                    ? ""
                                    : provenance.path("content_hash").asText(""),
                            provenance == null || !provenance.hasNonNull("hash_scheme")
                                    ? Provenance.LEGACY
                                    : provenance.get("hash_scheme").asText(),
                            source != null && source.path("synthetic").asBoolean(false)));
        }
        return out;
    }

    /**
     * Whether the engine holds any report of this source. An import skips the look-up of stored reports for a source
     * that had none when it began: its rows can only be new, or (should another import of the same source run at the
     * same time) updates, which the engine's answer to each write tells apart.
     */
    boolean holdsSource(String source) throws IOException {
        try {
            return client.count(c -> c.index(EngineIndices.REPORTS)
                                    .query(q -> q.term(t -> t.field("source").value(source))))
                            .count()
                    > 0;
        } catch (ElasticsearchException e) {
            throw new IOException("the engine could not count the reports of a source: " + e.getMessage(), e);
        }
    }

    /** A report turned into the JSON the engine stores, ready for a bulk write; made on any thread. */
    static final class Document {

        private final String id;
        private final BinaryData json;

        private Document(String id, BinaryData json) {
            this.id = id;
            this.json = json;
        }

        String id() {
            return id;
        }
    }

    Document document(Report report) {
        return new Document(report.id(), BinaryData.of(report, client._jsonpMapper()));
    }

    long reportCount() throws IOException {
        return client.count(c -> c.index(EngineIndices.REPORTS)).count();
    }

    <T> Writer<T> writer(Confirmations<T> confirmations) {
        return new Writer<>(BulkIngester.of(
                b -> b.client(client.withTransportOptions(o -> o.setParameter("filter_path", ANSWER)))
                        .maxOperations(BULK_OPERATIONS)
                        .maxConcurrentRequests(BULK_CONCURRENCY)
                        .maxSize(8L * 1024 * 1024)
                        .listener(new Listener<>(confirmations))));
    }

    /** Streams writes to the engine in bulk; {@code add} blocks while enough requests are in flight. */
    static final class Writer<T> implements AutoCloseable {

        private final BulkIngester<T> ingester;

        private Writer(BulkIngester<T> ingester) {
            this.ingester = ingester;
        }

        /**
         * Writes a report with an external version: whichever of two writes of the same report arrives last, the one
         * with the higher version (the later row, or the later batch) is kept.
         */
        void report(Document report, long version, T ticket) {
            ingester.add(
                    o -> o.index(i -> i.index(EngineIndices.REPORTS)
                            .id(report.id)
                            .version(version)
                            .versionType(VersionType.External)
                            .document(report.json)),
                    ticket);
        }

        void quarantine(String batchId, String fileName, RawRow row, List<RowError> errors, Instant at, T ticket) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("batch_id", batchId);
            doc.put("file_name", fileName);
            doc.put("row_number", row.number());
            doc.put("rejected_at", at.toString());
            doc.put("raw", row.values());
            // The English message for the API and search; the text (key and values) for a reader in another language.
            doc.put(
                    "errors",
                    errors.stream()
                            .map(e -> Map.of(
                                    "field",
                                    e.field(),
                                    "message",
                                    e.message(),
                                    "text",
                                    e.text().toMap()))
                            .toList());
            ingester.add(
                    o -> o.index(i -> i.index(EngineIndices.QUARANTINE)
                            .id(batchId + "-" + row.number())
                            .document(doc)),
                    ticket);
        }

        /** Sends what is buffered and waits until the engine has answered every write. */
        @Override
        public void close() {
            ingester.close();
        }
    }

    private record Listener<T>(Confirmations<T> confirmations) implements BulkListener<T> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<T> tickets) {
            // nothing to prepare
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<T> tickets, BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                confirmations.answered(
                        tickets.get(i),
                        Optional.ofNullable(item.error()).map(e -> new Refusal(item.status(), e.type(), e.reason())),
                        "created".equals(item.result()));
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<T> tickets, Throwable failure) {
            confirmations.failed(tickets, failure);
        }
    }

    /** Makes the batch visible to searches before the import answers. */
    void refresh() throws IOException {
        client.indices().refresh(r -> r.index(EngineIndices.REPORTS, EngineIndices.QUARANTINE, EngineIndices.BATCHES));
    }
}
