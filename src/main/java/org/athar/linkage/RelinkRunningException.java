package org.athar.linkage;

/**
 * A full re-link of all reports is running, so a decision or a second re-link has to wait for it; the API answers
 * 409 with a fixed sentence.
 */
public class RelinkRunningException extends IllegalStateException {

    public RelinkRunningException(String message) {
        super(message);
    }
}
