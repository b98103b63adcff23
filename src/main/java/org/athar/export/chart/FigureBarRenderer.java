package org.athar.export.chart;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import org.athar.analytics.Heading;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Flat bars of one series: the "unknown" bar grey, a suppressed bar hatched (at least a few pixels long, see
 * {@link CategoryPlots#visible}) with its {@code <k} label past the end of what is drawn.
 */
final class FigureBarRenderer extends BarRenderer {

    private final transient FigureGrid grid;
    private final transient ChartStyle style;

    FigureBarRenderer(FigureGrid grid, ChartStyle style) {
        this.grid = grid;
        this.style = style;
        setBarPainter(CategoryPlots.painter(grid::suppressed, style));
        setShadowVisible(false);
        setDrawBarOutline(false);
    }

    @Override
    public Paint getItemPaint(int row, int column) {
        return Heading.UNKNOWN.equals(grid.categories().get(column).key()) ? ChartStyle.UNKNOWN : style.series(0);
    }

    @Override
    protected void drawItemLabel(Graphics2D g2, CategoryDataset dataset, int row, int column, CategoryPlot plot,
            CategoryItemLabelGenerator generator, Rectangle2D bar, boolean negative) {
        Rectangle2D drawn = bar;
        if (grid.suppressed(row, column)) {
            drawn = CategoryPlots.visible(bar, base(plot), style.px(4)).getFrame();
        }
        super.drawItemLabel(g2, dataset, row, column, plot, generator, drawn, negative);
    }

    private static RectangleEdge base(CategoryPlot plot) {
        boolean inverted = plot.getRangeAxis().isInverted();
        if (plot.getOrientation() == PlotOrientation.VERTICAL) {
            return inverted ? RectangleEdge.TOP : RectangleEdge.BOTTOM;
        }
        return inverted ? RectangleEdge.RIGHT : RectangleEdge.LEFT;
    }
}
