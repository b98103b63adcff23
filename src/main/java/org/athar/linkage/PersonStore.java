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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athar.engine.EngineIndices;
import org.athar.report.ReportJson;
import org.springframework.stereotype.Component;

/**
 * Linkage's access to {@code athar-persons}: person documents (the representative's report with a {@code person}
 * object), swapped in whole after a full re-link by moving the alias to a new index.
 */
@Component
class PersonStore {

    private final ElasticsearchClient client;
    private final ObjectMapper json = ReportJson.newMapper();

    PersonStore(ElasticsearchClient client) {
        this.client = client;
    }

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

    /** Removes the persons holding any of {@code reportIds}, except those with an id in {@code keep}. */
    void removePersonsOf(Collection<String> reportIds, Collection<String> keep) throws IOException {
        List<FieldValue> ids = reportIds.stream().map(FieldValue::of).toList();
        List<FieldValue> kept = keep.stream().map(FieldValue::of).toList();
        LinkageScans.deleteWhere(
                client,
                EngineIndices.PERSONS,
                Query.of(q -> q.bool(b -> b.filter(
                                f -> f.terms(t -> t.field("person.report_ids").terms(v -> v.value(ids))))
                        .mustNot(m -> m.terms(t -> t.field("person.id").terms(v -> v.value(kept)))))));
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
        ObjectNode doc = d.representativeReport().deepCopy();
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
