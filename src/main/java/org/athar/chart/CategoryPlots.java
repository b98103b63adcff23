package org.athar.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.RectangularShape;
import java.util.function.BiPredicate;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.BarPainter;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;

/** The plot, axes and bar painting shared by timelines, bars and stacked bars. */
final class CategoryPlots {

    private CategoryPlots() {}

    /**
     * A plot with a quiet category axis, a value axis with whole numbers in the reader's locale and light value
     * gridlines only. In Arabic the category axis of horizontal bars and the value axis of columns are on the
     * right, and horizontal bars grow leftwards.
     */
    static CategoryPlot plot(
            CategoryDataset dataset, CategoryItemRenderer renderer, PlotOrientation orientation, ChartStyle style) {
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(style.tickFont());
        categories.setTickLabelPaint(ChartStyle.INK);
        categories.setAxisLineVisible(orientation == PlotOrientation.VERTICAL);
        categories.setAxisLinePaint(ChartStyle.AXIS);
        categories.setTickMarksVisible(false);
        categories.setLowerMargin(0.01);
        categories.setUpperMargin(0.01);
        categories.setCategoryMargin(orientation == PlotOrientation.VERTICAL ? 0.18 : 0.3);
        categories.setMaximumCategoryLabelLines(2);
        if (orientation == PlotOrientation.VERTICAL) {
            // Labels may be wider than one column: the timeline blanks the ones that would collide.
            categories.setCategoryLabelPositions(wideLabelsBelow());
        } else {
            categories.setMaximumCategoryLabelWidthRatio(0.32f);
        }

        NumberAxis values = new NumberAxis();
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits(style.locale()));
        values.setNumberFormatOverride(style.numberFormat());
        values.setTickLabelFont(style.tickFont());
        values.setTickLabelPaint(ChartStyle.MUTED);
        values.setAxisLineVisible(false);
        values.setTickMarksVisible(false);
        values.setUpperMargin(0.12);
        values.setAutoRangeIncludesZero(true);
        values.setInverted(orientation == PlotOrientation.HORIZONTAL && style.rightToLeft());

        CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
        plot.setOrientation(orientation);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlineStroke(new BasicStroke((float) style.px(0.8)));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(style.px(6), style.px(4), style.px(4), style.px(8)));
        if (orientation == PlotOrientation.HORIZONTAL) {
            // Values below the bars; in Arabic the categories on the right, bars growing leftwards.
            plot.setRangeAxisLocation(style.rightToLeft() ? AxisLocation.BOTTOM_OR_RIGHT : AxisLocation.BOTTOM_OR_LEFT);
            if (style.rightToLeft()) {
                plot.setDomainAxisLocation(AxisLocation.TOP_OR_RIGHT);
            }
        } else if (style.rightToLeft()) {
            plot.setRangeAxisLocation(AxisLocation.TOP_OR_RIGHT); // values on the right, time still left to right
        }
        return plot;
    }

    /**
     * Bars filled flat, no gradient, no shadow; {@code hatched} ones (the withheld rest of a stacked bar whose total is
     * published) hatched.
     */
    static BarPainter painter(BiPredicate<Integer, Integer> hatched, ChartStyle style) {
        return new BarPainter() {
            @Override
            public void paintBar(
                    Graphics2D g2,
                    BarRenderer renderer,
                    int row,
                    int column,
                    RectangularShape bar,
                    RectangleEdge base) {
                if (hatched.test(row, column)) {
                    style.hatch(g2, bar);
                } else {
                    g2.setPaint(renderer.getItemPaint(row, column));
                    g2.fill(bar);
                }
            }

            @Override
            public void paintBarShadow(
                    Graphics2D g2,
                    BarRenderer renderer,
                    int row,
                    int column,
                    RectangularShape bar,
                    RectangleEdge base,
                    boolean pegShadow) {
                // flat bars: no shadow
            }
        };
    }

    /** Figures (counts in the locale) printed at the end of each bar; a withheld one is written by its mark. */
    static void valueLabels(
            AbstractCategoryItemRenderer renderer, FigureGrid grid, PlotOrientation orientation, ChartStyle style) {
        renderer.setDefaultItemLabelGenerator(labels(grid, style));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(style.valueFont());
        renderer.setDefaultItemLabelPaint(ChartStyle.INK);
        ItemLabelPosition end;
        if (orientation == PlotOrientation.VERTICAL) {
            end = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER);
        } else if (style.rightToLeft()) {
            end = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT);
        } else {
            end = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT);
        }
        renderer.setDefaultPositiveItemLabelPosition(end);
        renderer.setDefaultNegativeItemLabelPosition(end);
        renderer.setItemLabelAnchorOffset(style.px(3));
    }

    static CategoryItemLabelGenerator labels(FigureGrid grid, ChartStyle style) {
        return new CategoryItemLabelGenerator() {
            @Override
            public String generateRowLabel(CategoryDataset dataset, int row) {
                return grid.series().get(row).label();
            }

            @Override
            public String generateColumnLabel(CategoryDataset dataset, int column) {
                return grid.categories().get(column).label();
            }

            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                return style.figure(grid.figure(row, column));
            }
        };
    }

    private static CategoryLabelPositions wideLabelsBelow() {
        CategoryLabelPosition below = new CategoryLabelPosition(
                RectangleAnchor.TOP, TextBlockAnchor.TOP_CENTER, CategoryLabelWidthType.RANGE, 0.25f);
        CategoryLabelPosition standard = CategoryLabelPositions.STANDARD.getLabelPosition(RectangleEdge.TOP);
        return new CategoryLabelPositions(
                standard,
                below,
                CategoryLabelPositions.STANDARD.getLabelPosition(RectangleEdge.LEFT),
                CategoryLabelPositions.STANDARD.getLabelPosition(RectangleEdge.RIGHT));
    }
}
