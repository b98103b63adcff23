package org.athar.linkage;

import java.util.List;
import java.util.function.Predicate;

/**
 * How many persons each combination of sources documents: every {@link Pattern} is a set of sources and the persons
 * documented by exactly those sources and no other (the capture histories of multiple-systems estimation).
 * {@code persons} is the sum over all patterns.
 */
public record Overlap(List<String> sources, long persons, List<Pattern> patterns) {

    /** Persons documented by exactly {@code sources} (sorted), no more, no fewer. */
    public record Pattern(List<String> sources, long persons) {
        public Pattern {
            sources = List.copyOf(sources);
        }
    }

    public Overlap {
        sources = List.copyOf(sources);
        patterns = List.copyOf(patterns);
    }

    /** Persons documented by {@code source} (alone or with others). */
    public long documentedBy(String source) {
        return sum(p -> p.contains(source));
    }

    /** Persons documented by {@code source} and no other source. */
    public long onlyBy(String source) {
        return sum(p -> p.size() == 1 && p.contains(source));
    }

    /** Persons documented by both {@code a} and {@code b} (and perhaps others too). */
    public long shared(String a, String b) {
        return sum(p -> p.contains(a) && p.contains(b));
    }

    private long sum(Predicate<List<String>> test) {
        return patterns.stream()
                .filter(p -> test.test(p.sources()))
                .mapToLong(Pattern::persons)
                .sum();
    }
}
