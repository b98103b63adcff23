package org.athar.linkage;

/**
 * The persons are documented by more than 10,000 distinct combinations of sources, more than the overlap table can
 * list; the API answers 409 with a fixed sentence.
 */
public class OverlapTooLargeException extends IllegalStateException {

    public OverlapTooLargeException() {
        super("more than 10,000 combinations of sources; the overlap cannot be listed");
    }
}
