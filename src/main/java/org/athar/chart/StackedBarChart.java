package org.athar.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.athar.analytics.CrossTab;
import org.athar.analytics.Heading;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A cross-tab as stacked bars: one bar per row heading in the cross-tab's order (columns when the rows are periods,
 * horizontal bars otherwise), one segment and legend entry per column heading. A segment's figure is printed inside
 * it when it fits, and the row total at the end of the bar.
 *
 * <p>A withheld cell has no segment. When the row total is published, the published segments are followed by one
 * hatched segment "withheld" up to the total (its length is the total minus the printed cells, which a reader can
 * work out anyway); when the row total is withheld, nothing is drawn past the published segments and the bar's label
 * says "withheld". So no bar runs past its own published total, and no length depends on a withheld figure alone.
 */
final class StackedBarChart {

    /** The series key of the hatched rest; not a heading of any cross-tab (keys are codes and p-codes). */
    static final String WITHHELD_KEY = "withheld";

    private StackedBarChart() {}

    static Drawing build(ChartData.StackedBars data, ChartText text, ChartStyle style) {
        CrossTab tab = data.crossTab();
        List<Category> bars = tab.rows().stream().map(h -> category(h, style)).toList();
        List<Category> segments = new ArrayList<>(
                tab.columns().stream().map(h -> category(h, style)).toList());
        List<Optional<Long>> rests = new ArrayList<>();
        for (int r = 0; r < bars.size(); r++) {
            rests.add(rest(tab, r));
        }
        boolean anyRest = rests.stream().anyMatch(Optional::isPresent);
        Category withheld = new Category(WITHHELD_KEY, style.withheld());
        // JFreeChart's series are the cross-tab's columns (and the withheld rest last): figures[series][row].
        List<List<OptionalLong>> figures = new ArrayList<>();
        for (int c = 0; c < tab.columns().size(); c++) {
            int column = c;
            figures.add(tab.cells().stream().map(row -> row.get(column)).toList());
        }
        if (anyRest) {
            segments.add(withheld);
            figures.add(bars.stream().map(b -> OptionalLong.empty()).toList());
        }
        FigureGrid grid = new FigureGrid(segments, bars, figures);
        int restSeries = anyRest ? segments.size() - 1 : -1;
        DefaultCategoryDataset dataset = grid.dataset();
        if (anyRest) {
            for (int r = 0; r < bars.size(); r++) {
                dataset.setValue(rests.get(r).orElse(null), withheld, bars.get(r));
            }
        }
        PlotOrientation orientation =
                tab.rowDimension().isTime() ? PlotOrientation.VERTICAL : PlotOrientation.HORIZONTAL;

        TotalledRenderer renderer =
                new TotalledRenderer(grid, tab.rowTotals(), withheld, restSeries, style, orientation);
        renderer.setBarPainter(CategoryPlots.painter((row, col) -> row == restSeries, style));
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.12);
        for (int s = 0; s < tab.columns().size(); s++) {
            renderer.setSeriesPaint(s, BarChart.seriesColour(segments, s, style));
        }
        if (anyRest) {
            renderer.setSeriesPaint(restSeries, ChartStyle.SUPPRESSED_GROUND);
        }
        CategoryItemLabelGenerator labels = CategoryPlots.labels(grid, style);
        renderer.setDefaultItemLabelGenerator(labels);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(style.valueFont());
        CategoryPlot plot = CategoryPlots.plot(dataset, renderer, orientation, style);
        plot.getRangeAxis().setUpperMargin(0.14);
        return new Drawing(ChartLayout.chart(plot, text, style, true), entity -> {
            if (entity instanceof CategoryItemEntity item
                    && item.getColumnKey() instanceof Category bar
                    && item.getRowKey() instanceof Category segment) {
                int row = bars.indexOf(bar);
                if (segment.equals(withheld)) {
                    return Optional.of(new Slice(
                            Map.of("data-row", bar.key()),
                            bar.label() + " · " + style.list(withheldColumns(tab, row)) + ": " + style.withheld()));
                }
                OptionalLong figure = grid.figure(segments.indexOf(segment), row);
                return Optional.of(new Slice(
                        Map.of("data-row", bar.key(), "data-col", segment.key()),
                        bar.label() + " · " + segment.label() + ": " + style.figure(figure)));
            }
            return Optional.empty();
        });
    }

    /**
     * The withheld rest of row {@code r}: its published total minus its published cells, when the row has a withheld
     * cell, a published total and something left. Empty otherwise (a withheld total gets no rest: drawing one would
     * give the total a length).
     */
    static Optional<Long> rest(CrossTab tab, int r) {
        List<OptionalLong> cells = tab.cells().get(r);
        OptionalLong total = tab.rowTotals().get(r);
        if (total.isEmpty() || cells.stream().noneMatch(OptionalLong::isEmpty)) {
            return Optional.empty();
        }
        long published = cells.stream().mapToLong(c -> c.orElse(0)).sum();
        long rest = total.getAsLong() - published;
        return rest > 0 ? Optional.of(rest) : Optional.empty();
    }

    private static List<String> withheldColumns(CrossTab tab, int row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < tab.columns().size(); c++) {
            if (tab.cells().get(row).get(c).isEmpty()) {
                out.add(tab.columns().get(c).label());
            }
        }
        return out;
    }

    private static Category category(Heading heading, ChartStyle style) {
        return new Category(heading.key(), heading.label(), style.directed(heading.label()));
    }

    /** Prints a segment's figure only where it fits inside the segment, and the row total past the bar's end. */
    private static final class TotalledRenderer extends StackedBarRenderer {

        private final transient FigureGrid grid;
        private final transient List<OptionalLong> totals;
        private final transient Category withheld;
        private final int restSeries;
        private final transient ChartStyle style;
        private final PlotOrientation orientation;

        TotalledRenderer(
                FigureGrid grid,
                List<OptionalLong> totals,
                Category withheld,
                int restSeries,
                ChartStyle style,
                PlotOrientation orientation) {
            this.grid = grid;
            this.totals = totals;
            this.withheld = withheld;
            this.restSeries = restSeries;
            this.style = style;
            this.orientation = orientation;
        }

        @Override
        protected void drawItemLabel(
                Graphics2D g2,
                CategoryDataset dataset,
                int row,
                int column,
                CategoryPlot plot,
                CategoryItemLabelGenerator generator,
                Rectangle2D bar,
                boolean negative) {
            String label = generator.generateLabel(dataset, row, column);
            double width = ChartStyle.width(label, style.valueFont());
            double height = style.valueFont().getSize2D() * 1.1;
            if (width + style.px(4) > bar.getWidth() || height > bar.getHeight()) {
                return;
            }
            g2.setFont(style.valueFont());
            g2.setPaint(row == restSeries ? ChartStyle.INK : ink(BarChart.seriesColour(grid.series(), row, style)));
            TextUtils.drawAlignedString(
                    label, g2, (float) bar.getCenterX(), (float) bar.getCenterY(), TextAnchor.CENTER);
        }

        @Override
        public void drawItem(
                Graphics2D g2,
                CategoryItemRendererState state,
                Rectangle2D dataArea,
                CategoryPlot plot,
                CategoryAxis domainAxis,
                ValueAxis rangeAxis,
                CategoryDataset dataset,
                int row,
                int column,
                int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            if (row == dataset.getRowCount() - 1 && pass == getPassCount() - 1) {
                drawTotal(g2, dataArea, plot, domainAxis, rangeAxis, dataset, column, state.getEntityCollection());
            }
        }

        /** The rest's legend entry: a hatched square like the segment, named "withheld". */
        @Override
        public LegendItem getLegendItem(int datasetIndex, int series) {
            LegendItem base = super.getLegendItem(datasetIndex, series);
            if (series != restSeries || base == null) {
                return base;
            }
            Shape box = base.getShape();
            BasicStroke stroke = new BasicStroke((float) style.px(0.6));
            LegendItem item = new LegendItem(
                    base.getLabel(),
                    base.getDescription(),
                    base.getToolTipText(),
                    base.getURLText(),
                    true,
                    box,
                    false,
                    ChartStyle.SUPPRESSED_GROUND,
                    true,
                    ChartStyle.SUPPRESSED_LINES,
                    stroke,
                    true,
                    hatchLines(box.getBounds2D()),
                    stroke,
                    ChartStyle.SUPPRESSED_LINES);
            item.setLabelFont(base.getLabelFont());
            item.setLabelPaint(base.getLabelPaint());
            item.setDataset(base.getDataset());
            item.setDatasetIndex(base.getDatasetIndex());
            item.setSeriesKey(base.getSeriesKey());
            item.setSeriesIndex(base.getSeriesIndex());
            return item;
        }

        /**
         * Diagonal lines inside {@code box}, symmetric about its centre (the legend centres line and box on the same
         * point), drawn as vector lines like {@link ChartStyle#hatch}.
         */
        private Shape hatchLines(Rectangle2D box) {
            Path2D lines = new Path2D.Double();
            double h = Math.min(box.getWidth(), box.getHeight()) / 2;
            double step = Math.max(h, 1); // three lines: dense hatching turns solid grey at legend size
            for (double offset = -2 * h; offset <= 2 * h + 1e-9; offset += step) {
                // the line x + y = offset (screen y down: rising to the right), clipped to the square [-h, h]²
                double x0 = Math.max(-h, offset - h);
                double x1 = Math.min(h, offset + h);
                if (x1 - x0 > 1e-9) {
                    lines.moveTo(box.getCenterX() + x0, box.getCenterY() + offset - x0);
                    lines.lineTo(box.getCenterX() + x1, box.getCenterY() + offset - x1);
                }
            }
            return lines;
        }

        /**
         * The row total past the end of what is drawn: the published total (the bar reaches it), or "withheld" right
         * after the published segments, recorded as the row's slice so it can be hovered.
         */
        private void drawTotal(
                Graphics2D g2,
                Rectangle2D dataArea,
                CategoryPlot plot,
                CategoryAxis domainAxis,
                ValueAxis rangeAxis,
                CategoryDataset dataset,
                int column,
                EntityCollection entities) {
            double stacked = 0;
            for (int r = 0; r < dataset.getRowCount(); r++) {
                Number v = dataset.getValue(r, column);
                stacked += v == null ? 0 : v.doubleValue();
            }
            RectangleEdge valueEdge = plot.getRangeAxisEdge();
            double end = rangeAxis.valueToJava2D(stacked, dataArea, valueEdge);
            double middle =
                    domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
            OptionalLong total = totals.get(column);
            String text = total.isPresent() ? style.number(total.getAsLong()) : style.withheld();
            g2.setFont(style.valueFont());
            g2.setPaint(ChartStyle.INK);
            double gap = style.px(3);
            float x;
            float y;
            TextAnchor anchor;
            if (orientation == PlotOrientation.VERTICAL) {
                x = (float) middle;
                y = (float) (end - gap);
                anchor = TextAnchor.BOTTOM_CENTER;
            } else if (rangeAxis.isInverted()) {
                x = (float) (end - gap);
                y = (float) middle;
                anchor = TextAnchor.CENTER_RIGHT;
            } else {
                x = (float) (end + gap);
                y = (float) middle;
                anchor = TextAnchor.CENTER_LEFT;
            }
            TextUtils.drawAlignedString(text, g2, x, y, anchor);
            if (total.isEmpty() && entities != null) {
                entities.add(new CategoryItemEntity(
                        WithheldMarks.textBox(text, style.valueFont(), x, y, anchor),
                        null,
                        null,
                        dataset,
                        withheld,
                        dataset.getColumnKey(column)));
            }
        }

        /** White on the dark palette colours, ink on light ones. */
        private static Color ink(Color fill) {
            double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
            return luminance < 140 ? Color.WHITE : ChartStyle.INK;
        }
    }
}
