package org.athar.chart;

import java.awt.Color;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.athar.analytics.Bucket;
import org.athar.analytics.Heading;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;

/**
 * Horizontal bars, one per bucket of a breakdown in the order the breakdown gives (never re-sorted here: under the
 * public profile the order must not depend on withheld counts, and the analytics layer decides it), with the figure at
 * the end of each bar and a withheld figure's mark in place of its bar.
 */
final class BarChart {

    private BarChart() {}

    static Drawing build(ChartData.Bars data, ChartText text, ChartStyle style) {
        List<Bucket> buckets = data.breakdown().buckets();
        List<Category> categories = buckets.stream()
                .map(b -> new Category(b.key(), b.label(), style.directed(b.label())))
                .toList();
        List<OptionalLong> figures = buckets.stream().map(Bucket::count).toList();
        FigureGrid grid = new FigureGrid(List.of(new Category("reports", text.title())), categories, List.of(figures));

        BarRenderer renderer = new FigureBarRenderer(grid, style);
        renderer.setMaximumBarWidth(0.12);
        CategoryPlots.valueLabels(renderer, grid, PlotOrientation.HORIZONTAL, style);
        CategoryPlot plot = CategoryPlots.plot(grid.dataset(), renderer, PlotOrientation.HORIZONTAL, style);
        plot.getRangeAxis().setUpperMargin(0.14);
        return new Drawing(ChartLayout.chart(plot, text, style, false), entity -> {
            if (entity instanceof CategoryItemEntity item && item.getColumnKey() instanceof Category bar) {
                int index = categories.indexOf(bar);
                return Optional.of(Slice.of(bar.key(), bar.label() + ": " + style.figure(figures.get(index))));
            }
            return Optional.empty();
        });
    }

    /** The colour of a series of a stacked chart: the palette in order, grey for "unknown". */
    static Color seriesColour(List<Category> series, int index, ChartStyle style) {
        if (Heading.UNKNOWN.equals(series.get(index).key())) {
            return ChartStyle.UNKNOWN;
        }
        int known = (int) series.subList(0, index).stream()
                .filter(s -> !Heading.UNKNOWN.equals(s.key()))
                .count();
        return style.series(known);
    }
}
