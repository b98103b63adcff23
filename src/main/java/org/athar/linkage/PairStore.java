package org.athar.linkage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athar.engine.EngineIndices;
import org.athar.report.ReportJson;
import org.springframework.stereotype.Component;

/** Linkage's access to {@code athar-links}: candidate pairs, their decisions and the history of each. */
@Component
class PairStore {

    /** Who decided a pair the linker itself decided. */
    static final String ATHAR = "athar";

    /** The pairs a person decided on: a re-link keeps them as they are. */
    private static final Query DECIDED_BY_A_PERSON = Query.of(x ->
            x.bool(b -> b.mustNot(m -> m.term(t -> t.field("decided_by").value(ATHAR)))));

    private static final String IMPACT = PairJson.IMPACT;
    private static final String UNCERTAINTY = PairJson.UNCERTAINTY;

    private final ElasticsearchClient client;
    private final ObjectMapper json = ReportJson.newMapper();

    PairStore(ElasticsearchClient client) {
        this.client = client;
    }

    Optional<CandidatePair> pair(String id) throws IOException {
        var r = client.get(g -> g.index(EngineIndices.LINKS).id(id), ObjectNode.class);
        return r.found() && r.source() != null ? Optional.of(PairJson.read(r.source())) : Optional.empty();
    }

