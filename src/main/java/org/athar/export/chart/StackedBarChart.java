package org.athar.export.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.athar.analytics.CrossTab;
import org.athar.analytics.Heading;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;

/**
 * A cross-tab as stacked bars: one bar per row heading (columns when the rows are periods, horizontal bars
 * otherwise), one segment and legend entry per column heading. A segment's figure is printed inside it when it fits,
 * and the row total, unless withheld, at the end of the bar.
 */
final class StackedBarChart {

    private StackedBarChart() {}

    static Drawing build(ChartData.StackedBars data, ChartText text, ChartStyle style) {
        CrossTab tab = data.crossTab();
        List<Category> bars = tab.rows().stream().map(h -> category(h, style)).toList();
        List<Category> segments = tab.columns().stream().map(h -> category(h, style)).toList();
        // JFreeChart's series are the cross-tab's columns: figures[column][row].
        List<List<OptionalLong>> figures = new java.util.ArrayList<>();
        for (int c = 0; c < segments.size(); c++) {
            int column = c;
            figures.add(tab.cells().stream().map(row -> row.get(column)).toList());
        }
        FigureGrid grid = new FigureGrid(segments, bars, figures, data.k());
        PlotOrientation orientation = tab.rowDimension().isTime() ? PlotOrientation.VERTICAL
                : PlotOrientation.HORIZONTAL;

        StackedBarRenderer renderer = new TotalledRenderer(grid, tab.rowTotals(), style, orientation);
        renderer.setBarPainter(CategoryPlots.painter((row, col) -> grid.suppressed(row, col), style));
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.12);
        for (int s = 0; s < segments.size(); s++) {
            renderer.setSeriesPaint(s, BarChart.seriesColour(segments, s, style));
        }
        CategoryItemLabelGenerator labels = CategoryPlots.labels(grid, style);
        renderer.setDefaultItemLabelGenerator(labels);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(style.valueFont());
        CategoryPlot plot = CategoryPlots.plot(grid.dataset(), renderer, orientation, style);
        plot.getRangeAxis().setUpperMargin(0.14);
        return new Drawing(ChartLayout.chart(plot, text, style, true), entity -> {
            if (entity instanceof CategoryItemEntity item && item.getColumnKey() instanceof Category bar
                    && item.getRowKey() instanceof Category segment) {
                OptionalLong figure = grid.figure(segments.indexOf(segment), bars.indexOf(bar));
                return Optional.of(new Slice(Map.of("data-row", bar.key(), "data-col", segment.key()),
                        bar.label() + " · " + segment.label() + ": " + style.figure(figure, data.k())));
            }
            return Optional.empty();
        });
    }

    private static Category category(Heading heading, ChartStyle style) {
        return new Category(heading.key(), heading.label(), style.directed(heading.label()));
    }

    /** Prints a segment's figure only where it fits inside the segment, and the row total past the bar's end. */
    private static final class TotalledRenderer extends StackedBarRenderer {

        private final transient FigureGrid grid;
        private final transient List<OptionalLong> totals;
        private final transient ChartStyle style;
        private final PlotOrientation orientation;

        TotalledRenderer(FigureGrid grid, List<OptionalLong> totals, ChartStyle style, PlotOrientation orientation) {
            this.grid = grid;
            this.totals = totals;
            this.style = style;
            this.orientation = orientation;
        }

        @Override
        protected void drawItemLabel(Graphics2D g2, CategoryDataset dataset, int row, int column, CategoryPlot plot,
                CategoryItemLabelGenerator generator, Rectangle2D bar, boolean negative) {
            String label = generator.generateLabel(dataset, row, column);
            double width = ChartStyle.width(label, style.valueFont());
            double height = style.valueFont().getSize2D() * 1.1;
            if (width + style.px(4) > bar.getWidth() || height > bar.getHeight()) {
                return;
            }
            g2.setFont(style.valueFont());
            g2.setPaint(ink(BarChart.seriesColour(grid.series(), row, style), grid.suppressed(row, column)));
            TextUtils.drawAlignedString(label, g2, (float) bar.getCenterX(), (float) bar.getCenterY(),
                    TextAnchor.CENTER);
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
                CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row,
                int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            if (row == dataset.getRowCount() - 1 && pass == getPassCount() - 1) {
                drawTotal(g2, dataArea, plot, domainAxis, rangeAxis, dataset, column);
            }
        }

        private void drawTotal(Graphics2D g2, Rectangle2D dataArea, CategoryPlot plot, CategoryAxis domainAxis,
                ValueAxis rangeAxis, CategoryDataset dataset, int column) {
            double stacked = 0;
            for (int r = 0; r < dataset.getRowCount(); r++) {
                stacked += dataset.getValue(r, column).doubleValue();
            }
            RectangleEdge valueEdge = plot.getRangeAxisEdge();
            double end = rangeAxis.valueToJava2D(stacked, dataArea, valueEdge);
            double middle = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea,
                    plot.getDomainAxisEdge());
            if (totals.get(column).isEmpty()) {
                // A withheld total is not a small one (it hides a small cell by complement): print nothing.
                return;
            }
            String total = style.number(totals.get(column).getAsLong());
            g2.setFont(style.valueFont());
            g2.setPaint(ChartStyle.INK);
            double gap = style.px(3);
            if (orientation == PlotOrientation.VERTICAL) {
                TextUtils.drawAlignedString(total, g2, (float) middle, (float) (end - gap), TextAnchor.BOTTOM_CENTER);
            } else if (rangeAxis.isInverted()) {
                TextUtils.drawAlignedString(total, g2, (float) (end - gap), (float) middle, TextAnchor.CENTER_RIGHT);
            } else {
                TextUtils.drawAlignedString(total, g2, (float) (end + gap), (float) middle, TextAnchor.CENTER_LEFT);
            }
        }

        /** White on the dark palette colours, ink on light ones and on hatching. */
        private static java.awt.Color ink(java.awt.Color fill, boolean hatched) {
            if (hatched) {
                return ChartStyle.INK;
            }
            double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
            return luminance < 140 ? java.awt.Color.WHITE : ChartStyle.INK;
        }
    }
}
