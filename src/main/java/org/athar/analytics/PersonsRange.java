package org.athar.analytics;

import java.util.OptionalLong;
import org.athar.linkage.PersonsFigure;

/**
 * The persons figure with its uncertainty while pairs await review, as a viewer may see it ({@link Figures}): under
 * {@code internal} the exact {@link PersonsFigure}; under {@code public} each figure released or withheld like the
 * persons total, and {@code pendingPairs} never published (empty).
 */
public record PersonsRange(
        DisclosureProfile profile,
        OptionalLong persons,
        OptionalLong personsIfPendingConfirmed,
        OptionalLong pendingPairs) {

    static PersonsRange exact(PersonsFigure f) {
        return new PersonsRange(
                DisclosureProfile.INTERNAL,
                OptionalLong.of(f.persons()),
                OptionalLong.of(f.personsIfPendingConfirmed()),
                OptionalLong.of(f.pendingPairs()));
    }

    /** Whether a range is shown: both figures released and different. */
    public boolean shown() {
        return persons.isPresent()
                && personsIfPendingConfirmed.isPresent()
                && persons.getAsLong() != personsIfPendingConfirmed.getAsLong();
    }

    /** The lower end of the range (only when {@link #shown()}). */
    public long lower() {
        return Math.min(persons.orElseThrow(), personsIfPendingConfirmed.orElseThrow());
    }

    /** The upper end of the range (only when {@link #shown()}). */
    public long upper() {
        return Math.max(persons.orElseThrow(), personsIfPendingConfirmed.orElseThrow());
    }
}
