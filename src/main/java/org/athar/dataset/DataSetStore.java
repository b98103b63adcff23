package org.athar.dataset;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athar.engine.EngineIndices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** What the engine holds about the data set as a whole: read-only, from the reports and the import batches. */
@Component
class DataSetStore {

    private final ElasticsearchClient client;
    private final int sourcesPerPage;

    @Autowired
    DataSetStore(ElasticsearchClient client) {
        this(client, 1000);
    }

    /** @param sourcesPerPage sources read per request (tests lower it to see the paging) */
    DataSetStore(ElasticsearchClient client, int sourcesPerPage) {
        this.client = client;
        this.sourcesPerPage = sourcesPerPage;
    }

    boolean anySynthetic() throws IOException {
        return client.count(c -> c.index(EngineIndices.REPORTS)
                                .query(q -> q.term(t -> t.field("synthetic").value(true))))
                        .count()
                > 0;
    }

    /** Every source that has a stored report, in the engine's order (by name), paged so that none is cut off. */
    List<String> sources() throws IOException {
        List<String> sources = new ArrayList<>();
        Map<String, FieldValue> after = null;
        do {
            Map<String, FieldValue> from = after;
            var page = client.search(
                            s -> s.index(EngineIndices.REPORTS)
                                    .size(0)
                                    .aggregations(
                                            "sources",
                                            a -> a.composite(c -> {
                                                c.size(sourcesPerPage)
                                                        .sources(Map.of(
                                                                "source",
                                                                CompositeAggregationSource.of(
                                                                        v -> v.terms(t -> t.field("source")))));
                                                return from == null ? c : c.after(from);
                                            })),
                            Void.class)
                    .aggregations()
                    .get("sources")
                    .composite();
            for (CompositeBucket bucket : page.buckets().array()) {
                sources.add(bucket.key().get("source").stringValue());
            }
            after = page.buckets().array().size() < sourcesPerPage
                            || page.afterKey().isEmpty()
                    ? null
                    : page.afterKey();
        } while (after != null);
        return sources;
    }

    /** The latest end (completed, failed or interrupted) any stored import batch records. */
    Optional<Instant> lastBatchEnd() throws IOException {
        return client
                .search(
                        s -> s.index(EngineIndices.BATCHES)
                                .size(1)
                                .query(q -> q.exists(e -> e.field("finished_at")))
                                .sort(o -> o.field(f -> f.field("finished_at").order(SortOrder.Desc)))
                                .source(src -> src.filter(f -> f.includes("finished_at"))),
                        Ended.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::source)
                .flatMap(ended -> Optional.ofNullable(ended).map(Ended::finishedAt).stream())
                .findFirst();
    }

    /** The id of the import batch that ended last (completed, failed or interrupted). */
    Optional<String> lastBatchId() throws IOException {
        return client
                .search(
                        s -> s.index(EngineIndices.BATCHES)
                                .size(1)
                                .query(q -> q.exists(e -> e.field("finished_at")))
                                .sort(o -> o.field(f -> f.field("finished_at").order(SortOrder.Desc)))
                                .source(src -> src.fetch(false)),
                        Void.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::id)
                .findFirst();
    }

    private record Ended(@JsonProperty("finished_at") Instant finishedAt) {}
}
