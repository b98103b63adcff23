package org.athar.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Person clusters: links are transitive (A–B and B–C make A, B and C one person), computed with union–find over
 * {@code confirmed} links first, then {@code auto} links by descending score. A link that would put two reports of a
 * {@code rejected} pair into one person is not applied; {@link #conflicts()} lists it so it can go back to review.
 */
public final class Clusters {

    /** A link between the reports at indices {@code a} and {@code b}. */
    public record Edge(int a, int b, double score, Decision decision) {}

    private final int[] parent;
    private final int[] size;
    private final Map<Integer, List<Integer>> members = new HashMap<>();
    private final Map<Integer, List<Integer>> rejectedWith = new HashMap<>();
    private final List<Edge> conflicts = new ArrayList<>();

    private Clusters(int n) {
        parent = new int[n];
        size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
    }

    /** Clusters of {@code n} reports from {@code edges} (any decision; only auto and confirmed link). */
    public static Clusters of(int n, List<Edge> edges) {
        return build(n, edges, false);
    }

    /**
     * The clusters if every {@code pending} pair were confirmed: the same links in the same order as {@link #of},
     * then the pending ones by descending score, under the same rule (a pending pair never joins the two reports of a
     * rejected pair). Each is therefore a union of clusters of {@link #of} over the same edges.
     */
    public static Clusters ifPendingConfirmed(int n, List<Edge> edges) {
        return build(n, edges, true);
    }

    private static Clusters build(int n, List<Edge> edges, boolean pending) {
        Clusters c = new Clusters(n);
        for (Edge e : edges) {
            if (e.decision() == Decision.REJECTED) {
                c.rejectedWith.computeIfAbsent(e.a(), k -> new ArrayList<>()).add(e.b());
                c.rejectedWith.computeIfAbsent(e.b(), k -> new ArrayList<>()).add(e.a());
            }
        }
        List<Edge> links = new ArrayList<>(edges.stream()
                .filter(e -> e.decision().links() || (pending && e.decision() == Decision.PENDING))
                .toList());
        links.sort((x, y) -> x.decision() != y.decision()
                ? Integer.compare(order(x.decision()), order(y.decision()))
                : Double.compare(y.score(), x.score()));
        for (Edge e : links) {
            if (!c.union(e.a(), e.b())) {
                c.conflicts.add(e);
            }
        }
        return c;
    }

    private static int order(Decision d) {
        return switch (d) {
            case CONFIRMED -> 0;
            case AUTO -> 1;
            default -> 2;
        };
    }

    public int root(int i) {
        int r = i;
        while (parent[r] != r) {
            r = parent[r];
        }
        while (parent[i] != r) { // path compression
            int next = parent[i];
            parent[i] = r;
            i = next;
        }
        return r;
    }

    /** The links not applied because they would join a rejected pair. */
    public List<Edge> conflicts() {
        return List.copyOf(conflicts);
    }

    /** The indices of each cluster of more than one report, each sorted. */
    public List<int[]> groups() {
        Map<Integer, List<Integer>> byRoot = new HashMap<>();
        for (int i = 0; i < parent.length; i++) {
            if (size[root(i)] > 1) {
                byRoot.computeIfAbsent(root(i), k -> new ArrayList<>()).add(i);
            }
        }
        return byRoot.values().stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).sorted().toArray())
                .toList();
    }

    public int sizeOf(int i) {
        return size[root(i)];
    }

    private boolean union(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra == rb) {
            return true;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        List<Integer> small = membersOf(rb);
        for (int m : small) {
            for (int other : rejectedWith.getOrDefault(m, List.of())) {
                if (root(other) == ra) {
                    return false;
                }
            }
        }
        List<Integer> large = membersOf(ra);
        large.addAll(small);
        members.remove(rb);
        parent[rb] = ra;
        size[ra] += size[rb];
        return true;
    }

    private List<Integer> membersOf(int root) {
        return members.computeIfAbsent(root, r -> new ArrayList<>(List.of(r)));
    }

    @Override
    public String toString() {
        return "Clusters" + Arrays.toString(parent);
    }
}