    /**
     * Pairs with the decision. Pending pairs come in {@link ReviewOrder}'s order: highest impact first, then the most
     * uncertain, then by id (a pair stored before these fields existed comes last until its persons are rebuilt);
     * the other decisions highest score first.
     */
    List<CandidatePair> queue(Decision decision, int from, int size) throws IOException {
        List<SortOptions> order = decision == Decision.PENDING
                ? List.of(
                        SortOptions.of(o -> o.field(
                                f -> f.field(IMPACT).order(SortOrder.Desc).missing("_last"))),
                        SortOptions.of(o -> o.field(
                                f -> f.field(UNCERTAINTY).order(SortOrder.Desc).missing("_last"))),
                        SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))))
                : List.of(
                        SortOptions.of(o -> o.field(f -> f.field("score").order(SortOrder.Desc))),
                        SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
        return client
                .search(
                        s -> s.index(EngineIndices.LINKS)
                                .from(from)
                                .size(size)
                                .query(q -> q.term(t -> t.field("decision").value(decision.code())))
                                .sort(order),
                        ObjectNode.class)
                .hits()
                .hits()
                .stream()
                .map(h -> PairJson.read(h.source()))
                .toList();
    }

    long count(Decision decision) throws IOException {
        return client.count(c -> c.index(EngineIndices.LINKS)
                        .query(q -> q.term(t -> t.field("decision").value(decision.code()))))
                .count();
    }

    /** Every pair involving any of {@code reportIds} (optionally only with the given decisions). */
    List<CandidatePair> involving(Collection<String> reportIds, List<Decision> decisions) throws IOException {
        List<CandidatePair> out = new ArrayList<>();
        List<String> ids = List.copyOf(reportIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            List<FieldValue> chunk = ids.subList(i, Math.min(ids.size(), i + 1000)).stream()
                    .map(FieldValue::of)
                    .toList();
            Query q = Query.of(x -> x.bool(b -> {
                b.filter(f -> f.terms(t -> t.field("reports").terms(v -> v.value(chunk))));
                if (!decisions.isEmpty()) {
                    b.filter(f -> f.terms(t -> t.field("decision")
                            .terms(v -> v.value(decisions.stream()
                                    .map(d -> FieldValue.of(d.code()))
                                    .toList()))));
                }
                return b;
            }));
            LinkageScans.scan(client, EngineIndices.LINKS, q, null, doc -> out.add(PairJson.read(doc)));
        }
        return out;
    }

    /**
     * Every pending pair, handed to {@code handler} {@code chunk} at a time: after a full re-link they can be millions
     * (2.7 million at 1,000,000 demo reports), too many to hold at once in a 1 GB heap.
     */
    void eachPending(int chunk, LinkageIo.IoConsumer<List<CandidatePair>> handler) throws IOException {
        List<CandidatePair> buffer = new ArrayList<>(chunk);
        Query q = Query.of(x -> x.term(t -> t.field("decision").value(Decision.PENDING.code())));
        try {
            LinkageScans.scan(client, EngineIndices.LINKS, q, null, doc -> {
                buffer.add(PairJson.read(doc));
                if (buffer.size() >= chunk) {
                    handOver(buffer, handler);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        handOver(buffer, handler);
    }

    private static void handOver(List<CandidatePair> buffer, LinkageIo.IoConsumer<List<CandidatePair>> handler) {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            handler.accept(List.copyOf(buffer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
    }

    /**
     * Sets the {@code impact} of pending pairs (pair id to impact) by partial updates, so nothing else of a pair is
     * rewritten. Runs on the linkage worker's thread, like every other write of pairs, so no pair is removed meanwhile.
     */
    void setImpacts(Map<String, Double> impacts) throws IOException {
        setImpacts(impacts, true);
    }

    /** As above; {@code refresh}: whether the last request waits until the changes are searchable. */
    void setImpacts(Map<String, Double> impacts, boolean refresh) throws IOException {
        List<Map.Entry<String, Double>> all = List.copyOf(impacts.entrySet());
        for (int i = 0; i < all.size(); i += LinkageScans.BULK) {
            BulkRequest.Builder b = new BulkRequest.Builder();
            for (Map.Entry<String, Double> e : all.subList(i, Math.min(all.size(), i + LinkageScans.BULK))) {
                ObjectNode doc = json.createObjectNode().put(IMPACT, e.getValue());
                b.operations(o -> o.update(
                        u -> u.index(EngineIndices.LINKS).id(e.getKey()).action(a -> a.doc(doc))));
            }
            if (refresh && i + LinkageScans.BULK >= all.size()) {
                b.refresh(Refresh.WaitFor);
            }
            LinkageScans.check(client.bulk(b.build()));
        }
    }

    /** Makes every write to the pairs so far searchable. */
    void refresh() throws IOException {
        client.indices().refresh(r -> r.index(EngineIndices.LINKS));
    }

    /** Pairs a person decided on (confirmed, rejected, or sent back to review): a re-link never overrides them. */
    List<CandidatePair> humanDecisions() throws IOException {
        List<CandidatePair> out = new ArrayList<>();
        LinkageScans.scan(client, EngineIndices.LINKS, DECIDED_BY_A_PERSON, null, doc -> out.add(PairJson.read(doc)));
        return out;
    }

    void savePairs(List<CandidatePair> pairs, String run, boolean refresh) throws IOException {
        int bulk = LinkageScans.BULK;
        for (int i = 0; i < pairs.size(); i += bulk) {
            List<CandidatePair> chunk = pairs.subList(i, Math.min(pairs.size(), i + bulk));
            BulkRequest.Builder b = new BulkRequest.Builder();
            for (CandidatePair p : chunk) {
                BinaryData doc = docOf(PairJson.write(p, run));
                b.operations(o ->
                        o.index(x -> x.index(EngineIndices.LINKS).id(p.id()).document(doc)));
            }
            if (refresh && i + bulk >= pairs.size()) {
                b.refresh(Refresh.WaitFor);
            }
            LinkageScans.check(client.bulk(b.build()));
        }
    }

    /** A writer of pairs that sends in bulk while its caller builds the next documents. */
    LinkageBulk bulk() {
        return LinkageBulk.open(client);
    }

    /**
     * A new, empty index for the pairs of a full re-link, searchable only once {@link #usePairs(String)} puts it behind
     * the alias (until then the engine does not refresh it every second, which would make many small segments).
     */
    String newIndex() throws IOException {
        return LinkageScans.newIndex(client, EngineIndices.LINKS);
    }

    /** Copies every pair a reviewer decided, as stored, into {@code index}; returns how many. */
    long copyHumanDecisions(LinkageBulk bulk, String index) throws IOException {
        return LinkageScans.scan(
                client,
                EngineIndices.LINKS,
                DECIDED_BY_A_PERSON,
                null,
                doc -> bulk.index(index, doc.get("id").asText(), doc));
    }

    /** Deletes pairs indices a re-link made and never used (it died first); returns their names. */
    List<String> dropOrphans() throws IOException {
        return LinkageScans.dropOrphans(client, EngineIndices.LINKS);
    }

    /**
     * Writes one pair of run {@code run} into {@code index} through {@code bulk}; a pending pair weighed by the reports
     * of the persons it would join (ReviewOrder#reportsJoined).
     */
    void write(LinkageBulk bulk, String index, CandidatePair pair, String run, int reportsJoined) {
        bulk.index(index, pair.id(), docOf(PairJson.write(pair, run, reportsJoined)));
    }

    /** Puts {@code index} behind the pairs alias in one step, searchable at once; the old index goes. */
    void usePairs(String index) throws IOException {
        LinkageScans.moveAliases(client, Map.of(EngineIndices.LINKS, index));
    }

    /** Drops an index {@link #newIndex()} made that a failed re-link leaves unused. */
    void dropUnused(String index) throws IOException {
        client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    }

    /**
     * Removes every pair involving any of {@code reportIds}, reviewers' decisions included: the reports are gone
     * (withdrawn by their sender), so a decision about them has nothing left to apply to.
     */
    long removeInvolving(Collection<String> reportIds) throws IOException {
        long removed = 0;
        List<String> ids = List.copyOf(reportIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            List<FieldValue> chunk = ids.subList(i, Math.min(ids.size(), i + 1000)).stream()
                    .map(FieldValue::of)
                    .toList();
            removed += LinkageScans.deleteWhere(
                    client,
                    EngineIndices.LINKS,
                    Query.of(q -> q.terms(t -> t.field("reports").terms(v -> v.value(chunk)))));
        }
        return removed;
    }

    /** Removes the automatic pairs of an earlier run (none a person decided on), among {@code reportIds} if given. */
    long removeStaleAutomaticPairs(String run, Optional<Collection<String>> reportIds) throws IOException {
        Query q = Query.of(x -> x.bool(b -> {
            b.filter(f -> f.term(t -> t.field("decided_by").value(ATHAR)));
            b.mustNot(m -> m.term(t -> t.field("run").value(run)));
            reportIds.ifPresent(ids -> b.filter(f -> f.terms(t -> t.field("reports")
                    .terms(v -> v.value(ids.stream().map(FieldValue::of).toList())))));
            return b;
        }));
        return LinkageScans.deleteWhere(client, EngineIndices.LINKS, q);
    }

    private static BinaryData docOf(byte[] json) {
        return BinaryData.of(json, ContentType.APPLICATION_JSON);
    }
}
