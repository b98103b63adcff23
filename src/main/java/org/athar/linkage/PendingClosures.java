package org.athar.linkage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The persons that pending pairs would merge (docs/linkage.md, "Counting persons"): the clusters if every pending pair
 * were confirmed ({@link Clusters#ifPendingConfirmed}) that hold more than one person. A full re-link and a rebuild of
 * some persons both compute them here from the same edges as the persons, so the two never disagree.
 */
final class PendingClosures {

    /**
     * One merged cluster: its reports (indices into the records), the ids of the persons it merges, and the pending
     * pairs that join two of those persons (a pending pair inside one person, or held apart by a rejected pair,
     * changes no figure and is not counted).
     */
    record Merged(int[] reports, List<String> personIds, int pendingPairs) {}

    private final BitSet inMerged;
    private final List<Merged> merged;

    private PendingClosures(BitSet inMerged, List<Merged> merged) {
        this.inMerged = inMerged;
        this.merged = merged;
    }

    /** The merged clusters of {@code records}, {@code persons} being {@code Clusters.of(records.size(), edges)}. */
    static PendingClosures of(List<LinkRecord> records, List<Clusters.Edge> edges, Clusters persons) {
        Clusters closure = Clusters.ifPendingConfirmed(records.size(), edges);
        Map<Integer, Integer> pendingAt = new HashMap<>();
        for (Clusters.Edge e : edges) {
            if (e.decision() == Decision.PENDING
                    && persons.root(e.a()) != persons.root(e.b())
                    && closure.root(e.a()) == closure.root(e.b())) {
                pendingAt.merge(closure.root(e.a()), 1, Integer::sum);
            }
        }
        BitSet flagged = new BitSet(records.size());
        List<Merged> out = new ArrayList<>();
        for (int[] group : closure.groups()) {
            Map<Integer, List<String>> byPerson = new TreeMap<>();
            for (int i : group) {
                byPerson.computeIfAbsent(persons.root(i), r -> new ArrayList<>())
                        .add(records.get(i).id());
            }
            if (byPerson.size() < 2) {
                continue;
            }
            List<String> personIds = byPerson.values().stream()
                    .map(ids -> PersonCluster.idFor(ids.stream().sorted().toList()))
                    .sorted()
                    .toList();
            for (int i : group) {
                flagged.set(i);
            }
            out.add(new Merged(group, personIds, pendingAt.getOrDefault(closure.root(group[0]), 0)));
        }
        return new PendingClosures(flagged, out);
    }

    /** Whether the report at {@code i} belongs to a person that pending pairs would merge with another. */
    boolean inMerged(int i) {
        return inMerged.get(i);
    }

    List<Merged> merged() {
        return merged;
    }

    /** The merged cluster as one person, counted with {@link CountingRule}'s values like any person. */
    static PersonCluster clusterOf(Merged m, List<LinkRecord> records) {
        List<LinkRecord> members = new ArrayList<>(m.reports().length);
        for (int i : m.reports()) {
            members.add(records.get(i));
        }
        PersonCluster p = PersonDocument.clusterOf(members);
        return new PersonCluster(
                ClosureDocument.ID_PREFIX + p.reportIds().get(0),
                p.reportIds(),
                p.sources(),
                p.representative(),
                p.disagreements());
    }
}
