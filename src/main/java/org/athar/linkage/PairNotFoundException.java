package org.athar.linkage;

/** No candidate pair (or no report) has the id asked for; the API answers 404. */
public class PairNotFoundException extends RuntimeException {

    public PairNotFoundException(String message) {
        super(message);
    }
}
