package org.athar.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One line of the results table: Athar's figure, the same work sent straight to Elasticsearch when there is one, their
 * ratio and the target's verdict.
 */
record ResultRow(
        long n,
        String measure,
        String unit,
        Samples athar,
        Optional<Samples> direct,
        boolean higherIsBetter,
        Optional<Double> ratioTarget,
        Optional<Double> absoluteTarget,
        Optional<Double> marginTarget) {

    static final double WIDE_SPREAD = 0.5;

    ResultRow(
            long n,
            String measure,
            String unit,
            Samples athar,
            Optional<Samples> direct,
            boolean higherIsBetter,
            Optional<Double> ratioTarget,
            Optional<Double> absoluteTarget) {
        this(n, measure, unit, athar, direct, higherIsBetter, ratioTarget, absoluteTarget, Optional.empty());
    }

    /** A time of Athar's that may exceed the direct time by at most {@code margin} (same unit), and {@code absolute}. */
    static ResultRow withinMargin(
            long n,
            String measure,
            String unit,
            Samples athar,
            Samples direct,
            double margin,
            Optional<Double> absolute) {
        return new ResultRow(
                n, measure, unit, athar, Optional.of(direct), false, Optional.empty(), absolute, Optional.of(margin));
    }

    /** Athar's median minus the direct median. */
    Optional<Double> added() {
        return direct.map(d -> athar.median() - d.median());
    }

    /** Athar ÷ direct, on medians (rates: Athar's rate over the engine's; times: Athar's time over the engine's). */
    Optional<Double> ratio() {
        return direct.map(d -> athar.median() / d.median());
    }

    Optional<Boolean> pass() {
        Optional<Boolean> byRatio = ratioTarget.flatMap(t -> ratio().map(r -> higherIsBetter ? r >= t : r <= t));
        Optional<Boolean> byValue = absoluteTarget.map(t -> higherIsBetter ? athar.median() >= t : athar.median() <= t);
        Optional<Boolean> byMargin = marginTarget.flatMap(m -> added().map(a -> a <= m));
        List<Boolean> verdicts =
                Stream.of(byRatio, byValue, byMargin).flatMap(Optional::stream).toList();
        return verdicts.isEmpty() ? Optional.empty() : Optional.of(!verdicts.contains(false));
    }

    String target() {
        String cmp = higherIsBetter ? "≥ " : "≤ ";
        StringBuilder t = new StringBuilder();
        ratioTarget.ifPresent(r -> t.append("ratio ").append(cmp).append(number(r)));
        marginTarget.ifPresent(
                m -> t.append("≤ direct + ").append(number(m)).append(' ').append(unit));
        absoluteTarget.ifPresent(a -> t.append(t.isEmpty() ? "" : ", ")
                .append(cmp)
                .append(number(a))
                .append(' ')
                .append(unit));
        return t.isEmpty() ? "—" : t.toString();
    }

    String markdown() {
        String warn = (athar.count() > 1 && athar.spread() > WIDE_SPREAD)
                        || direct.map(d -> d.count() > 1 && d.spread() > WIDE_SPREAD)
                                .orElse(false)
                ? "⚠ wide spread"
                : "";
        return String.format(
                Locale.ROOT,
                "| %,d | %s | %s | %s (%s–%s) | %s | %s | %s | %s | %s | %s | %d | %s |",
                n,
                measure,
                unit,
                number(athar.median()),
                number(athar.min()),
                number(athar.max()),
                number(athar.p95()),
                direct.map(d -> number(d.median()) + " (" + number(d.min()) + "–" + number(d.max()) + ")")
                        .orElse("—"),
                direct.map(d -> number(d.p95())).orElse("—"),
                ratio().map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("—"),
                target(),
                pass().map(p -> p ? "PASS" : "**MISS**").orElse("—"),
                athar.count(),
                warn);
    }

    static String header() {
        return "| N | Measure | Unit | Athar median (min–max) | Athar p95 | Elasticsearch direct median (min–max) "
                + "| Direct p95 | Ratio | Target | Verdict | Runs | Note |\n"
                + "|---:|---|---|---:|---:|---:|---:|---:|---|---|---:|---|";
    }

    static String number(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }
}
