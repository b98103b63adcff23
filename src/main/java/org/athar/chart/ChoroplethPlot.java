package org.athar.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;

/**
 * A JFreeChart plot that draws areas shaded by their counts: an equirectangular projection corrected by the cosine
 * of the middle latitude, classed fills, light grey for zero, hatching for withheld figures (never a class colour),
 * a legend of the classes beside the map (on the left in Arabic) and each area's figure with its name.
 */
final class ChoroplethPlot extends Plot {

    private static final Color ZERO = new Color(0xe6, 0xe8, 0xeb);
    private static final Color BORDER = Color.WHITE;

    /** One area as drawn: its outline in degrees, its name in the reader's language, its figure (empty: suppressed). */
    record Area(MapShapes.Region region, String name, OptionalLong figure, Slice slice) {}

    /** A region's entity: the interactive SVG's overlay for it. */
    static final class AreaEntity extends ChartEntity {
        private final transient Slice slice;

        AreaEntity(Shape area, Slice slice) {
            super(area, slice.title());
            this.slice = slice;
        }

        Slice slice() {
            return slice;
        }
    }

    private final transient List<Area> areas;
    private final transient MapClasses classes;
    private final transient ChartStyle style;

    /** @param classes cut from the published counts alone: a withheld area is hatched and in no class */
    ChoroplethPlot(List<Area> areas, MapClasses classes, ChartStyle style) {
        this.areas = List.copyOf(areas);
        this.classes = classes;
        this.style = style;
        setOutlineVisible(false);
        setBackgroundPaint(Color.WHITE);
    }

    @Override
    public String getPlotType() {
        return "Choropleth map";
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        if (info != null) {
            info.setPlotArea(area);
            info.setDataArea(area);
        }
        MapLegend legend = new MapLegend(
                classes,
                style,
                areas.stream().anyMatch(a -> a.figure().isEmpty()),
                areas.stream().anyMatch(a -> a.figure().orElse(-1) == 0));
        double legendWidth = legend.width();
        double gap = style.px(12);
        Rectangle2D mapArea = style.rightToLeft()
                ? new Rectangle2D.Double(
                        area.getX() + legendWidth + gap,
                        area.getY(),
                        area.getWidth() - legendWidth - gap,
                        area.getHeight())
                : new Rectangle2D.Double(
                        area.getX(), area.getY(), area.getWidth() - legendWidth - gap, area.getHeight());
        AffineTransform projection = projection(mapArea);
        List<Shape> shapes = new ArrayList<>();
        EntityCollection entities = info == null ? null : info.getOwner().getEntityCollection();
        g2.setStroke(new BasicStroke((float) style.px(0.8), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Area a : areas) {
            Shape shape = projection.createTransformedShape(a.region().outline());
            shapes.add(shape);
            if (a.figure().isEmpty()) {
                style.hatch(g2, shape);
            } else {
                g2.setPaint(fill(a.figure().getAsLong()));
                g2.fill(shape);
            }
            g2.setPaint(BORDER);
            g2.draw(shape);
            if (entities != null) {
                entities.add(new AreaEntity(shape, a.slice()));
            }
        }
        new MapLabels(style, mapArea).draw(g2, areas, shapes, this::labelInk);
        double legendX = style.rightToLeft() ? area.getX() : area.getMaxX() - legendWidth;
        legend.draw(g2, legendX, area.getCenterY() - legend.height() / 2, this::fill);
    }

    Color fill(long count) {
        return count == 0
                ? ZERO
                : classes.classOf(count).map(MapClasses.Range::colour).orElse(ZERO);
    }

    private Color labelInk(OptionalLong figure) {
        boolean dark = figure.isPresent()
                && classes.classOf(figure.getAsLong())
                        .map(MapClasses.Range::dark)
                        .orElse(false);
        return dark ? Color.WHITE : ChartStyle.INK;
    }

    /** Degrees to the drawing: longitude shrunk by cos(middle latitude), north up, fitted and centred. */
    private AffineTransform projection(Rectangle2D target) {
        Rectangle2D bounds = null;
        for (Area a : areas) {
            Rectangle2D b = a.region().outline().getBounds2D();
            bounds = bounds == null ? b : bounds.createUnion(b);
        }
        if (bounds == null) {
            return new AffineTransform();
        }
        double squeeze = Math.cos(Math.toRadians(bounds.getCenterY()));
        double scale =
                Math.min(target.getWidth() / (bounds.getWidth() * squeeze), target.getHeight() / bounds.getHeight());
        AffineTransform t = AffineTransform.getTranslateInstance(target.getCenterX(), target.getCenterY());
        t.scale(scale * squeeze, -scale);
        t.translate(-bounds.getCenterX(), -bounds.getCenterY());
        return t;
    }

    static void text(Graphics2D g2, String text, double x, double y, TextAnchor anchor) {
        TextUtils.drawAlignedString(text, g2, (float) x, (float) y, anchor);
    }
}
