package org.athar.linkage;

import java.util.Locale;

/**
 * The persons figure with its uncertainty while pairs await review (docs/linkage.md, "Counting persons"):
 * {@code persons} as counted today, {@code personsIfPendingConfirmed} the same figure if every pending pair were
 * confirmed, and {@code pendingPairs} the pending pairs that would make the difference (those joining two persons
 * of a merged cluster counted in the figure). Both figures are exact for the filter they were counted for; when no
 * pair is pending they are equal and {@code pendingPairs} is 0.
 */
public record PersonsFigure(long persons, long personsIfPendingConfirmed, long pendingPairs) {

    public PersonsFigure {
        if (persons < 0 || personsIfPendingConfirmed < 0 || pendingPairs < 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "a persons figure is never negative (persons %d, if pending confirmed %d, pending pairs %d)",
                    persons,
                    personsIfPendingConfirmed,
                    pendingPairs));
        }
    }

    /**
     * The lower end of the range. Confirming pairs merges persons, so usually the figure if they were confirmed;
     * for a filter, a merged person can be counted where none of the persons it merges was (its representative's
     * values decide, as for any person), so the smaller of the two.
     */
    public long lower() {
        return Math.min(persons, personsIfPendingConfirmed);
    }

    /** The upper end of the range: the larger of the two figures. */
    public long upper() {
        return Math.max(persons, personsIfPendingConfirmed);
    }

    /** Whether there is a range to show: the two figures differ. */
    public boolean uncertain() {
        return persons != personsIfPendingConfirmed;
    }
}
