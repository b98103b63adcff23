package org.athar.linkage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
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
    private final Clock clock;

    PersonLinking(PairStore pairs, ReportRecordStore reports, PersonStore persons, Clock clock) {
        this.pairs = pairs;
        this.reports = reports;
        this.persons = persons;
        this.clock = clock;
    }

    /**
     * Rebuilds the persons of {@code reportIds} and of every report linked to them (directly or through others):
     * the connected pairs are read from the engine, clustered, and their person documents replaced.
     */
    void relinkPersons(Set<String> reportIds) throws IOException {
        Set<String> component = new HashSet<>(reportIds);
        Set<String> frontier = new HashSet<>(reportIds);
        Map<String, CandidatePair> links = new HashMap<>();
        while (!frontier.isEmpty()) {
            Set<String> next = new HashSet<>();
            for (CandidatePair p : pairs.involving(frontier, List.of(Decision.AUTO, Decision.CONFIRMED))) {
                if (links.putIfAbsent(p.id(), p) == null) {
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
        List<PersonDocument> found = new ArrayList<>();
        BitSet grouped = new BitSet();
        for (int[] group : clusters.groups()) {
            List<LinkRecord> members = new ArrayList<>();
            for (int i : group) {
                members.add(records.get(i));
                grouped.set(i);
            }
            PersonCluster person = PersonDocument.clusterOf(members);
            found.add(new PersonDocument(person, byId.get(person.representative())));
        }
        for (int i = 0; i < records.size(); i++) {
            if (!grouped.get(i)) {
                found.add(PersonDocument.single(byId.get(records.get(i).id())));
            }
        }
        Set<String> keep = new HashSet<>();
        found.forEach(p -> keep.add(p.person().personId()));
        persons.savePersons(EngineIndices.PERSONS, found, true);
        persons.removePersonsOf(component, keep);
    }

    private static Optional<Clusters.Edge> edgeOf(CandidatePair p, Map<String, Integer> index) {
        Integer a = index.get(p.reportA());
        Integer b = index.get(p.reportB());
        return a == null || b == null
                ? Optional.empty()
                : Optional.of(new Clusters.Edge(a, b, p.score(), p.decision()));
    }
}
