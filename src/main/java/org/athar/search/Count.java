package org.athar.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a statistic counts: {@code reports} (every report, so a person documented by three sources counts three
 * times) or {@code persons} (reports linked as one person count once; an unlinked report is a person of its own).
 */
public enum Count {
    REPORTS,
    PERSONS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Count> fromCode(String code) {
        return Arrays.stream(values())
                .filter(c -> c.code().equalsIgnoreCase(code.strip()))
                .findFirst();
    }
}
