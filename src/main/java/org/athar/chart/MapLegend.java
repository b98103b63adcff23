package org.athar.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.jfree.chart.ui.TextAnchor;

/**
 * The key of a choropleth: zero (grey) and withheld (hatched, "withheld") when the map has such areas, then one
 * swatch per class with its range. The ranges come from the published counts alone ({@link MapClasses}). In Arabic
 * the swatches are on the right of their labels.
 */
final class MapLegend {

    private record Row(String label, long sample, boolean hatched) {}

    private final ChartStyle style;
    private final List<Row> rows = new ArrayList<>();

    MapLegend(MapClasses classes, ChartStyle style, boolean anySuppressed, boolean anyZero) {
        this.style = style;
        if (anyZero) {
            rows.add(new Row(style.number(0), 0, false));
        }
        if (anySuppressed) {
            rows.add(new Row(style.withheld(), -1, true));
        }
        for (MapClasses.Range range : classes.ranges()) {
            rows.add(new Row(range.label(style), range.low(), false));
        }
    }

    double width() {
        double widest = rows.stream()
                .mapToDouble(r -> ChartStyle.width(r.label(), style.tickFont()))
                .max()
                .orElse(0);
        return swatch() + style.px(6) + widest;
    }

    double height() {
        return rows.size() * rowHeight();
    }

    void draw(Graphics2D g2, double x, double y, LongFunction<Color> fill) {
        g2.setFont(style.tickFont());
        double size = swatch();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double top = y + i * rowHeight();
            double swatchX = style.rightToLeft() ? x + width() - size : x;
            Rectangle2D box = new Rectangle2D.Double(swatchX, top + (rowHeight() - size) / 2, size, size);
            if (row.hatched()) {
                style.hatch(g2, box);
            } else {
                g2.setPaint(fill.apply(row.sample()));
                g2.fill(box);
            }
            g2.setPaint(ChartStyle.INK);
            double middle = top + rowHeight() / 2;
            if (style.rightToLeft()) {
                ChoroplethPlot.text(g2, row.label(), swatchX - style.px(6), middle, TextAnchor.CENTER_RIGHT);
            } else {
                ChoroplethPlot.text(g2, row.label(), swatchX + size + style.px(6), middle, TextAnchor.CENTER_LEFT);
            }
        }
    }

    private double swatch() {
        return style.px(12);
    }

    private double rowHeight() {
        return style.px(17);
    }
}
