package org.athar.linkage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.athar.engine.EngineIndices;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the persons a change of pairs touches (a linked batch, a reviewer's decision). Runs on the linkage worker's
 * thread only, so it never writes the same persons as another job.
 */
@Component
class PersonLinking {

    private final PairStore pairs;
    private final ReportRecordStore reports;
    private final PersonStore persons;
    private final ReviewOrder reviewOrder;
    private final Clock clock;

    PersonLinking(
            PairStore pairs, ReportRecordStore reports, PersonStore persons, ReviewOrder reviewOrder, Clock clock) {
        this.pairs = pairs;
        this.reports = reports;
        this.persons = persons;
        this.reviewOrder = reviewOrder;
        this.clock = clock;
    }

    /**
     * Rebuilds the persons of {@code reportIds} and of every report linked to them (directly or through others, by a
     * link or a pending pair): the connected pairs are read from the engine, clustered, and their person documents
     * replaced, with the merged clusters pending pairs would make ({@link PendingClosures}).
     */
    void relinkPersons(Set<String> reportIds) throws IOException {
        // A merged cluster written earlier is rebuilt whole, even where the pair that joined it is gone now.
        Set<String> seeds = new HashSet<>(reportIds);
        seeds.addAll(persons.closureReportsOf(reportIds));
        Set<String> component = new HashSet<>(seeds);
        Set<String> frontier = new HashSet<>(seeds);
        Map<String, CandidatePair> links = new LinkedHashMap<>();
        Map<String, CandidatePair> pending = new LinkedHashMap<>();
        while (!frontier.isEmpty()) {
            Set<String> next = new HashSet<>();
            for (CandidatePair p :
                    pairs.involving(frontier, List.of(Decision.AUTO, Decision.CONFIRMED, Decision.PENDING))) {
                Map<String, CandidatePair> into = p.decision() == Decision.PENDING ? pending : links;
                if (into.putIfAbsent(p.id(), p) == null) {
                    for (String id : List.of(p.reportA(), p.reportB())) {
                        if (component.add(id)) {
                            next.add(id);
                        }
                    }
                }
            }
            frontier = next;
        }
        List<CandidatePair> rejected = pairs.involving(component, List.of(Decision.REJECTED));
        List<ObjectNode> docs = reports.reports(component);
        Interner interner = new Interner();
        List<LinkRecord> records = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, ObjectNode> byId = new HashMap<>();
        for (ObjectNode d : docs) {
            LinkRecord r = ReportRecordStore.record(d, interner);
            index.put(r.id(), records.size());
            records.add(r);
            byId.put(r.id(), d);
        }
        List<Clusters.Edge> edges = new ArrayList<>();
        for (CandidatePair p : links.values()) {
            edgeOf(p, index).ifPresent(edges::add);
        }
        for (CandidatePair p : rejected) {
            edgeOf(p, index).ifPresent(edges::add);
        }
        for (CandidatePair p : pending.values()) {
            edgeOf(p, index).ifPresent(edges::add);
        }
        Clusters clusters = Clusters.of(records.size(), edges);
        List<CandidatePair> toReview = new ArrayList<>();
        Instant now = clock.instant();
        for (Clusters.Edge e : clusters.conflicts()) {
            CandidatePair p = links.get(CandidatePair.idOf(
                    records.get(e.a()).id(), records.get(e.b()).id()));
            if (p != null && p.decision() == Decision.AUTO) {
                toReview.add(AutomaticPairs.sentToReview(p, now));
            }
        }
        pairs.savePairs(toReview, "conflict", true);
        PendingClosures closures = PendingClosures.of(records, edges, clusters);
        List<PersonDocument> found = new ArrayList<>();
        BitSet grouped = new BitSet();
        for (int[] group : clusters.groups()) {
            List<LinkRecord> members = new ArrayList<>();
            for (int i : group) {
                members.add(records.get(i));
                grouped.set(i);
            }
            PersonCluster person = PersonDocument.clusterOf(members);
            found.add(new PersonDocument(person, byId.get(person.representative()), closures.inMerged(group[0])));
        }
        for (int i = 0; i < records.size(); i++) {
            if (!grouped.get(i)) {
                found.add(PersonDocument.single(byId.get(records.get(i).id()), closures.inMerged(i)));
            }
        }
        List<ClosureDocument> merged = new ArrayList<>();
        for (PendingClosures.Merged m : closures.merged()) {
            PersonCluster c = PendingClosures.clusterOf(m, records);
            merged.add(new ClosureDocument(c, byId.get(c.representative()), m.personIds(), m.pendingPairs()));
        }
        Set<String> keep = new HashSet<>();
        found.forEach(p -> keep.add(p.person().personId()));
        Set<String> keepClosures = new HashSet<>();
        merged.forEach(c -> keepClosures.add(c.closure().personId()));
        persons.savePersons(EngineIndices.PERSONS, found, true);
        persons.saveClosures(EngineIndices.PERSON_CLOSURES, merged, true);
        persons.removePersonsOf(component, keep);
        persons.removeClosuresOf(component, keepClosures);
        // The persons of these reports changed size: so did the weight of the pending pairs that touch them.
        reviewOrder.refresh(component);
    }

    private static Optional<Clusters.Edge> edgeOf(CandidatePair p, Map<String, Integer> index) {
        Integer a = index.get(p.reportA());
        Integer b = index.get(p.reportB());
        return a == null || b == null
                ? Optional.empty()
                : Optional.of(new Clusters.Edge(a, b, p.score(), p.decision()));
    }
}
