package org.athar.linkage;

/**
 * A decision that needs a note (rejecting an automatic link, changing a reviewer's decision) came without one; the
 * API answers 400 naming {@code note}.
 */
public class NoteRequiredException extends IllegalArgumentException {

    private final boolean changesReviewersDecision;

    public NoteRequiredException(boolean changesReviewersDecision) {
        super("a note is required to "
                + (changesReviewersDecision
                        ? "change a reviewer's decision"
                        : "reject a link the linker made automatically")
                + ": say why, for the next reviewer");
        this.changesReviewersDecision = changesReviewersDecision;
    }

    /** Whether the decision changes a reviewer's (rather than rejecting the linker's automatic link). */
    public boolean changesReviewersDecision() {
        return changesReviewersDecision;
    }
}
