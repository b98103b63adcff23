package org.athar.linkage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.athar.engine.EngineIndices;
import org.athar.report.DatePrecision;
import org.athar.report.Gender;
import org.athar.report.NameSkeleton;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Place;
import org.athar.report.ReportJson;
import org.athar.report.ReportStatus;
import org.springframework.stereotype.Component;

/** Linkage's access to the engine: reads reports (never writes them), reads and writes pairs and persons. */
@Component
class LinkageStore {

    static final String ATHAR = "athar";
    private static final String KEEP_ALIVE = "5m";
    private static final int PAGE = 5_000;
    private static final int BULK = 2_000;
    private static final String[] LINK_FIELDS = {
        "id",
        "report_id",
        "source",
        "victim.name",
        "victim.name_latin",
        "victim.gender",
        "victim.age",
        "disappearance.*",
        "place.governorate",
        "place.district",
        "perpetrator.category",
        "status"
    };

    private final ElasticsearchClient client;
    private final ObjectMapper json = ReportJson.newMapper();

    LinkageStore(ElasticsearchClient client) {
        this.client = client;
    }

    // --- reports

    long reportCount() throws IOException {
        return client.count(c -> c.index(EngineIndices.REPORTS)).count();
    }

    /** Every report matching {@code query} as a link record (only the fields linkage compares are read). */
    long scanRecords(Query query, Interner interner, Consumer<LinkRecord> each) throws IOException {
        return scan(EngineIndices.REPORTS, query, LINK_FIELDS, hit -> each.accept(record(hit, interner)));
    }

    /** Every report matching {@code query}, whole, as stored. */
    long scanReports(Query query, Consumer<ObjectNode> each) throws IOException {
        return scan(EngineIndices.REPORTS, query, null, each);
    }

