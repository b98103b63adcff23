package org.athar.chart;

import java.util.Arrays;
import java.util.List;
import org.athar.i18n.Messages;

/**
 * Prints the median time to render each chart kind in each format at {@link ChartSize#PRINT} (1600×900, 300 dpi
 * for the PNG), after a warm-up. Run: {@code java -cp target/classes:target/test-classes:<classpath>
 * org.athar.chart.ChartRenderTimes [runs]}. Not a test: timings depend on the machine.
 */
public final class ChartRenderTimes {

    private ChartRenderTimes() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ChartRenderer renderer = new ChartRenderer(ChartFixtures.MESSAGES);
        List<ChartCase> cases = ChartCase.all().toList();
        for (int warm = 0; warm < 3; warm++) {
            for (ChartCase c : cases) {
                for (ChartFormat format : ChartFormat.values()) {
                    renderer.render(c.data(), c.text(), c.locale(), format, ChartSize.PRINT);
                }
            }
        }
        System.out.printf(
                "%-30s %8s %8s %8s %12s%n", "chart (median ms of " + runs + ")", "PNG", "SVG", "PDF", "interactive");
        for (ChartCase c : cases) {
            StringBuilder line = new StringBuilder("%-30s".formatted(c));
            for (ChartFormat format : List.of(ChartFormat.PNG, ChartFormat.SVG, ChartFormat.PDF)) {
                line.append(" %8.1f"
                        .formatted(median(
                                runs, () -> renderer.render(c.data(), c.text(), c.locale(), format, ChartSize.PRINT))));
            }
            line.append(" %12.1f"
                    .formatted(median(
                            runs,
                            () -> renderer.interactiveSvg(c.data(), c.text(), c.locale(), ChartSize.of(960, 540)))));
            System.out.println(line);
        }
        System.out.println("language: " + Messages.ENGLISH + " and " + Messages.ARABIC + "; "
                + Runtime.getRuntime().availableProcessors() + " cores");
    }

    /**
     * Render times in ms at {@link ChartSize#PRINT} after a warm-up, {@code runs} per chart and language, keyed by
     * chart kind and format (e.g. {@code "months PNG"}); both languages' times are under one key. For the benchmark.
     */
    public static java.util.Map<String, List<Double>> times(int runs) {
        ChartRenderer renderer = new ChartRenderer(ChartFixtures.MESSAGES);
        List<ChartCase> cases = ChartCase.all().toList();
        for (int warm = 0; warm < 3; warm++) {
            for (ChartCase c : cases) {
                for (ChartFormat format : ChartFormat.values()) {
                    renderer.render(c.data(), c.text(), c.locale(), format, ChartSize.PRINT);
                }
            }
        }
        java.util.Map<String, List<Double>> out = new java.util.LinkedHashMap<>();
        for (ChartCase c : cases) {
            for (ChartFormat format : List.of(ChartFormat.PNG, ChartFormat.SVG, ChartFormat.PDF)) {
                List<Double> ms = out.computeIfAbsent(c.name() + " " + format, k -> new java.util.ArrayList<>());
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    renderer.render(c.data(), c.text(), c.locale(), format, ChartSize.PRINT);
                    ms.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        return out;
    }

    private static double median(int runs, Runnable render) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            render.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
