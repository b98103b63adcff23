package org.athar.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The benchmark's results as data: every row as a line of CSV, and a PNG of how each cost grows with the number of
 * reports (both axes logarithmic, so a straight line of slope 1 is linear growth and a steeper one superlinear).
 */
final class GrowthPlot {

    private GrowthPlot() {}

    /** Writes the rows as CSV: one line per row, medians, p95, ratio, target and verdict. */
    static void csv(List<ResultRow> rows, Path file) throws IOException {
        StringBuilder out = new StringBuilder(
                "n,measure,unit,athar_median,athar_min,athar_max,athar_p95,direct_median,direct_p95,ratio,added,"
                        + "target,verdict,runs\n");
        for (ResultRow r : rows) {
            out.append(r.n())
                    .append(',')
                    .append(quoted(r.measure()))
                    .append(',')
                    .append(r.unit())
                    .append(',')
                    .append(plain(r.athar().median()))
                    .append(',')
                    .append(plain(r.athar().min()))
                    .append(',')
                    .append(plain(r.athar().max()))
                    .append(',')
                    .append(plain(r.athar().p95()))
                    .append(',')
                    .append(r.direct().map(d -> plain(d.median())).orElse(""))
                    .append(',')
                    .append(r.direct().map(d -> plain(d.p95())).orElse(""))
                    .append(',')
                    .append(r.ratio().map(GrowthPlot::plain).orElse(""))
                    .append(',')
                    .append(r.added().map(GrowthPlot::plain).orElse(""))
                    .append(',')
                    .append(quoted(r.target()))
                    .append(',')
                    .append(r.pass().map(p -> p ? "PASS" : "MISS").orElse(""))
                    .append(',')
                    .append(r.athar().count())
                    .append('\n');
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    /** A line of the plot: a measure of the table, Athar's side or the direct one, turned into a cost. */
    private record Line(String label, String measureStart, boolean direct, boolean wholeFile) {}

    private static final List<Line> WHOLE_FILE = List.of(
            new Line("Import through Athar", "Import: CSV", false, true),
            new Line("Import, raw _bulk", "Import: CSV", true, true),
            new Line("Full re-link of persons", "Import: then the full re-link", false, true),
            new Line("records.csv through Athar", "Export: GET /api/v1/exports/records.csv", false, true),
            new Line("Raw read (PIT + search_after)", "Export: GET /api/v1/exports/records.csv", true, true),
            new Line("Workbook through Athar", "Export: GET /api/v1/exports/workbook.xlsx", false, true),
            new Line("Workbook, raw read + SXSSF", "Export: GET /api/v1/exports/workbook.xlsx", true, true));

    private static final List<Line> PER_REQUEST = List.of(
            new Line("Search through Athar (20 queries, p50)", "Search: all 20 queries", false, false),
            new Line("Search direct (p50)", "Search: all 20 queries", true, false),
            new Line("Dashboard through Athar (p50)", "Trends: whole dashboard", false, false),
            new Line("Dashboard direct (p50)", "Trends: whole dashboard", true, false),
            new Line("Trends in Chromium, filter change to drawn (p50)", "Trends screen in Chromium", false, false));

    /** Draws the growth of each cost with N into a PNG of 1600×1200 pixels. */
    static void png(List<ResultRow> rows, Path file) throws IOException {
        LogAxis n = decades("Reports (N)");
        double smallest = rows.stream()
                .filter(r -> r.n() > 0)
                .mapToLong(ResultRow::n)
                .min()
                .orElse(1000);
        double largest = rows.stream()
                .filter(r -> r.n() > 0)
                .mapToLong(ResultRow::n)
                .max()
                .orElse(1000);
        n.setRange(smallest / 2, largest * 2);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(n);
        plot.add(subplot(rows, WHOLE_FILE, "Whole file (s)"), 1);
        plot.add(subplot(rows, PER_REQUEST, "One request (ms)"), 1);
        JFreeChart chart = new JFreeChart(
                "Athar's costs as the number of reports grows (log–log)",
                new Font("SansSerif", Font.BOLD, 22),
                plot,
                true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1600, 1200);
    }

    private static XYPlot subplot(List<ResultRow> rows, List<Line> lines, String unit) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line line : lines) {
            XYSeries series = new XYSeries(line.label());
            for (ResultRow r : rows) {
                if (r.n() > 0 && r.measure().startsWith(line.measureStart())) {
                    cost(r, line).ifPresent(v -> series.add(r.n(), v));
                }
            }
            if (!series.isEmpty()) {
                data.addSeries(series);
            }
        }
        LogAxis y = decades(unit);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String label = String.valueOf(data.getSeriesKey(i));
            boolean straightToEngine = label.contains("raw") || label.contains("direct");
            // The engine's own side dashed, in the colour of Athar's line it pairs with.
            renderer.setSeriesPaint(i, PALETTE[Math.min(PALETTE.length - 1, pairIndex(data, i))]);
            renderer.setSeriesStroke(
                    i,
                    straightToEngine
                            ? new BasicStroke(
                                    2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 6f}, 0f)
                            : new BasicStroke(3f));
        }
        XYPlot plot = new XYPlot(data, null, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static final Color[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0xe377c2),
        new Color(0x7f7f7f)
    };

    /** Athar's line and the engine's line after it share a colour: the index of the pair. */
    private static int pairIndex(XYSeriesCollection data, int series) {
        int pair = -1;
        for (int i = 0; i <= series; i++) {
            String label = String.valueOf(data.getSeriesKey(i));
            if (!(label.contains("raw") || label.contains("direct"))) {
                pair++;
            }
        }
        return Math.max(0, pair);
    }

    /** A base-10 logarithmic axis with a tick at every power of ten, labelled as plain numbers (1,000; 0.1). */
    private static LogAxis decades(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(0.01);
        axis.setTickUnit(new NumberTickUnit(1.0));
        axis.setMinorTickMarksVisible(true);
        axis.setMinorTickCount(9);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 14));
        axis.setLabelFont(new Font("SansSerif", Font.BOLD, 16));
        return axis;
    }

    /** Seconds for the whole file (rates turned into N ÷ rate), or the median time of one request. */
    private static Optional<Double> cost(ResultRow r, Line line) {
        Optional<Samples> side = line.direct() ? r.direct() : Optional.of(r.athar());
        Function<Samples, Double> value = "rows/s".equals(r.unit()) ? s -> r.n() / s.median() : Samples::median;
        return side.map(value).filter(v -> v > 0 && Double.isFinite(v));
    }

    private static String plain(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
