package org.athar.linkage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.athar.engine.EngineIndices;
import org.athar.report.ReportJson;
import org.springframework.stereotype.Component;

/**
 * Linkage's access to {@code athar-persons}: person documents (the representative's report with a {@code person}
 * object), and to {@code athar-person-closures} (the persons pending pairs would merge), both swapped in whole after a
 * full re-link by moving the aliases to new indices.
 */
@Component
class PersonStore {

    private final ElasticsearchClient client;
    private final ObjectMapper json = ReportJson.newMapper();

    PersonStore(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * A new, empty index behind {@code alias} ({@link EngineIndices#PERSONS} or {@link EngineIndices#PERSON_CLOSURES}):
     * a full re-link fills both, then {@link #usePersons(String, String)} moves the aliases.
     */
    String newIndex(String alias) throws IOException {
        return LinkageScans.newIndex(client, alias);
    }

    /** Deletes persons and closures indices a re-link made and never used (it died first); returns their names. */
    List<String> dropOrphans() throws IOException {
        List<String> dropped = new ArrayList<>(LinkageScans.dropOrphans(client, EngineIndices.PERSONS));
        dropped.addAll(LinkageScans.dropOrphans(client, EngineIndices.PERSON_CLOSURES));
        return dropped;
    }

    /**
     * Moves the persons alias to {@code persons} and the closures alias to {@code closures} in one step, so the persons
     * figure and the figure if pending pairs were confirmed always come from the same re-link; the old indices go.
     */
    void usePersons(String persons, String closures) throws IOException {
        LinkageScans.moveAliases(
                client, Map.of(EngineIndices.PERSONS, persons, EngineIndices.PERSON_CLOSURES, closures));
    }

    /** Writes {@code persons} to {@code index} (the live one is {@link EngineIndices#PERSONS}). */
    void savePersons(String index, List<PersonDocument> persons, boolean refresh) throws IOException {
        int bulk = LinkageScans.BULK;
        for (int i = 0; i < persons.size(); i += bulk) {
            List<PersonDocument> chunk = persons.subList(i, Math.min(persons.size(), i + bulk));
            BulkRequest.Builder b = new BulkRequest.Builder();
            for (PersonDocument p : chunk) {
                String id = p.person().personId();
                ObjectNode doc = docOf(p);
                b.operations(o -> o.index(x -> x.index(index).id(id).document(doc)));
            }
            if (refresh && i + bulk >= persons.size()) {
                b.refresh(Refresh.WaitFor);
            }
            LinkageScans.check(client.bulk(b.build()));
        }
    }

    /**
     * Writes one person to {@code index} (a new one of a full re-link) through {@code bulk}. The representative's
     * report becomes the person's document in place, not copied: the caller must not use it afterwards.
     */
    void write(LinkageBulk bulk, String index, PersonDocument person) {
        bulk.index(index, person.person().personId(), docOf(person, person.representativeReport()));
    }

    /** Writes one merged cluster to {@code index} (a new one of a full re-link) through {@code bulk}. */
    void write(LinkageBulk bulk, String index, ClosureDocument closure) {
        bulk.index(index, closure.closure().personId(), docOf(closure));
    }

    private ObjectNode docOf(ClosureDocument c) {
        ObjectNode doc = docOf(c.asPerson());
        ObjectNode person = (ObjectNode) doc.get("person");
        ArrayNode merged = person.putArray("merged_persons");
        c.personIds().forEach(merged::add);
        person.put("pending_pairs", c.pendingPairs());
        return doc;
    }

    /** A writer of persons that sends in bulk while its caller builds the next documents. */
    LinkageBulk bulk() {
        return LinkageBulk.open(client);
    }

    /** Writes the merged clusters to {@code index} (the live one is {@link EngineIndices#PERSON_CLOSURES}). */
    void saveClosures(String index, List<ClosureDocument> closures, boolean refresh) throws IOException {
        if (closures.isEmpty()) {
            if (refresh) {
                client.indices().refresh(r -> r.index(index));
            }
            return;
        }
        int bulk = LinkageScans.BULK;
        for (int i = 0; i < closures.size(); i += bulk) {
            BulkRequest.Builder b = new BulkRequest.Builder();
            for (ClosureDocument c : closures.subList(i, Math.min(closures.size(), i + bulk))) {
                ObjectNode doc = docOf(c);
                b.operations(o ->
                        o.index(x -> x.index(index).id(c.closure().personId()).document(doc)));
            }
            if (refresh && i + bulk >= closures.size()) {
                b.refresh(Refresh.WaitFor);
            }
            LinkageScans.check(client.bulk(b.build()));
        }
    }

    /** Removes the persons holding any of {@code reportIds}, except those with an id in {@code keep}. */
    void removePersonsOf(Collection<String> reportIds, Collection<String> keep) throws IOException {
        removeHolding(EngineIndices.PERSONS, reportIds, keep);
    }

    /** Removes the merged clusters holding any of {@code reportIds}, except those with an id in {@code keep}. */
    void removeClosuresOf(Collection<String> reportIds, Collection<String> keep) throws IOException {
        removeHolding(EngineIndices.PERSON_CLOSURES, reportIds, keep);
    }

    private void removeHolding(String index, Collection<String> reportIds, Collection<String> keep) throws IOException {
        List<FieldValue> ids = reportIds.stream().map(FieldValue::of).toList();
        List<FieldValue> kept = keep.stream().map(FieldValue::of).toList();
        LinkageScans.deleteWhere(
                client,
                index,
                Query.of(q -> q.bool(b -> b.filter(
                                f -> f.terms(t -> t.field("person.report_ids").terms(v -> v.value(ids))))
                        .mustNot(m -> m.terms(t -> t.field("person.id").terms(v -> v.value(kept)))))));
    }

    /** Every report of the merged clusters that hold any of {@code reportIds} (they are rebuilt together). */
    Set<String> closureReportsOf(Collection<String> reportIds) throws IOException {
        List<FieldValue> ids = reportIds.stream().map(FieldValue::of).toList();
        Set<String> out = new HashSet<>();
        LinkageScans.scan(
                client,
                EngineIndices.PERSON_CLOSURES,
                Query.of(q -> q.terms(t -> t.field("person.report_ids").terms(v -> v.value(ids)))),
                new String[] {"person.report_ids"},
                doc -> doc.path("person").path("report_ids").forEach(n -> out.add(n.asText())));
        return out;
    }

    /**
     * Persons written before the figure if pending pairs were confirmed existed (no {@code person.pending_closure}):
     * an upgraded installation re-links once so that figure is right.
     */
    long personsWithoutClosureFlag() throws IOException {
        return client.count(c -> c.index(EngineIndices.PERSONS)
                        .query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("person.pending_closure"))))))
                .count();
    }

