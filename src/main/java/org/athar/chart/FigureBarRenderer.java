package org.athar.chart;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import org.athar.analytics.Heading;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.data.category.CategoryDataset;

/**
 * Flat bars of one series: the "unknown" bar grey; a withheld figure has no bar, only its mark ({@link WithheldMarks})
 * at its category.
 */
final class FigureBarRenderer extends BarRenderer {

    private final transient FigureGrid grid;
    private final transient ChartStyle style;

    FigureBarRenderer(FigureGrid grid, ChartStyle style) {
        this.grid = grid;
        this.style = style;
        setBarPainter(CategoryPlots.painter((row, column) -> false, style));
        setShadowVisible(false);
        setDrawBarOutline(false);
    }

    @Override
    public Paint getItemPaint(int row, int column) {
        return Heading.UNKNOWN.equals(grid.categories().get(column).key()) ? ChartStyle.UNKNOWN : style.series(0);
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
        if (grid.suppressed(row, column)) {
            if (pass == getPassCount() - 1) {
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
                        state.getBarWidth(),
                        isItemLabelVisible(row, column),
                        state.getEntityCollection());
            }
            return;
        }
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
    }
}
