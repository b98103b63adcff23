package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.security.AccessDeniedException;
import org.athar.security.AuditAction;
import org.athar.security.AuditFilter;
import org.athar.security.AuditLog;
import org.athar.security.Role;
import org.athar.security.Viewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Linkage against the real engine, on synthetic reports of two sources of its own (unique source names and a family
 * name invented for this run, so other tests' data never links with them): import, automatic links, the review band,
 * persons versus reports in the statistics API, decisions, rejection memory across a full re-link, and the audit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkageTest extends AtharIntegrationTest {

    private static final Viewer ANALYST = new Viewer("linkage-analyst", Set.of(Role.ANALYST));
    private static final Viewer ADMIN = new Viewer("linkage-admin", Set.of(Role.ADMIN));

    @Autowired
    ImportService imports;

    @Autowired
    LinkageReview review;

    @Autowired
    Persons persons;

    @Autowired
    LinkageWorker worker;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ReviewOrder reviewOrder;

    @Autowired
    AuditLog audit;

    @Autowired
    ModelStore models;

    private final String sourceA = "Linkage A " + UUID.randomUUID();
    private final String sourceB = "Linkage B " + UUID.randomUUID();
    private String familyAr;
    private String familyLatin;

    @BeforeAll
    void load() throws IOException {
        // An invented family name, written in Arabic and in Latin letters with the same consonants.
        String ar = "بتجدرزسفكلمن";
        String la = "btjdrzsfklmn";
        Random random = new Random();
        StringBuilder a = new StringBuilder();
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            int c = random.nextInt(ar.length());
            a.append(ar.charAt(c));
            l.append(i == 0 ? Character.toUpperCase(la.charAt(c)) : la.charAt(c))
                    .append('a');
        }
        familyAr = a.toString();
        familyLatin = l.toString();
        importCsv(sourceA, """
                report_id,source,victim_name,gender,age,disappeared_on,governorate,district,perpetrator,status
                A1,SRC,سامر عدنان FAM,male,27,2013-04-22,Aleppo,SY0200,government,missing
                A2,SRC,مازن رياض FAM,male,30,2013-06-01,Damascus,SY0100,government,missing
                A3,SRC,باسل نزار FAM,male,24,2014-01-10,Homs,SY0401,government,detained
                A4,SRC,هالة سمير FAM,female,41,2016-09-09,Idlib,,isis,missing
                """);
        importCsv(sourceB, """
                report_id,source,victim_name,gender,age,disappeared_on,governorate,district,perpetrator,status
                B1,SRC,Samer Adnan FAMLATIN,male,28,2013-04-24,Aleppo,SY0200,government,missing
                B2,SRC,FAM مازن رياض,male,30,2013,Damascus,SY0100,government,missing
                B3,SRC,فادي نزار FAM,male,22,2014-01-10,Homs,SY0401,government,detained
                """);
    }

    /** An invented family name sharing no letter with {@link #familyAr}, so the two families never link. */
    private static String otherFamily() {
        String letters = "هوصضطظعغقش";
        Random random = new Random();
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            f.append(letters.charAt(random.nextInt(letters.length())));
        }
        return f.toString();
    }

    private void importCsv(String source, String csv) {
        importCsv(source, csv, familyAr);
    }

    private void importCsv(String source, String csv, String family) {
        String text =
                csv.replace("FAMLATIN", familyLatin).replace("FAM", family).replace(",SRC,", "," + source + ",");
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "linkage.csv",
                new ImportOptions(Optional.empty(), "test", true),
                c -> {});
        assertThat(r.rejected()).as("%s", r.errors()).isZero();
    }

    private String id(String source, String reportId) {
        return Report.idFor(source, reportId);
    }

    private CandidatePair pairOf(String a, String b) {
        return review.pair(ANALYST, CandidatePair.idOf(a, b));
    }

    @Test
    @Order(1)
    void an_import_links_its_reports_before_it_answers() {
        CandidatePair same = pairOf(id(sourceA, "A1"), id(sourceB, "B1"));
        assertThat(same.decision()).isEqualTo(Decision.AUTO);
        assertThat(same.features()).extracting(Feature::code).contains("first_name", "family_name", "date");
        assertThat(same.history())
                .singleElement()
                .satisfies(e -> assertThat(e.by()).isEqualTo("athar"));

        CandidatePair transposed = pairOf(id(sourceA, "A2"), id(sourceB, "B2"));
        assertThat(transposed.decision()).isEqualTo(Decision.AUTO);
        assertThat(transposed.features()).extracting(Feature::code).contains("name_order");

        // Brothers taken the same day: proposed for review, never linked automatically.
        CandidatePair brothers = pairOf(id(sourceA, "A3"), id(sourceB, "B3"));
        assertThat(brothers.decision()).isEqualTo(Decision.PENDING);

        PersonCluster samer = persons.personOf(ANALYST, id(sourceB, "B1"));
        assertThat(samer.reportIds()).containsExactlyInAnyOrder(id(sourceA, "A1"), id(sourceB, "B1"));
        assertThat(samer.sources()).containsExactlyInAnyOrder(sourceA, sourceB);
        // A1 has the more precise date? Both are days; A1's date is earlier, so A1 is counted.
        assertThat(samer.representative()).isEqualTo(id(sourceA, "A1"));
        assertThat(samer.disagreements()).extracting(Disagreement::field).contains("date", "age");
    }

    @Test
    @Order(2)
    void statistics_count_persons_or_reports() throws IOException {
        String scope = "source=" + enc(sourceA) + "&source=" + enc(sourceB);
        assertThat(total("governorate", scope + "&count=reports")).isEqualTo(7);
        // A1+B1 and A2+B2 are one person each; the brothers are two persons until a reviewer says otherwise.
        assertThat(total("governorate", scope + "&count=persons")).isEqualTo(5);
        JsonNode bySource = stats("source", scope + "&count=persons");
        assertThat(bySource.get("counts").asText()).isEqualTo("persons");
        // A person documented by both sources counts under each: 4 persons by A, 3 by B, 5 in all.
        assertThat(bucket(bySource, sourceA)).isEqualTo(4);
        assertThat(bucket(bySource, sourceB)).isEqualTo(3);
        assertThat(stats("governorate", scope).get("counts").asText())
                .as("the API's default")
                .isEqualTo("reports");

        // The overlap of the two sources: 2 persons shared, A alone documents A3 and A4, B alone B3.
        Overlap overlap = persons.overlap(ANALYST);
        assertThat(overlap.shared(sourceA, sourceB)).isEqualTo(2);
        assertThat(overlap.onlyBy(sourceA)).isEqualTo(2);
        assertThat(overlap.onlyBy(sourceB)).isEqualTo(1);
        assertThat(overlap.documentedBy(sourceA)).isEqualTo(4);
        assertThat(overlap.patterns())
                .filteredOn(p -> p.sources()
                        .equals(List.of(sourceA, sourceB).stream().sorted().toList()))
                .singleElement()
                .satisfies(p -> assertThat(p.persons()).isEqualTo(2));
    }

    @Test
    @Order(3)
    void a_reviewer_confirms_and_rejects_with_notes_and_every_decision_is_audited_and_kept() throws IOException {
        String brothers = CandidatePair.idOf(id(sourceA, "A3"), id(sourceB, "B3"));
        CandidatePair confirmed = review.decide(ANALYST, brothers, Decision.CONFIRMED, "same person: family says so");
        assertThat(confirmed.decision()).isEqualTo(Decision.CONFIRMED);
        String scope = "source=" + enc(sourceA) + "&source=" + enc(sourceB);
        assertThat(total("governorate", scope + "&count=persons")).isEqualTo(4);

        String samer = CandidatePair.idOf(id(sourceA, "A1"), id(sourceB, "B1"));
        assertThatThrownBy(() -> review.decide(ANALYST, samer, Decision.REJECTED, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("note");
        review.decide(ANALYST, samer, Decision.REJECTED, "different fathers' mothers' names in the files");
        assertThat(total("governorate", scope + "&count=persons")).isEqualTo(5);
        assertThat(persons.personOf(ANALYST, id(sourceA, "A1")).reportIds()).containsExactly(id(sourceA, "A1"));

        client.indices().refresh(r -> r.index(EngineIndices.AUDIT));
        var entries = audit.find(
                        Viewer.system("test"),
                        new AuditFilter(
                                Optional.of("linkage-analyst"),
                                Optional.of(AuditAction.LINK_DECISION),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        0,
                        10)
                .entries();
        assertThat(entries).extracting(e -> e.details().get("to")).contains("confirmed", "rejected");
        assertThat(entries)
                .allSatisfy(e -> assertThat(e.details().values().toString()).doesNotContain(familyAr));

        assertThatThrownBy(() -> review.decide(new Viewer("w", Set.of(Role.WRITER)), samer, Decision.CONFIRMED, "x"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @Order(4)
    void a_full_relink_keeps_every_reviewers_decision_and_never_proposes_a_rejected_pair_again() throws IOException {
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        // Another invented family, in a source of its own (the counts below are of sources A and B): C1 and C3 are one
        // person of two reports, C2 a brother in the review band, so pending pairs join persons of unequal sizes.
        importCsv("Linkage C " + UUID.randomUUID(), """
                report_id,source,victim_name,gender,age,disappeared_on,governorate,district,perpetrator,status
                C1,SRC,باسل نزار FAM,male,24,2014-01-10,Homs,SY0401,government,detained
                C2,SRC,فادي نزار FAM,male,22,2014-01-10,Homs,SY0401,government,detained
                C3,SRC,باسل نزار FAM,male,24,2014-01-10,Homs,SY0401,government,detained
                """, otherFamily());
        worker.relink(ADMIN);
        assertThat(worker.status().running()).isTrue();
        worker.awaitIdle(Duration.ofMinutes(10));
        assertThat(worker.status().state()).isEqualTo("done");
        // The re-link weighed every pending pair it wrote by the persons it made, as weighing the whole queue again
        // from the stored persons does (the re-link no longer does that afterwards: minutes at a million reports).
        Map<String, Double> written = pendingImpacts();
        assertThat(written).isNotEmpty();
        worker.run(() -> {
            reviewOrder.refreshAll();
            return null;
        });
        Map<String, Double> reweighed = pendingImpacts();
        assertThat(reweighed.keySet()).isEqualTo(written.keySet());
        written.forEach((id, impact) ->
                assertThat(reweighed.get(id)).as(id).isCloseTo(impact, org.assertj.core.data.Offset.offset(1e-9)));
        // The re-link estimated the model from the reports and the reviewers' decisions, and stored it.
        LinkageModel model = models.current();
        assertThat(model.estimatedAt()).isAfterOrEqualTo(before);
        assertThat(model.reviewedPairs())
                .as("the confirmed and the rejected pair")
                .isGreaterThanOrEqualTo(2);
        if (model.blockedPairs() < ModelEstimator.MIN_BLOCKED) {
            assertThat(model.isDefault())
                    .as("too few pairs to estimate: the default model")
                    .isTrue();
            assertThat(model.note()).isEqualTo("few_pairs");
        }
        var stored = client.get(g -> g.index(EngineIndices.LINKAGE_MODEL).id(ModelStore.ID), JsonNode.class);
        assertThat(stored.found()).isTrue();
        assertThat(stored.source().get("is_default").asBoolean()).isEqualTo(model.isDefault());
        assertThat(worker.status().processed()).isEqualTo(worker.status().total());
        assertThat(pairOf(id(sourceA, "A1"), id(sourceB, "B1")).decision()).isEqualTo(Decision.REJECTED);
        assertThat(pairOf(id(sourceA, "A3"), id(sourceB, "B3")).decision()).isEqualTo(Decision.CONFIRMED);
        assertThat(pairOf(id(sourceA, "A2"), id(sourceB, "B2")).decision()).isEqualTo(Decision.AUTO);
        String scope = "source=" + enc(sourceA) + "&source=" + enc(sourceB);
        assertThat(total("governorate", scope + "&count=persons")).isEqualTo(5);
        assertThat(total("governorate", scope + "&count=reports")).isEqualTo(7);

        // Undoing: the rejected pair goes back to review with a note, and the queue shows it.
        CandidatePair back = review.decide(
                ANALYST, CandidatePair.idOf(id(sourceA, "A1"), id(sourceB, "B1")), Decision.PENDING, "second look");
        assertThat(back.history())
                .extracting(DecisionEvent::decision)
                .containsExactly(Decision.AUTO, Decision.REJECTED, Decision.PENDING);
        List<CandidatePair> queue = review.queue(ANALYST, Decision.PENDING, 0, 1000);
        assertThat(queue).extracting(CandidatePair::id).contains(back.id());
        // The queue puts the decisions that move the figures most first: by impact (ReviewQueueTest).
        Map<String, Double> impacts = pendingImpacts();
        assertThat(queue).isSortedAccordingTo((x, y) -> Double.compare(impacts.get(y.id()), impacts.get(x.id())));
    }

    /** Pair id to impact of every pending pair (every test's, as a full re-link rewrites them all). */
    private Map<String, Double> pendingImpacts() throws IOException {
        var hits = client.search(
                        s -> s.index(EngineIndices.LINKS)
                                .size(10_000)
                                .trackTotalHits(t -> t.enabled(true))
                                .query(q -> q.term(t -> t.field("decision").value("pending")))
                                .source(src -> src.filter(f -> f.includes("id", "impact"))),
                        JsonNode.class)
                .hits();
        assertThat(hits.total().value()).as("all read in one page").isLessThan(10_000);
        Map<String, Double> out = new HashMap<>();
        hits.hits().forEach(h -> out.put(h.id(), h.source().get("impact").asDouble()));
        return out;
    }

    private JsonNode stats(String dimension, String query) throws IOException {
        String body = http.getForObject("/api/v1/stats/" + dimension + "?" + query, String.class);
        return new ObjectMapper().readTree(body);
    }

    private long total(String dimension, String query) throws IOException {
        return stats(dimension, query).get("total").asLong();
    }

    private static long bucket(JsonNode breakdown, String key) {
        for (JsonNode b : breakdown.get("buckets")) {
            if (b.get("key").asText().equals(key)) {
                return b.get("count").asLong();
            }
        }
        return 0;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