    /** The person a report belongs to, when the persons index holds it. */
    Optional<PersonCluster> personHolding(String reportId) throws IOException {
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
                .map(Hit::source)
                .map(PersonStore::personOf);
    }

    /** The persons holding {@code reportIds}, by report id (a report the index does not hold is absent). */
    Map<String, PersonCluster> personsHolding(Collection<String> reportIds) throws IOException {
        Map<String, PersonCluster> out = new HashMap<>();
        List<String> ids = List.copyOf(reportIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            List<FieldValue> chunk = ids.subList(i, Math.min(ids.size(), i + 1000)).stream()
                    .map(FieldValue::of)
                    .toList();
            LinkageScans.scan(
                    client,
                    EngineIndices.PERSONS,
                    Query.of(q -> q.terms(t -> t.field("person.report_ids").terms(v -> v.value(chunk)))),
                    new String[] {"person.id", "person.report_ids", "person.sources", "person.representative"},
                    doc -> {
                        PersonCluster p = personOf(doc);
                        p.reportIds().forEach(r -> out.put(r, p));
                    });
        }
        return out;
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
            throw new OverlapTooLargeException();
        }
        terms.buckets().array().forEach(b -> out.put(b.key().stringValue(), b.docCount()));
        return out;
    }

    /** The representative's report with the person added; a person of several sources lists them all as source. */
    private ObjectNode docOf(PersonDocument d) {
        return docOf(d, d.representativeReport().deepCopy());
    }

    /** As above, written into {@code doc}: the representative's report itself, or a copy of it. */
    private ObjectNode docOf(PersonDocument d, ObjectNode doc) {
        PersonCluster p = d.person();
        if (p.sources().size() > 1) {
            ArrayNode sources = doc.putArray("source");
            p.sources().forEach(sources::add);
        }
        ObjectNode person = doc.putObject("person");
        person.put("id", p.personId());
        ArrayNode ids = person.putArray("report_ids");
        p.reportIds().forEach(ids::add);
        ArrayNode sources = person.putArray("sources");
        p.sources().forEach(sources::add);
        person.put("pattern", d.pattern());
        person.put("size", p.reportIds().size());
        person.put("representative", p.representative());
        person.put("pending_closure", d.pendingClosure());
        ArrayNode fields = person.putArray("disagreement_fields");
        p.disagreements().forEach(x -> fields.add(x.field()));
        person.set("disagreements", json.valueToTree(p.disagreements()));
        return doc;
    }

    private static PersonCluster personOf(ObjectNode doc) {
        JsonNode p = doc.path("person");
        List<String> ids = new ArrayList<>();
        p.path("report_ids").forEach(n -> ids.add(n.asText()));
        List<String> sources = new ArrayList<>();
        p.path("sources").forEach(n -> sources.add(n.asText()));
        List<Disagreement> disagreements = new ArrayList<>();
        for (JsonNode d : p.path("disagreements")) {
            List<String> values = new ArrayList<>();
            d.path("values").forEach(v -> values.add(v.asText()));
            disagreements.add(new Disagreement(
                    d.path("field").asText(), values, d.path("counted").asText()));
        }
        return new PersonCluster(
                p.path("id").asText(), ids, sources, p.path("representative").asText(), disagreements);
    }
}
