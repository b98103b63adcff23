package org.athar.ui.review;

import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A reviewer's work in this browser session: how many decisions stand (an undone one no longer counts), since when
 * the review page has been open, and the confirmations and rejections that {@code U} can still undo, last first.
 * Kept in the Vaadin session, so it survives moving between tabs and pages but not signing out.
 */
final class ReviewSession implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The shortest time a rate is computed over, so the first decision does not read as hundreds a minute. */
    static final Duration AT_LEAST = Duration.ofMinutes(1);

    private final Instant started;
    private final Deque<String> undoable = new ArrayDeque<>();
    private int decisions;

    ReviewSession(Instant started) {
        this.started = started;
    }

    /** This session's review work, begun now when the session has none yet. */
    static ReviewSession of(VaadinSession session, Instant now) {
        ReviewSession s = session.getAttribute(ReviewSession.class);
        if (s == null) {
            s = new ReviewSession(now);
            session.setAttribute(ReviewSession.class, s);
        }
        return s;
    }

    /** A decision taken; {@code undoable} for a confirmation or rejection (a pair sent back is not undone by U). */
    void decided(String pairId, boolean undoable) {
        decisions++;
        if (undoable) {
            this.undoable.push(pairId);
        }
    }

    /** The pair of the last confirmation or rejection still to undo. */
    Optional<String> last() {
        return Optional.ofNullable(undoable.peek());
    }

    /** The last decision was undone (its pair is pending again): it no longer counts. */
    void undone() {
        undoable.pop();
        decisions--;
    }

    /** The last decision cannot be undone (someone decided the pair again since): forgotten, still counted. */
    void forgetLast() {
        undoable.pop();
    }

    int decisions() {
        return decisions;
    }

    /** Decisions a minute since the review page was first opened in this session (over at least a minute). */
    double perMinute(Instant now) {
        Duration open = Duration.between(started, now);
        double minutes = Math.max(open.toMillis(), AT_LEAST.toMillis()) / 60_000.0;
        return decisions / minutes;
    }
}
