package org.athar.linkage;

import java.util.List;
import org.athar.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * Record linkage as the rest of Athar uses it: the review queue, decisions, persons, the overlap of sources and the
 * full re-link. Reports are never modified: pairs live in {@code athar-links}, persons in {@code athar-persons}.
 */
@Service
public class LinkageService {

    /**
     * Pairs with the given decision, highest score first ({@code from} is an offset, at most 10,000). Requires
     * {@code REVIEW_LINKS}.
     */
    public List<CandidatePair> queue(Viewer viewer, Decision decision, int from, int size) {
        throw new UnsupportedOperationException("being built");
    }

    /** How many pairs have the decision. Requires {@code REVIEW_LINKS}. */
    public long count(Viewer viewer, Decision decision) {
        throw new UnsupportedOperationException("being built");
    }

    /** One pair; {@link PairNotFoundException} when no pair has the id. Requires {@code REVIEW_LINKS}. */
    public CandidatePair pair(Viewer viewer, String pairId) {
        throw new UnsupportedOperationException("being built");
    }

    /**
     * Records a reviewer's decision: {@code CONFIRMED}, {@code REJECTED}, or {@code PENDING} to send a pair back
     * to the queue. Persons are updated at once, the decision is audited ({@code link_decision}) and kept in the
     * pair's history. A note is required for a rejection of an automatic link and for undoing a decision.
     * {@link IllegalArgumentException} for {@code AUTO}. Requires {@code REVIEW_LINKS}.
     */
    public CandidatePair decide(Viewer viewer, String pairId, Decision decision, String note) {
        throw new UnsupportedOperationException("being built");
    }

    /**
     * The person a report belongs to (a person of its own when unlinked); {@link PairNotFoundException} when no
     * report has the id. Requires {@code SEARCH}.
     */
    public PersonCluster personOf(Viewer viewer, String reportId) {
        throw new UnsupportedOperationException("being built");
    }

    /** The pairs (any decision) that involve the report, highest score first. Requires {@code REVIEW_LINKS}. */
    public List<CandidatePair> pairsOf(Viewer viewer, String reportId) {
        throw new UnsupportedOperationException("being built");
    }

    /** How many persons each combination of sources documents. Requires {@code VIEW_TRENDS}. */
    public Overlap overlap(Viewer viewer) {
        throw new UnsupportedOperationException("being built");
    }

    /**
     * Starts a full re-link in the background (reviewers' decisions are kept); the status while it runs. Refused
     * with {@link IllegalStateException} while one is running. Requires {@code ADMINISTER}.
     */
    public RelinkStatus relink(Viewer viewer) {
        throw new UnsupportedOperationException("being built");
    }

    /** The last full re-link's progress or outcome. */
    public RelinkStatus status() {
        return RelinkStatus.idle();
    }
}
