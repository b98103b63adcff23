package org.athar.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.athar.analytics.FigureGrid.Line;
import org.athar.linkage.Overlap;

/**
 * Disclosure control of the overlap of sources. Its atoms are the patterns (persons documented by exactly a set of
 * sources), which add up to all persons; "documented by s" is the sum of the patterns holding s and is the same figure
 * as the persons-by-source breakdown publishes, so it keeps that breakdown's status and is never a complement. Every
 * other figure of the table (shared by two sources) is published only when all the patterns it sums are.
 */
final class OverlapDisclosure {

    private OverlapDisclosure() {}

    static SourceOverlap exact(Overlap o) {
        List<SourceOverlap.Pattern> patterns = o.patterns().stream()
                .map(p -> new SourceOverlap.Pattern(p.sources(), OptionalLong.of(p.persons())))
                .toList();
        return table(DisclosureProfile.INTERNAL, o.sources(), OptionalLong.of(o.persons()), patterns);
    }

    /** {@code bySource}: the public breakdown of persons by source (unfiltered), whose figures the overlap repeats. */
    static SourceOverlap suppress(Overlap o, Breakdown bySource, int k) {
        int n = o.patterns().size();
        int s = o.sources().size();
        int total = n + s;
        List<OptionalLong> figures = new ArrayList<>();
        o.patterns().forEach(p -> figures.add(OptionalLong.of(p.persons())));
        o.sources().forEach(src -> figures.add(OptionalLong.of(o.documentedBy(src))));
        figures.add(OptionalLong.of(o.persons()));
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("the patterns", total, IntStream.range(0, n).boxed().toList()));
        Set<Integer> forced = new HashSet<>();
        Set<Integer> fixed = new HashSet<>(Set.of(total));
        Map<String, OptionalLong> canonical = new LinkedHashMap<>();
        bySource.buckets().forEach(b -> canonical.put(b.key(), b.count()));
        for (int i = 0; i < s; i++) {
            String source = o.sources().get(i);
            lines.add(new Line(
                    "patterns of " + source,
                    n + i,
                    IntStream.range(0, n)
                            .filter(p -> o.patterns().get(p).sources().contains(source))
                            .boxed()
                            .toList()));
            fixed.add(n + i);
            if (canonical.getOrDefault(source, OptionalLong.empty()).isEmpty()) {
                forced.add(n + i);
            }
        }
        if (bySource.total().isEmpty()) {
            forced.add(total);
        }
        List<OptionalLong> published =
                Suppression.withhold(new FigureGrid(figures, lines), k, "overlap of sources", forced, fixed);
        List<SourceOverlap.Pattern> patterns = IntStream.range(0, n)
                .mapToObj(p -> new SourceOverlap.Pattern(o.patterns().get(p).sources(), published.get(p)))
                .toList();
        SourceOverlap table = table(DisclosureProfile.PUBLIC, o.sources(), published.get(total), patterns);
        // "Documented by" takes the status decided above (the breakdown's), not the sum of its patterns' statuses.
        List<SourceOverlap.Row> rows = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            SourceOverlap.Row r = table.rows().get(i);
            rows.add(new SourceOverlap.Row(r.source(), published.get(n + i), r.onlyBy(), r.shared()));
        }
        return new SourceOverlap(table.profile(), table.sources(), table.persons(), table.patterns(), rows);
    }

    /** Rows derived from the patterns: a sum is shown only when every pattern in it is. */
    private static SourceOverlap table(
            DisclosureProfile profile,
            List<String> sources,
            OptionalLong persons,
            List<SourceOverlap.Pattern> patterns) {
        List<SourceOverlap.Row> rows = new ArrayList<>();
        for (String a : sources) {
            Map<String, OptionalLong> shared = new LinkedHashMap<>();
            for (String b : sources) {
                if (!b.equals(a)) {
                    shared.put(b, sum(patterns, p -> p.contains(a) && p.contains(b)));
                }
            }
            rows.add(new SourceOverlap.Row(
                    a, sum(patterns, p -> p.contains(a)), sum(patterns, p -> p.size() == 1 && p.contains(a)), shared));
        }
        return new SourceOverlap(profile, sources, persons, patterns, rows);
    }

    private static OptionalLong sum(List<SourceOverlap.Pattern> patterns, Predicate<List<String>> test) {
        long sum = 0;
        for (SourceOverlap.Pattern p : patterns) {
            if (test.test(p.sources())) {
                if (p.persons().isEmpty()) {
                    return OptionalLong.empty();
                }
                sum += p.persons().getAsLong();
            }
        }
        return OptionalLong.of(sum);
    }
}
