package org.athar.linkage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The full re-link's writes: documents go to the engine in bulk while the caller goes on building the next ones (one
 * request in flight), instead of the caller waiting for each answer. {@link #close()} waits for every answer and
 * throws the first refusal, so nothing is lost silently.
 */
final class LinkageBulk implements AutoCloseable {

    /** The engine answers with errors only: a re-link's million answers are not read back otherwise. */
    private static final String ANSWER =
            "took,errors,items.*._index,items.*._id,items.*.status,items.*.error,error,status";

    private final BulkIngester<Void> ingester;
    private final AtomicReference<String> refused = new AtomicReference<>();

    private LinkageBulk(ElasticsearchClient client) {
        this.ingester =
                BulkIngester.of(b -> b.client(client.withTransportOptions(o -> o.setParameter("filter_path", ANSWER)))
                        .maxOperations(LinkageScans.BULK)
                        .maxConcurrentRequests(1)
                        .maxSize(8L * 1024 * 1024)
                        .listener(new Listener()));
    }

    static LinkageBulk open(ElasticsearchClient client) {
        return new LinkageBulk(client);
    }

    /** Writes (or overwrites) the document {@code id} of {@code index}; blocks while a full request is in flight. */
    void index(String index, String id, Object document) {
        ingester.add(o -> o.index(x -> x.index(index).id(id).document(document)));
    }

    /** Sends what is buffered, waits for every answer, and throws if the engine refused or did not take a write. */
    @Override
    public void close() throws IOException {
        ingester.close();
        String first = refused.get();
        if (first != null) {
            throw new IOException(first);
        }
    }

    private final class Listener implements BulkListener<Void> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Void> contexts) {
            // nothing to prepare
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, BulkResponse response) {
            if (response.errors()) {
                for (BulkResponseItem item : response.items()) {
                    if (item.error() != null) {
                        refused.compareAndSet(
                                null,
                                "the engine refused a linkage write (" + item.id() + "): "
                                        + item.error().reason());
                        return;
                    }
                }
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, Throwable failure) {
            refused.compareAndSet(null, "a linkage write did not reach the engine: " + failure.getMessage());
        }
    }
}
