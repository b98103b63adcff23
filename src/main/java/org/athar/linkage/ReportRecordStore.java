package org.athar.linkage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.athar.engine.EngineIndices;
import org.athar.platform.Tasks;
import org.athar.report.DatePrecision;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Place;
import org.athar.report.ReportStatus;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Linkage's read access to {@code athar-reports} (it never writes reports): reports as link records, whole reports
 * for person documents, and the blocking queries of incremental linking.
 */
@Component
class ReportRecordStore {

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
    /** Reads the next page of a full re-link's scans while linkage works through the current one. */
    private final ThreadPoolTaskExecutor prefetch = Tasks.elastic("athar-linkage-read", Duration.ofSeconds(10));

    ReportRecordStore(ElasticsearchClient client) {
        this.client = client;
    }

    @PreDestroy
    void stop() {
        prefetch.shutdown();
    }

    long reportCount() throws IOException {
        return client.count(c -> c.index(EngineIndices.REPORTS)).count();
    }

    /** Every report as a link record (only the fields linkage compares are read). */
    long scanRecords(Interner interner, Consumer<LinkRecord> each) throws IOException {
        return scanRecords(Query.of(q -> q.matchAll(m -> m)), interner, each);
    }

    /** The reports one import batch stored, as link records. */
    long scanBatch(String batchId, Interner interner, Consumer<LinkRecord> each) throws IOException {
        return scanRecords(
                Query.of(q -> q.term(t -> t.field("provenance.batch_id").value(batchId))), interner, each);
    }

    private long scanRecords(Query query, Interner interner, Consumer<LinkRecord> each) throws IOException {
        return LinkageScans.scan(
                client,
                EngineIndices.REPORTS,
                query,
                LINK_FIELDS,
                Optional.of(prefetch),
                hit -> each.accept(record(hit, interner)));
    }

    /** Every report, whole, as stored. */
    long scanReports(Consumer<ObjectNode> each) throws IOException {
        return LinkageScans.scan(
                client, EngineIndices.REPORTS, Query.of(q -> q.matchAll(m -> m)), null, Optional.of(prefetch), each);
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

    /**
     * Blocking in the engine, for incremental linking: for each of {@code records}, the reports (at most
     * {@code size}) that could be the same person, as link records, in one round trip.
     */
    List<List<LinkRecord>> candidatesOf(List<LinkRecord> records, int size, Interner interner) throws IOException {
        if (records.isEmpty()) {
            return List.of();
        }
        List<Query> queries = new ArrayList<>();
        for (LinkRecord r : records) {
            List<String> words = new ArrayList<>(r.name());
            words.addAll(r.latin());
            queries.add(blockOf(r, String.join(" ", new TreeSet<>(words))));
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

    /**
     * Reports sharing at least two name-skeleton words with {@code r} (one for a one-word name), in its governorate
     * or an unknown one (any, when its own is unknown), and with a date at most {@link Linker#MAX_DATE_GAP_DAYS}
     * days away or none.
     */
    private static Query blockOf(LinkRecord r, String rawSkeleton) {
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

    /** A stored report as the link record linkage compares. */
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
}