    List<ObjectNode> reports(Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ObjectNode> out = new ArrayList<>();
        for (var doc : client.mget(m -> m.index(EngineIndices.REPORTS).ids(List.copyOf(ids)), ObjectNode.class)
                .docs()) {
            if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                out.add(doc.result().source());
            }
        }
        return out;
    }

    static Query batch(String batchId) {
        return Query.of(q -> q.term(t -> t.field("provenance.batch_id").value(batchId)));
    }

    static Query all() {
        return Query.of(q -> q.matchAll(m -> m));
    }

    /**
     * Blocking in the engine, for incremental linking: reports sharing at least two name-skeleton words with
     * {@code r} (one for a one-word name), in its governorate or an unknown one (any, when its own is unknown),
     * and with a date at most {@link Linker#MAX_DATE_GAP_DAYS} days away or none.
     */
    static Query blockOf(LinkRecord r, String rawSkeleton) {
        return Query.of(q -> q.bool(b -> {
            b.must(m -> m.match(t -> t.field("victim.name_skeleton")
                    .query(rawSkeleton)
                    .minimumShouldMatch(rawSkeleton.split(" ").length > 1 ? "2" : "1")));
            if (!Place.UNKNOWN.equals(r.governorate())) {
                b.filter(f -> f.terms(t -> t.field("place.governorate")
                        .terms(v -> v.value(List.of(FieldValue.of(r.governorate()), FieldValue.of(Place.UNKNOWN))))));
            }
            if (r.dateStart() != null) {
                String from = r.dateStart().minusDays(Linker.MAX_DATE_GAP_DAYS).toString();
                String to = r.dateEnd().plusDays(Linker.MAX_DATE_GAP_DAYS).toString();
                b.filter(f -> f.bool(o -> o.should(s -> s.range(g ->
                                g.date(d -> d.field("disappearance.date_end").gte(from))))
                        .should(s -> s.bool(n -> n.mustNot(x -> x.exists(e -> e.field("disappearance.date")))))
                        .minimumShouldMatch("1")));
                b.filter(f -> f.bool(o -> o.should(s -> s.range(
                                g -> g.date(d -> d.field("disappearance.date").lte(to))))
                        .should(s -> s.bool(n -> n.mustNot(x -> x.exists(e -> e.field("disappearance.date")))))
                        .minimumShouldMatch("1")));
            }
            return b;
        }));
    }

    /** The reports each query finds (at most {@code size} per query), as link records, in one round trip. */
    List<List<LinkRecord>> block(List<Query> queries, int size, Interner interner) throws IOException {
        if (queries.isEmpty()) {
            return List.of();
        }
        var response = client.msearch(
                m -> {
                    for (Query q : queries) {
                        m.searches(s -> s.header(h -> h.index(EngineIndices.REPORTS))
                                .body(b -> b.query(q)
                                        .size(size)
                                        .source(src -> src.filter(f -> f.includes(List.of(LINK_FIELDS))))));
                    }
                    return m;
                },
                ObjectNode.class);
        List<List<LinkRecord>> out = new ArrayList<>();
        for (var item : response.responses()) {
            List<LinkRecord> found = new ArrayList<>();
            if (item.isResult()) {
                for (Hit<ObjectNode> h : item.result().hits().hits()) {
                    found.add(record(h.source(), interner));
                }
            } else {
                throw new IOException("the engine refused a blocking query: "
                        + item.failure().error().reason());
            }
            out.add(found);
        }
        return out;
    }

    static String rawSkeleton(ObjectNode report) {
        JsonNode v = report.path("victim");
        return (NameSkeleton.of(v.path("name").asText("")) + " "
                        + NameSkeleton.of(v.path("name_latin").asText("")))
                .strip();
    }

    static LinkRecord record(ObjectNode doc, Interner interner) {
        JsonNode v = doc.path("victim");
        JsonNode d = doc.path("disappearance");
        JsonNode p = doc.path("place");
        LocalDate start = d.hasNonNull("date") ? LocalDate.parse(d.get("date").asText()) : null;
        LocalDate end =
                d.hasNonNull("date_end") ? LocalDate.parse(d.get("date_end").asText()) : start;
        return new LinkRecord(
                doc.path("id").asText(),
                interner.of(doc.path("source").asText()),
                interner.words(LinkRecord.words(v.path("name").asText(""))),
                interner.words(LinkRecord.vowels(v.path("name").asText(""))),
                v.hasNonNull("name_latin")
                        ? interner.words(LinkRecord.words(v.get("name_latin").asText()))
                        : List.of(),
                Gender.fromText(v.path("gender").asText("unknown")).orElse(Gender.UNKNOWN),
                v.hasNonNull("age") ? v.get("age").asInt() : -1,
                start,
                end,
                DatePrecision.fromText(d.path("precision").asText("unknown")).orElse(DatePrecision.UNKNOWN),
                interner.of(p.path("governorate").asText(Place.UNKNOWN)),
                interner.of(p.path("district").asText(Place.UNKNOWN)),
                PerpetratorCategory.fromText(
                                doc.path("perpetrator").path("category").asText("unknown"))
                        .orElse(PerpetratorCategory.UNKNOWN),
                ReportStatus.fromText(doc.path("status").asText("unknown")).orElse(ReportStatus.UNKNOWN));
    }

    private long scan(String index, Query query, String[] includes, Consumer<ObjectNode> each) throws IOException {
        String pit = client.openPointInTime(p -> p.index(index).keepAlive(t -> t.time(KEEP_ALIVE)))
                .id();
        String current = pit;
        long seen = 0;
        try {
            List<FieldValue> after = null;
            while (true) {
                String id = current;
                List<FieldValue> from = after;
                SearchResponse<ObjectNode> page = client.search(
                        s -> {
                            s.pit(p -> p.id(id).keepAlive(t -> t.time(KEEP_ALIVE)))
                                    .query(query)
                                    .size(PAGE)
                                    .trackTotalHits(t -> t.enabled(false))
                                    .sort(o ->
                                            o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                            if (includes != null) {
                                s.source(src -> src.filter(f -> f.includes(List.of(includes))));
                            }
                            if (from != null) {
                                s.searchAfter(from);
                            }
                            return s;
                        },
                        ObjectNode.class);
                current = Optional.ofNullable(page.pitId()).orElse(current);
                List<Hit<ObjectNode>> hits = page.hits().hits();
                for (Hit<ObjectNode> hit : hits) {
                    if (hit.source() != null) {
                        each.accept(hit.source());
                        seen++;
                    }
                }
                if (hits.size() < PAGE) {
                    return seen;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } finally {
            String last = current;
            client.closePointInTime(c -> c.id(last));
        }
    }

    // --- pairs

    Optional<CandidatePair> pair(String id) throws IOException {
        var r = client.get(g -> g.index(EngineIndices.LINKS).id(id), ObjectNode.class);
        return r.found() && r.source() != null ? Optional.of(pairOf(r.source())) : Optional.empty();
    }

    Map<String, CandidatePair> pairs(Collection<String> ids) throws IOException {
        Map<String, CandidatePair> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (var doc : client.mget(m -> m.index(EngineIndices.LINKS).ids(List.copyOf(ids)), ObjectNode.class)
                .docs()) {
            if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                CandidatePair p = pairOf(doc.result().source());
                out.put(p.id(), p);
            }
        }
        return out;
    }

    List<CandidatePair> queue(Decision decision, int from, int size) throws IOException {
        return client
                .search(
                        s -> s.index(EngineIndices.LINKS)
                                .from(from)
                                .size(size)
                                .query(q -> q.term(t -> t.field("decision").value(decision.code())))
                                .sort(o -> o.field(f -> f.field("score").order(SortOrder.Desc)))
                                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                        ObjectNode.class)
                .hits()
                .hits()
                .stream()
                .map(h -> pairOf(h.source()))
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
            scan(EngineIndices.LINKS, q, null, doc -> out.add(pairOf(doc)));
        }
        return out;
    }

    /** Pairs a person decided on (confirmed, rejected, or sent back to review): a re-link never overrides them. */
    List<CandidatePair> humanDecisions() throws IOException {
        List<CandidatePair> out = new ArrayList<>();
        Query q = Query.of(x ->
                x.bool(b -> b.mustNot(m -> m.term(t -> t.field("decided_by").value(ATHAR)))));
        scan(EngineIndices.LINKS, q, null, doc -> out.add(pairOf(doc)));
        return out;
    }

    void savePairs(List<CandidatePair> pairs, String run, boolean refresh) throws IOException {
        for (int i = 0; i < pairs.size(); i += BULK) {
            List<CandidatePair> chunk = pairs.subList(i, Math.min(pairs.size(), i + BULK));
            BulkRequest.Builder b = new BulkRequest.Builder();
            for (CandidatePair p : chunk) {
                ObjectNode doc = docOf(p, run);
                b.operations(o ->
                        o.index(x -> x.index(EngineIndices.LINKS).id(p.id()).document(doc)));
            }
            if (refresh && i + BULK >= pairs.size()) {
                b.refresh(Refresh.WaitFor);
            }
            check(client.bulk(b.build()));
        }
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
        return deleteWhere(EngineIndices.LINKS, q);
    }

    /**
     * Deletes the documents matching {@code query}: their ids are read on a point-in-time, then deleted in bulk (the
     * engine distribution Athar embeds has no delete-by-query).
     */
    private long deleteWhere(String index, Query query) throws IOException {
        List<String> found = new ArrayList<>();
        scanIds(index, query, found);
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

    private void scanIds(String index, Query query, List<String> out) throws IOException {
        String pit = client.openPointInTime(p -> p.index(index).keepAlive(t -> t.time(KEEP_ALIVE)))
                .id();
        String current = pit;
        try {
            List<FieldValue> after = null;
            while (true) {
                String id = current;
                List<FieldValue> from = after;
                SearchResponse<Void> page = client.search(
                        s -> {
                            s.pit(p -> p.id(id).keepAlive(t -> t.time(KEEP_ALIVE)))
                                    .query(query)
                                    .size(PAGE)
                                    .source(x -> x.fetch(false))
                                    .trackTotalHits(t -> t.enabled(false))
                                    .sort(o ->
                                            o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                            if (from != null) {
                                s.searchAfter(from);
                            }
                            return s;
                        },
                        Void.class);
                current = Optional.ofNullable(page.pitId()).orElse(current);
                page.hits().hits().forEach(h -> out.add(h.id()));
                if (page.hits().hits().size() < PAGE) {
                    return;
                }
                after = page.hits().hits().get(page.hits().hits().size() - 1).sort();
            }
        } finally {
            String last = current;
            client.closePointInTime(c -> c.id(last));
        }
    }

    private ObjectNode docOf(CandidatePair p, String run) {
        ObjectNode doc = json.createObjectNode();
        doc.put("id", p.id());
        doc.put("report_a", p.reportA());
        doc.put("report_b", p.reportB());
        doc.putArray("reports").add(p.reportA()).add(p.reportB());
        doc.put("source_a", p.sourceA());
        doc.put("source_b", p.sourceB());
        doc.put("score", p.score());
        doc.put("decision", p.decision().code());
        doc.put("decided_by", p.last().by());
        doc.put("run", run);
        doc.put("updated_at", p.last().at().toString());
        doc.set("features", json.valueToTree(p.features()));
        doc.set("history", json.valueToTree(p.history()));
        return doc;
    }

    private CandidatePair pairOf(ObjectNode doc) {
        try {
            List<Feature> features = List.of(json.treeToValue(doc.get("features"), Feature[].class));
            List<DecisionEvent> history = new ArrayList<>();
            for (JsonNode e : doc.get("history")) {
                history.add(new DecisionEvent(
                        Decision.fromCode(e.get("decision").asText()).orElseThrow(),
                        e.get("by").asText(),
                        Instant.parse(e.get("at").asText()),
                        e.path("note").asText("")));
            }
            return new CandidatePair(
                    doc.get("id").asText(),
                    doc.get("report_a").asText(),
                    doc.get("report_b").asText(),
                    doc.path("source_a").asText(),
                    doc.path("source_b").asText(),
                    doc.get("score").asDouble(),
                    features,
                    Decision.fromCode(doc.get("decision").asText()).orElseThrow(),
                    history);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("a stored pair cannot be read: " + e.getMessage(), e);
        }
    }

    // --- persons

    /** A new, empty persons index (a full re-link fills it, then {@link #usePersons(String)} moves the alias). */
    String newPersonsIndex() throws IOException {
        String name = EngineIndices.PERSONS + "-v" + System.currentTimeMillis();
        client.indices().create(c -> c.index(name).settings(s -> s.refreshInterval(t -> t.time("-1"))));
        return name;
    }

    void usePersons(String index) throws IOException {
        client.indices().putSettings(s -> s.index(index).settings(x -> x.refreshInterval(t -> t.time("1s"))));
        client.indices().refresh(r -> r.index(index));
        List<String> old = new ArrayList<>(client.indices()
                .getAlias(a -> a.name(EngineIndices.PERSONS))
                .result()
                .keySet());
        client.indices().updateAliases(u -> {
            u.actions(
                    a -> a.add(x -> x.index(index).alias(EngineIndices.PERSONS).isWriteIndex(true)));
            for (String o : old) {
                u.actions(a -> a.remove(x -> x.index(o).alias(EngineIndices.PERSONS)));
            }
            return u;
        });
        if (!old.isEmpty()) {
            client.indices().delete(d -> d.index(old));
        }
    }

    void savePersons(String index, List<ObjectNode> persons, boolean refresh) throws IOException {
        for (int i = 0; i < persons.size(); i += BULK) {
            List<ObjectNode> chunk = persons.subList(i, Math.min(persons.size(), i + BULK));
            BulkRequest.Builder b = new BulkRequest.Builder();
            for (ObjectNode p : chunk) {
                String id = p.path("person").path("id").asText();
                b.operations(o -> o.index(x -> x.index(index).id(id).document(p)));
            }
            if (refresh && i + BULK >= persons.size()) {
                b.refresh(Refresh.WaitFor);
            }
            check(client.bulk(b.build()));
        }
    }

    /** Removes the persons holding any of {@code reportIds}, except those with an id in {@code keep}. */
    void removePersonsOf(Collection<String> reportIds, Collection<String> keep) throws IOException {
        List<FieldValue> ids = reportIds.stream().map(FieldValue::of).toList();
        List<FieldValue> kept = keep.stream().map(FieldValue::of).toList();
        deleteWhere(
                EngineIndices.PERSONS,
                Query.of(q -> q.bool(b -> b.filter(
                                f -> f.terms(t -> t.field("person.report_ids").terms(v -> v.value(ids))))
                        .mustNot(m -> m.terms(t -> t.field("person.id").terms(v -> v.value(kept)))))));
    }

    Optional<ObjectNode> personHolding(String reportId) throws IOException {
        return client
                .search(
                        s -> s.index(EngineIndices.PERSONS)
                                .size(1)
                                .query(q ->
                                        q.term(t -> t.field("person.report_ids").value(reportId))),
                        ObjectNode.class)
                .hits()
                .hits()
                .stream()
                .findFirst()
                .map(Hit::source);
    }

    long personCount() throws IOException {
        return client.count(c -> c.index(EngineIndices.PERSONS)).count();
    }

    /** The reports the persons index accounts for (the sum of the persons' sizes). */
    long reportsInPersons() throws IOException {
        var r = client.search(
                s -> s.index(EngineIndices.PERSONS).size(0).aggregations("n", a -> a.sum(m -> m.field("person.size"))),
                Void.class);
        return Math.round(r.aggregations().get("n").sum().value());
    }

    /** Persons by the exact set of sources documenting them (the pattern key), from one terms aggregation. */
    Map<String, Long> patterns() throws IOException {
        var r = client.search(
                s -> s.index(EngineIndices.PERSONS)
                        .size(0)
                        .aggregations(
                                "p", a -> a.terms(t -> t.field("person.pattern").size(10_000))),
                Void.class);
        Map<String, Long> out = new HashMap<>();
        var terms = r.aggregations().get("p").sterms();
        if (terms.sumOtherDocCount() != null && terms.sumOtherDocCount() > 0) {
            throw new IllegalStateException("more than 10,000 combinations of sources; the overlap cannot be listed");
        }
        terms.buckets().array().forEach(b -> out.put(b.key().stringValue(), b.docCount()));
        return out;
    }

    ObjectMapper json() {
        return json;
    }

    private static void check(BulkResponse r) throws IOException {
        if (r.errors()) {
            var first = r.items().stream()
                    .filter(i -> i.error() != null)
                    .findFirst()
                    .orElseThrow();
            throw new IOException("the engine refused a linkage write (" + first.id() + "): "
                    + first.error().reason());
        }
    }

    /** Shares equal strings (sources, codes, name words) between records, so a million records stay small. */
    static final class Interner {
        private final Map<String, String> strings = new HashMap<>();

        String of(String s) {
            return strings.computeIfAbsent(s, x -> x);
        }

        List<String> words(List<String> words) {
            List<String> out = new ArrayList<>(words.size());
            for (String w : words) {
                out.add(of(w));
            }
            return List.copyOf(out);
        }
    }
}
