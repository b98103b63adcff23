package org.athar.linkage;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The order of the review queue: a pending pair's <b>impact</b> is how much its decision can change the persons
 * figure, its uncertainty (1 − |2p − 1| for its probability p: 1 at p = 0.5, 0 at p = 0 or 1) times the reports of
 * the persons it would join (their sizes added; once when the two reports are already one person). The queue comes
 * highest impact first, so a reviewer's first decisions are those that move the figures most. The impact is a field
 * of the pending pairs, refreshed whenever the persons of their reports are rebuilt and for every pending pair at the
 * end of a full re-link. Runs on the linkage worker's thread only.
 */
@Component
class ReviewOrder {

    private final PairStore pairs;
    private final PersonStore persons;

    ReviewOrder(PairStore pairs, PersonStore persons) {
        this.pairs = pairs;
        this.persons = persons;
    }

    /** 1 − |2p − 1|: how far a probability is from certain either way. */
    static double uncertainty(double probability) {
        return 1 - Math.abs(2 * probability - 1);
    }

    /** The uncertainty of a pair times the number of reports its decision joins or keeps apart. */
    static double impact(double probability, int reports) {
        return uncertainty(probability) * reports;
    }

    /** Refreshes the impact of the pending pairs involving {@code reportIds} (whose persons were just rebuilt). */
    void refresh(Collection<String> reportIds) throws IOException {
        if (!reportIds.isEmpty()) {
            write(pairs.involving(reportIds, List.of(Decision.PENDING)));
        }
    }

    /**
     * After a full re-link: the re-link weighed the pairs it wrote by the persons it made; the pairs reviewers sent
     * back to review were copied as stored, and are weighed again here.
     */
    void refreshAfterRelink() throws IOException {
        write(pairs.humanDecisions().stream()
                .filter(p -> p.decision() == Decision.PENDING)
                .toList());
    }

    /** Pending pairs weighed at a time by {@link #refreshAll()}: their persons are read for them in one go. */
    static final int REFRESH_CHUNK = 10_000;

    /**
     * Weighs every pending pair again from the stored persons, {@value #REFRESH_CHUNK} at a time (millions after a
     * re-link of a million reports would not fit in memory at once). A full re-link no longer needs it (it writes the
     * impacts itself); the tests hold the re-link's impacts against it.
     */
    void refreshAll() throws IOException {
        refreshAll(REFRESH_CHUNK);
    }

    /** As above, {@code chunk} pending pairs at a time; searchable when it returns. */
    void refreshAll(int chunk) throws IOException {
        pairs.eachPending(chunk, pending -> write(pending, false));
        pairs.refresh();
    }

    private void write(List<CandidatePair> pending) throws IOException {
        write(pending, true);
    }

    private void write(List<CandidatePair> pending, boolean refresh) throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        Set<String> reports = new HashSet<>();
        pending.forEach(p -> reports.addAll(List.of(p.reportA(), p.reportB())));
        Map<String, PersonCluster> held = persons.personsHolding(reports);
        Map<String, Double> impacts = new HashMap<>();
        for (CandidatePair p : pending) {
            impacts.put(p.id(), impact(p.probability(), reportsJoined(held.get(p.reportA()), held.get(p.reportB()))));
        }
        pairs.setImpacts(impacts, refresh);
    }

    /**
     * The reports of the two persons a pair would join: their sizes added, or one person's size when the two reports
     * are already in it (a decision can then only keep it whole or split it). A report no person holds yet counts as
     * itself.
     */
    static int reportsJoined(PersonCluster a, PersonCluster b) {
        int sa = Optional.ofNullable(a).map(p -> p.reportIds().size()).orElse(1);
        int sb = Optional.ofNullable(b).map(p -> p.reportIds().size()).orElse(1);
        if (a != null && b != null && a.personId().equals(b.personId())) {
            return sa;
        }
        return sa + sb;
    }
}
