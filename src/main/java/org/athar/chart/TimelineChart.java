package org.athar.chart;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.athar.analytics.Bucket;
import org.athar.search.Dimension;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.CategoryDataset;

/**
 * Reports per period, in time order, as columns or a line. Period labels that would collide are thinned to years
 * (months, quarters) or to every 2nd, 5th or 10th year; figures are printed on the columns when they fit. A withheld
 * period has no column or point, only its mark ({@link WithheldMarks}).
 */
final class TimelineChart {

    private static final int[] YEAR_STEPS = {1, 2, 5, 10, 20};

    private TimelineChart() {}

    static Drawing build(ChartData.Timeline data, ChartText text, ChartStyle style, double plotWidth) {
        List<Bucket> buckets = data.breakdown().buckets();
        Category series = new Category("reports", text.title());
        double slot = plotWidth / Math.max(1, buckets.size());
        List<Category> categories = axisLabels(buckets, data.breakdown().dimension(), style, slot);
        List<OptionalLong> figures = buckets.stream().map(Bucket::count).toList();
        FigureGrid grid = new FigureGrid(List.of(series), categories, List.of(figures));

        AbstractCategoryItemRenderer renderer =
                data.style() == ChartData.TimeStyle.LINE ? line(grid, style) : columns(grid, style);
        renderer.setSeriesPaint(0, style.series(0));
        if (figuresFit(grid, style, slot, data.style())) {
            CategoryPlots.valueLabels(renderer, grid, PlotOrientation.VERTICAL, style);
        }
        if (data.style() == ChartData.TimeStyle.LINE) {
            renderer.setItemLabelAnchorOffset(style.px(1.5));
        }
        CategoryPlot plot = CategoryPlots.plot(grid.dataset(), renderer, PlotOrientation.VERTICAL, style);
        plot.getRangeAxis().setUpperMargin(0.18);
        return new Drawing(ChartLayout.chart(plot, text, style, false), entity -> {
            if (entity instanceof CategoryItemEntity item && item.getColumnKey() instanceof Category period) {
                int index = categories.indexOf(period);
                return Optional.of(Slice.of(period.key(), period.label() + ": " + style.figure(figures.get(index))));
            }
            return Optional.empty();
        });
    }

    private static BarRenderer columns(FigureGrid grid, ChartStyle style) {
        BarRenderer renderer = new FigureBarRenderer(grid, style);
        renderer.setItemMargin(0);
        renderer.setMaximumBarWidth(0.08);
        return renderer;
    }

    /**
     * A line; a withheld period has no point: the line breaks there and the period gets its mark
     * ({@link WithheldMarks}) by the axis, with the word when labels fit.
     */
    private static LineAndShapeRenderer line(FigureGrid grid, ChartStyle style) {
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true) {
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
                if (!grid.suppressed(row, column)) {
                    super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
                } else if (pass == getPassCount() - 1) {
                    double slot = domainAxis.getCategoryEnd(
                                    column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge())
                            - domainAxis.getCategoryStart(
                                    column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
                    WithheldMarks.draw(
                            g2,
                            style,
                            plot,
                            dataArea,
                            domainAxis,
                            rangeAxis,
                            dataset,
                            row,
                            column,
                            slot * 0.6,
                            isItemLabelVisible(row, column),
                            state.getEntityCollection());
                }
            }
        };
        double r = style.px(2.6);
        Shape dot = new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
        renderer.setSeriesShape(0, dot);
        renderer.setSeriesStroke(
                0, new BasicStroke((float) style.px(1.8), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setUseFillPaint(false);
        renderer.setUseOutlinePaint(false);
        renderer.setDrawOutlines(true);
        return renderer;
    }

    private static boolean figuresFit(FigureGrid grid, ChartStyle style, double slot, ChartData.TimeStyle kind) {
        double widest = 0;
        for (int c = 0; c < grid.categories().size(); c++) {
            widest = Math.max(widest, ChartStyle.width(style.figure(grid.figure(0, c)), style.valueFont()));
        }
        return widest + style.px(kind == ChartData.TimeStyle.LINE ? 6 : 2) <= slot;
    }

    /** Every period's label where they fit; otherwise the year at each year's first period, every n-th year. */
    static List<Category> axisLabels(List<Bucket> buckets, Dimension dimension, ChartStyle style, double slot) {
        double widest = buckets.stream()
                .mapToDouble(b -> ChartStyle.width(b.label(), style.tickFont()))
                .max()
                .orElse(0);
        List<Category> out = new ArrayList<>();
        if (widest + style.px(6) <= slot) {
            buckets.forEach(b -> out.add(new Category(b.key(), b.label(), style.directed(b.label()))));
            return out;
        }
        int periodsPerYear = switch (dimension) {
            case MONTH -> 12;
            case QUARTER -> 4;
            default -> 1;
        };
        double yearWidth = ChartStyle.width("2013", style.tickFont()) + style.px(8);
        int step = YEAR_STEPS[YEAR_STEPS.length - 1];
        for (int candidate : YEAR_STEPS) {
            if (candidate * periodsPerYear * slot >= yearWidth) {
                step = candidate;
                break;
            }
        }
        for (Bucket b : buckets) {
            Optional<Integer> year = startOfYear(b.key(), dimension);
            boolean shown = year.isPresent() && year.get() % step == 0;
            out.add(new Category(b.key(), b.label(), shown ? String.valueOf(year.get()) : ""));
        }
        return out;
    }

    /** The year of a period key ({@code 2013}, {@code 2013-Q1}, {@code 2013-01}) if the period opens its year. */
    private static Optional<Integer> startOfYear(String key, Dimension dimension) {
        if (key.length() < 4 || !key.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        boolean opens = switch (dimension) {
            case MONTH -> key.endsWith("-01");
            case QUARTER -> key.endsWith("-Q1");
            default -> true;
        };
        return opens ? Optional.of(Integer.parseInt(key.substring(0, 4))) : Optional.empty();
    }
}
