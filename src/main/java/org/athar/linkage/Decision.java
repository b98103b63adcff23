package org.athar.linkage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a candidate pair of reports stands. {@code AUTO} and {@code CONFIRMED} link the two reports into one person;
 * {@code PENDING} waits in the review queue; {@code REJECTED} keeps them apart and is never proposed again.
 */
public enum Decision {
    AUTO,
    PENDING,
    CONFIRMED,
    REJECTED;

    /** Whether the two reports count as one person. */
    public boolean links() {
        return this == AUTO || this == CONFIRMED;
    }

    /** Whether a person decided it (a reviewer's decision is never overwritten by a re-link). */
    public boolean isHuman() {
        return this == CONFIRMED || this == REJECTED;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Decision> fromCode(String code) {
        return Arrays.stream(values())
                .filter(d -> d.code().equalsIgnoreCase(code.strip()))
                .findFirst();
    }
}
