package org.athar.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Repeated measurements of one figure: median, p95 (nearest rank), min, max and the spread. */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    /** One measurement. */
    static Samples of(double value) {
        Samples s = new Samples();
        s.add(value);
        return s;
    }

    void add(double value) {
        values.add(value);
    }

    void valuesInto(Samples other) {
        values.forEach(other::add);
    }

    int count() {
        return values.size();
    }

    double median() {
        double[] s = sorted();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    double p95() {
        double[] s = sorted();
        return s[Math.max(0, (int) Math.ceil(0.95 * s.length) - 1)];
    }

    double min() {
        return sorted()[0];
    }

    double max() {
        double[] s = sorted();
        return s[s.length - 1];
    }

    /** (max − min) / median: above 0.5 the table warns that the figure moved a lot between repetitions. */
    double spread() {
        double m = median();
        return m == 0 ? 0 : (max() - min()) / m;
    }

    private double[] sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no measurement was taken");
        }
        double[] s = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s;
    }
}
