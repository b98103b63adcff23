package org.athar.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.athar.analytics.FigureGrid.Line;

/**
 * Rule 8 of docs/disclosure-control.md: a figure of a filtered public output is published only if every value the
 * filter keeps is published in the figure's line without that filter (protected like any breakdown). Then the figure
 * is a sum of published figures of that line: the difference to the unfiltered figure, to the other values of the
 * filter or to an overlapping range of years is made of whole published figures and withheld groups that rule 7
 * keeps from being small.
 */
final class ParentCheck {

    /** What a figure of an output counts, in terms of the output's key tuples. */
    enum Kind {
        /** The reports of the tuples {@code tuples} accepts (a bucket, a cell, a row or column total). */
        TUPLES,
        /** Every report in scope (the total). */
        ALL,
        /** The reports in scope that no tuple holds ({@code imprecise}). */
        UNPLACED
    }

    /** {@code pattern}: one key per output dimension, {@code null} for any (a row total is {@code [r, null]}). */
    record Spec(Kind kind, List<String> pattern) {

        static Spec of(String... keys) {
            return new Spec(Kind.TUPLES, Arrays.asList(keys));
        }

        static Spec all() {
            return new Spec(Kind.ALL, List.of());
        }

        static Spec unplaced() {
            return new Spec(Kind.UNPLACED, List.of());
        }

        long value(Sums counts, long scope) {
            return switch (kind) {
                case ALL -> scope;
                case TUPLES -> counts.sum(pattern);
                case UNPLACED -> scope - counts.total();
            };
        }
    }

    /**
     * Sums of a tally's counts over key patterns, each kind of pattern (which positions are fixed) added up in one
     * pass, so that checking thousands of cells stays linear in the size of the tally.
     */
    static final class Sums {

        private final Map<List<String>, Long> counts;
        private final Map<List<Boolean>, Map<List<String>, Long>> byMask = new HashMap<>();
        private long total = -1;

        Sums(Map<List<String>, Long> counts) {
            this.counts = counts;
        }

        long total() {
            if (total < 0) {
                total = counts.values().stream().mapToLong(Long::longValue).sum();
            }
            return total;
        }

        long sum(List<String> pattern) {
            List<Boolean> mask = pattern.stream().map(Objects::nonNull).toList();
            Map<List<String>, Long> sums = byMask.computeIfAbsent(mask, m -> {
                Map<List<String>, Long> out = new HashMap<>();
                counts.forEach((key, n) -> out.merge(project(key, m), n, Long::sum));
                return out;
            });
            return sums.getOrDefault(project(pattern, mask), 0L);
        }

        private static List<String> project(List<String> key, List<Boolean> mask) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < mask.size(); i++) {
                if (mask.get(i)) {
                    out.add(key.get(i));
                }
            }
            return out;
        }
    }

    private ParentCheck() {}

    /**
     * For each spec, whether it fails the check against {@code filter}'s line. {@code plain}: the output's dimensions
     * without the filter; {@code joint}: the output's dimensions followed by the line's; {@code line}: the line's
     * dimensions alone; all three counted without the filter.
     */
    static boolean[] failures(
            List<Spec> specs,
            PublicFilters.Filter filter,
            Tally plain,
            Tally joint,
            Tally line,
            int outputDims,
            int k) {
        int lineDims = filter.line().size();
        // The groups of the line (a district's line is the districts of one governorate) and their values.
        Map<List<String>, Set<String>> groups = new LinkedHashMap<>();
        for (List<String> key : line.counts().keySet()) {
            groups.computeIfAbsent(key.subList(0, lineDims - 1), g -> new LinkedHashSet<>())
                    .add(key.get(lineDims - 1));
        }
        groups.values().removeIf(values -> values.stream().noneMatch(filter.selected()));
        Map<List<String>, Map<List<String>, Long>> byValue = new LinkedHashMap<>();
        joint.counts()
                .forEach((key, n) -> byValue.computeIfAbsent(
                                key.subList(outputDims, key.size()), v -> new LinkedHashMap<>())
                        .put(key.subList(0, outputDims), n));
        Map<List<String>, Sums> sumsByValue = new HashMap<>();
        byValue.forEach((v, counts) -> sumsByValue.put(v, new Sums(counts)));
        Sums plainSums = new Sums(plain.counts());
        Sums none = new Sums(Map.of());
        boolean[] failed = new boolean[specs.size()];
        for (int s = 0; s < specs.size(); s++) {
            Spec spec = specs.get(s);
            for (Map.Entry<List<String>, Set<String>> group : groups.entrySet()) {
                List<String> values = List.copyOf(group.getValue());
                List<OptionalLong> figures = new ArrayList<>();
                long members = 0;
                for (String value : values) {
                    List<String> key = new ArrayList<>(group.getKey());
                    key.add(value);
                    long n = spec.value(
                            sumsByValue.getOrDefault(key, none), line.counts().getOrDefault(key, 0L));
                    figures.add(OptionalLong.of(n));
                    members += n;
                }
                long sum = lineDims == 1 ? spec.value(plainSums, plain.total()) : members;
                // Reports the line cannot place (no year known, for the line of years) are a member of their own.
                // Counting persons by source, a person is under each of its sources: the line is then protected
                // against the sum of its members, as the breakdown by source is.
                long unplaced = Math.max(0, sum - members);
                figures.add(OptionalLong.of(unplaced));
                figures.add(OptionalLong.of(members + unplaced));
                int n = values.size() + 1;
                FigureGrid grid = new FigureGrid(
                        figures,
                        List.of(new Line(
                                "the line of " + filter.parameter(),
                                n,
                                IntStream.range(0, n).boxed().toList())));
                List<OptionalLong> published = Suppression.withhold(grid, k, "line of " + filter.parameter());
                for (int v = 0; v < values.size(); v++) {
                    if (filter.selected().test(values.get(v))
                            && published.get(v).isEmpty()) {
                        failed[s] = true;
                    }
                }
            }
        }
        return failed;
    }
}
