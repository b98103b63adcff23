package org.athar.analytics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.athar.linkage.Overlap;

/**
 * How many persons each combination of sources documents, as a viewer may see it: {@code patterns} are the persons
 * documented by exactly those sources (capture histories), {@code rows} the table derived from them (documented by,
 * only by, shared with each other source). Under {@code public} an empty figure is withheld. Made only by
 * {@link Figures#overlap}.
 */
public record SourceOverlap(
        DisclosureProfile profile, List<String> sources, OptionalLong persons, List<Pattern> patterns, List<Row> rows) {

    public record Pattern(List<String> sources, OptionalLong persons) {
        public Pattern {
            sources = List.copyOf(sources);
        }
    }

    /** One source: persons it documents, those only it documents, and those it shares with each other source. */
    public record Row(String source, OptionalLong documentedBy, OptionalLong onlyBy, Map<String, OptionalLong> shared) {
        public Row {
            shared = Collections.unmodifiableMap(new LinkedHashMap<>(shared));
        }
    }

    /** The exact overlap (profile {@code internal}); outside analytics only tests call this (ArchitectureTest). */
    public static SourceOverlap of(Overlap exact) {
        return OverlapDisclosure.exact(exact);
    }

    public SourceOverlap {
        sources = List.copyOf(sources);
        patterns = List.copyOf(patterns);
        rows = List.copyOf(rows);
    }

    /** The figure of {@code source}'s row and column {@code other} (shared persons). */
    public OptionalLong shared(String source, String other) {
        return rows.stream()
                .filter(r -> r.source().equals(source))
                .findFirst()
                .map(r -> r.shared().getOrDefault(other, OptionalLong.empty()))
                .orElse(OptionalLong.empty());
    }
}
