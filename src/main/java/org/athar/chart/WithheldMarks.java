package org.athar.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;

/**
 * What stands where a withheld figure's bar, column or point would be: no bar at all, but a small hatched square of
 * a fixed size, set a little off the value axis so it is not read as a short bar, and the word "withheld" where it
 * fits. Nothing about it depends on the withheld count: any length, even a token one, would state a value (a bar drawn
 * up to k, as before, ran past its own total in a stacked bar, and one drawn to the axis reads as 0).
 */
final class WithheldMarks {

    private WithheldMarks() {}

    /**
     * Draws the mark of category {@code column} and records it as that item's entity, so the interactive SVG still
     * has a slice (tooltip "…: withheld") to hover and click.
     *
     * @param barWidth the width bars of this chart have (the mark is no wider)
     * @param word whether to write "withheld" beside the mark (a timeline whose figures do not fit leaves it out)
     */
    static void draw(
            Graphics2D g2,
            ChartStyle style,
            CategoryPlot plot,
            Rectangle2D dataArea,
            CategoryAxis domainAxis,
            ValueAxis rangeAxis,
            CategoryDataset dataset,
            int row,
            int column,
            double barWidth,
            boolean word,
            EntityCollection entities) {
        double base = rangeAxis.valueToJava2D(0, dataArea, plot.getRangeAxisEdge());
        double middle =
                domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
        double size = Math.max(style.px(4), Math.min(style.px(8), barWidth > 0 ? barWidth : style.px(8)));
        double gap = style.px(3);
        boolean vertical = plot.getOrientation() == PlotOrientation.VERTICAL;
        boolean inverted = rangeAxis.isInverted();
        Rectangle2D square;
        if (vertical) {
            double top = inverted ? base + gap : base - gap - size;
            square = new Rectangle2D.Double(middle - size / 2, top, size, size);
        } else {
            double left = inverted ? base - gap - size : base + gap;
            square = new Rectangle2D.Double(left, middle - size / 2, size, size);
        }
        style.hatch(g2, square);
        g2.setPaint(ChartStyle.SUPPRESSED_LINES);
        g2.setStroke(new BasicStroke((float) style.px(0.7)));
        g2.draw(square);
        Rectangle2D area = square.getBounds2D();
        if (word) {
            String text = style.withheld();
            g2.setFont(style.valueFont());
            g2.setPaint(ChartStyle.INK);
            float x;
            float y;
            TextAnchor anchor;
            if (vertical) {
                x = (float) middle;
                y = (float) (inverted ? square.getMaxY() + gap : square.getMinY() - gap);
                anchor = inverted ? TextAnchor.TOP_CENTER : TextAnchor.BOTTOM_CENTER;
            } else {
                y = (float) middle;
                x = (float) (inverted ? square.getMinX() - gap : square.getMaxX() + gap);
                anchor = inverted ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
            }
            TextUtils.drawAlignedString(text, g2, x, y, anchor);
            area = area.createUnion(textBox(text, style.valueFont(), x, y, anchor));
        }
        if (entities != null) {
            entities.add(new CategoryItemEntity(
                    area, null, null, dataset, dataset.getRowKey(row), dataset.getColumnKey(column)));
        }
    }

    /**
     * The box of a text drawn at ({@code x}, {@code y}) with {@code anchor}, measured as every backend lays it out
     * ({@link ChartStyle#width}), so the slice of a mark is at the same place in PNG, SVG and PDF.
     */
    static Rectangle2D textBox(String text, Font font, double x, double y, TextAnchor anchor) {
        double width = ChartStyle.width(text, font);
        double height = font.getSize2D() * 1.2;
        double left = anchor.isLeft() ? x : anchor.isRight() ? x - width : x - width / 2;
        double top = anchor.isTop() ? y : anchor.isBottom() ? y - height : y - height / 2;
        return new Rectangle2D.Double(left, top, width, height);
    }
}
