package org.athar.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws items in proportion to fixed weights; the same random sequence always draws the same items. */
final class Weighted<T> {

    private final List<T> items;
    private final double[] cumulative;

    private Weighted(List<T> items, double[] cumulative) {
        this.items = List.copyOf(items);
        this.cumulative = cumulative;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** One item per weight, in the order given. */
    static <T> Weighted<T> of(List<T> items, double... weights) {
        if (items.size() != weights.length) {
            throw new IllegalArgumentException(items.size() + " items but " + weights.length + " weights");
        }
        Builder<T> builder = builder();
        for (int i = 0; i < weights.length; i++) {
            builder.add(items.get(i), weights[i]);
        }
        return builder.build();
    }

    T pick(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        // Linear: the tables are short (at most 14 entries), and this is faster than a binary search there.
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    /** Collects items and weights (zero weights are skipped: they could never be drawn). */
    static final class Builder<T> {
        private final List<T> items = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder<T> add(T item, double weight) {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight " + weight + " for " + item);
            }
            if (weight > 0) {
                items.add(item);
                weights.add(weight);
            }
            return this;
        }

        Weighted<T> build() {
            if (items.isEmpty()) {
                throw new IllegalStateException("nothing to draw from");
            }
            double[] cumulative = new double[weights.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += weights.get(i);
                cumulative[i] = sum;
            }
            return new Weighted<>(items, cumulative);
        }
    }
}
