package org.athar.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jfree.chart.ui.TextAnchor;

/**
 * Puts each area's figure on the map with its name: inside the area when both fit, large areas first; otherwise
 * (Damascus, Quneitra, Lattakia on a small map) in a callout "name figure" beside it with a leader line, placed where
 * it hides no other label. So every figure is on the map, and always next to the name of its area.
 */
final class MapLabels {

    private static final Color CALLOUT_GROUND = new Color(255, 255, 255, 225);
    private final ChartStyle style;
    private final Rectangle2D bounds;
    private final List<Rectangle2D> placed = new ArrayList<>();

    MapLabels(ChartStyle style, Rectangle2D bounds) {
        this.style = style;
        this.bounds = bounds;
    }

    void draw(Graphics2D g2, List<ChoroplethPlot.Area> areas, List<Shape> shapes, Function<OptionalLong, Color> ink) {
        Font nameFont = style.valueFont();
        Font figureFont = ChartFonts.bold((float) style.px(10));
        double line = figureFont.getSize2D() * 1.25;
        List<Integer> order = IntStream.range(0, areas.size())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -AreaPoints.size(shapes.get(i))))
                .toList();
        List<Integer> callouts = new ArrayList<>();
        for (int i : order) {
            ChoroplethPlot.Area area = areas.get(i);
            Shape shape = shapes.get(i);
            Point2D centre = AreaPoints.inside(shape);
            String name = style.directed(area.name());
            String figure = style.figure(area.figure());
            double width = Math.max(ChartStyle.width(name, nameFont), ChartStyle.width(figure, figureFont));
            Optional<Rectangle2D> both = fit(shape, centre, width + style.px(2), 2 * line);
            if (both.isEmpty()) {
                // A figure never stands alone: without its name ("553" on Lattakia) a reader cannot tell whose it is.
                callouts.add(i);
                continue;
            }
            Rectangle2D box = both.get();
            if (area.figure().isEmpty()) {
                ground(g2, box);
            }
            g2.setPaint(ink.apply(area.figure()));
            g2.setFont(nameFont);
            ChoroplethPlot.text(g2, name, box.getCenterX(), box.getCenterY(), TextAnchor.BOTTOM_CENTER);
            g2.setFont(figureFont);
            ChoroplethPlot.text(g2, figure, box.getCenterX(), box.getCenterY(), TextAnchor.TOP_CENTER);
            placed.add(box);
        }
        for (int i : callouts) {
            callout(g2, areas.get(i), AreaPoints.inside(shapes.get(i)), figureFont);
        }
    }

    /** "Damascus 1,204" on a white ground beside the area, joined to it by a thin line. */
    private void callout(Graphics2D g2, ChoroplethPlot.Area area, Point2D at, Font figureFont) {
        // In Arabic the figure is embedded left to right, so digits after an Arabic name keep their order.
        String figure = style.figure(area.figure());
        String text = style.rightToLeft()
                ? style.directed(area.name() + " \u202A" + figure + "\u202C")
                : area.name() + " " + figure;
        double width = ChartStyle.width(text, figureFont) + style.px(6);
        double height = figureFont.getSize2D() * 1.45;
        Rectangle2D chosen = null;
        // Outwards from the middle of the map first, into the margin, then turning either way.
        double outwards = Math.atan2(at.getY() - bounds.getCenterY(), at.getX() - bounds.getCenterX());
        for (double distance : new double[] {style.px(22), style.px(36), style.px(52), style.px(70)}) {
            for (int step = 0; step < 12 && chosen == null; step++) {
                double angle = outwards + Math.toRadians(((step + 1) / 2) * 30 * (step % 2 == 0 ? 1 : -1));
                Point2D centre = new Point2D.Double(
                        at.getX() + Math.cos(angle) * (distance + width / 2), at.getY() + Math.sin(angle) * distance);
                Rectangle2D candidate = box(centre, width, height);
                if (bounds.contains(candidate) && free(candidate)) {
                    chosen = candidate;
                }
            }
        }
        if (chosen == null) {
            chosen = box(new Point2D.Double(at.getX(), at.getY() - style.px(20)), width, height);
        }
        placed.add(chosen);
        g2.setPaint(ChartStyle.MUTED);
        g2.setStroke(new BasicStroke((float) style.px(0.7)));
        g2.draw(new Line2D.Double(at, nearestEdge(chosen, at)));
        ground(g2, chosen);
        g2.setPaint(ChartStyle.INK);
        g2.setFont(figureFont);
        ChoroplethPlot.text(g2, text, chosen.getCenterX(), chosen.getCenterY(), TextAnchor.CENTER);
    }

    /**
     * A place for a label box inside the area, hiding no other label: at its centroid if possible, otherwise at
     * the grid point nearest to it where the box fits.
     */
    private Optional<Rectangle2D> fit(Shape shape, Point2D centre, double width, double height) {
        Rectangle2D b = shape.getBounds2D();
        if (width > b.getWidth() || height > b.getHeight()) {
            return Optional.empty();
        }
        List<Point2D> candidates = new ArrayList<>();
        candidates.add(centre);
        int steps = 10;
        for (int i = 0; i <= steps; i++) {
            for (int j = 0; j <= steps; j++) {
                candidates.add(new Point2D.Double(
                        b.getX() + width / 2 + (b.getWidth() - width) * i / steps,
                        b.getY() + height / 2 + (b.getHeight() - height) * j / steps));
            }
        }
        candidates.sort(Comparator.comparingDouble(p -> p.distance(centre)));
        for (Point2D p : candidates) {
            Rectangle2D box = box(p, width, height);
            if (free(box) && shape.contains(box)) {
                return Optional.of(box);
            }
        }
        return Optional.empty();
    }

    /** A white ground behind a label that would otherwise sit on hatching or on other areas. */
    private void ground(Graphics2D g2, Rectangle2D box) {
        g2.setPaint(CALLOUT_GROUND);
        double r = style.px(3);
        g2.fill(new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), r, r));
    }

    private boolean free(Rectangle2D box) {
        return placed.stream().noneMatch(p -> p.intersects(box));
    }

    private static Rectangle2D box(Point2D centre, double width, double height) {
        return new Rectangle2D.Double(centre.getX() - width / 2, centre.getY() - height / 2, width, height);
    }

    private static Point2D nearestEdge(Rectangle2D box, Point2D from) {
        double x = Math.max(box.getMinX(), Math.min(from.getX(), box.getMaxX()));
        double y = Math.max(box.getMinY(), Math.min(from.getY(), box.getMaxY()));
        return new Point2D.Double(x, y);
    }
}
