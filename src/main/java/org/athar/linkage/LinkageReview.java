package org.athar.linkage;

import static org.athar.linkage.LinkageIo.io;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athar.security.AuditAction;
import org.athar.security.AuditEntry.Outcome;
import org.athar.security.AuditLog;
import org.athar.security.ClientAddress;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * The review of candidate pairs: the queue by decision, one pair, the pairs of a report, and a reviewer's decision
 * (audited, kept in the pair's history, the persons updated at once).
 */
@Service
public class LinkageReview {

    private final PairStore pairs;
    private final PersonLinking persons;
    private final LinkageWorker worker;
    private final AuditLog audit;
    private final Clock clock;

    LinkageReview(PairStore pairs, PersonLinking persons, LinkageWorker worker, AuditLog audit, Clock clock) {
        this.pairs = pairs;
        this.persons = persons;
        this.worker = worker;
        this.audit = audit;
        this.clock = clock;
    }

    /** The thresholds that send a pair to review or link it automatically. */
    public LinkagePolicy policy() {
        return LinkagePolicy.DEFAULT;
    }

    /**
     * Pairs with the given decision ({@code from} is an offset, at most 10,000). Pending pairs come first whose
     * decision can change the persons figure most (uncertain pairs joining large persons: {@link ReviewOrder}), the
     * other decisions highest score first. Requires {@code REVIEW_LINKS}.
     */
    public List<CandidatePair> queue(Viewer viewer, Decision decision, int from, int size) {
        viewer.require(Permission.REVIEW_LINKS);
        if (from < 0 || size < 1 || from + size > 10_000) {
            throw new IllegalArgumentException(
                    "from must be 0 or more and from + size at most 10000 (got from " + from + ", size " + size + ")");
        }
        return io(() -> pairs.queue(decision, from, size));
    }

    /** How many pairs have the decision. Requires {@code REVIEW_LINKS}. */
    public long count(Viewer viewer, Decision decision) {
        viewer.require(Permission.REVIEW_LINKS);
        return io(() -> pairs.count(decision));
    }

    /** One pair; {@link PairNotFoundException} when no pair has the id. Requires {@code REVIEW_LINKS}. */
    public CandidatePair pair(Viewer viewer, String pairId) {
        viewer.require(Permission.REVIEW_LINKS);
        return io(() -> pairs.pair(pairId))
                .orElseThrow(() -> new PairNotFoundException(
                        "No candidate pair has the id " + pairId + "; pairs are listed by GET /api/v1/linkage/pairs"));
    }

    /** The pairs (any decision) that involve the report, highest score first. Requires {@code REVIEW_LINKS}. */
    public List<CandidatePair> pairsOf(Viewer viewer, String reportId) {
        viewer.require(Permission.REVIEW_LINKS);
        List<CandidatePair> found = new ArrayList<>(io(() -> pairs.involving(List.of(reportId), List.of())));
        found.sort(Comparator.comparingDouble(CandidatePair::score).reversed().thenComparing(CandidatePair::id));
        return found;
    }

    /**
     * Records a reviewer's decision: {@code CONFIRMED}, {@code REJECTED}, or {@code PENDING} to send a pair back
     * to the queue. Persons are updated at once, the decision is audited ({@code link_decision}) and kept in the
     * pair's history. A note is required to reject an automatic link and to change a reviewer's decision.
     * {@link IllegalArgumentException} for {@code AUTO} (a caller's mistake), {@link NoteRequiredException} without a
     * needed note, {@link RelinkRunningException} while a full re-link runs.
     * Requires {@code REVIEW_LINKS}.
     */
    public CandidatePair decide(Viewer viewer, String pairId, Decision decision, String note) {
        viewer.require(Permission.REVIEW_LINKS);
        if (decision == Decision.AUTO) {
            throw new IllegalArgumentException(
                    "decision must be confirmed, rejected or pending; auto is the " + "linker's own");
        }
        if (worker.status().running()) {
            throw new RelinkRunningException("A full re-link is running; decisions are taken again when it has "
                    + "finished (see GET /api/v1/linkage/relink)");
        }
        String text = note == null ? "" : note.strip();
        String address = ClientAddress.current();
        CandidatePair before = pair(viewer, pairId);
        if (text.isEmpty()
                && ((decision == Decision.REJECTED && before.decision() == Decision.AUTO)
                        || before.decision().isHuman() && before.decision() != decision)) {
            throw new NoteRequiredException(before.decision().isHuman());
        }
        List<DecisionEvent> history = new ArrayList<>(before.history());
        history.add(new DecisionEvent(decision, viewer.username(), clock.instant(), text));
        CandidatePair after = new CandidatePair(
                before.id(),
                before.reportA(),
                before.reportB(),
                before.sourceA(),
                before.sourceB(),
                before.score(),
                before.features(),
                decision,
                history);
        worker.run(() -> {
            pairs.savePairs(List.of(after), "decision", true);
            persons.relinkPersons(Set.of(after.reportA(), after.reportB()));
            return null;
        });
        audit.record(
                viewer,
                address,
                AuditAction.LINK_DECISION,
                Outcome.SUCCESS,
                Map.of(
                        "pair",
                        pairId,
                        "from",
                        before.decision().code(),
                        "to",
                        decision.code(),
                        "score",
                        Double.toString(before.score())));
        return after;
    }
}
