package org.athar.chart;

import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/** Where to label an area of a map: a point inside it, near the middle of its largest part. */
final class AreaPoints {

    private AreaPoints() {}

    /** The area of the bounding box: a cheap measure of how much room an area has for its label. */
    static double size(Shape shape) {
        Rectangle2D b = shape.getBounds2D();
        return b.getWidth() * b.getHeight();
    }

    /**
     * A point to label the area at: the centroid of its largest ring when that lies inside the area, otherwise
     * the inside point of a grid over its bounds nearest to that centroid.
     */
    static Point2D inside(Shape shape) {
        Point2D centroid = centroidOfLargestRing(shape);
        if (shape.contains(centroid)) {
            return centroid;
        }
        Rectangle2D b = shape.getBounds2D();
        Point2D best = new Point2D.Double(b.getCenterX(), b.getCenterY());
        double bestDistance = Double.MAX_VALUE;
        for (int i = 1; i < 20; i++) {
            for (int j = 1; j < 20; j++) {
                Point2D p = new Point2D.Double(b.getX() + b.getWidth() * i / 20, b.getY() + b.getHeight() * j / 20);
                if (shape.contains(p) && p.distance(centroid) < bestDistance) {
                    best = p;
                    bestDistance = p.distance(centroid);
                }
            }
        }
        return best;
    }

    private static Point2D centroidOfLargestRing(Shape shape) {
        double bestArea = 0;
        Point2D best = new Point2D.Double(
                shape.getBounds2D().getCenterX(), shape.getBounds2D().getCenterY());
        double[] c = new double[6];
        double area = 0;
        double cx = 0;
        double cy = 0;
        double startX = 0;
        double startY = 0;
        double lastX = 0;
        double lastY = 0;
        for (PathIterator it = shape.getPathIterator(null, 0.5); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (type == PathIterator.SEG_MOVETO) {
                area = 0;
                cx = 0;
                cy = 0;
                startX = lastX = c[0];
                startY = lastY = c[1];
                continue;
            }
            double x = type == PathIterator.SEG_CLOSE ? startX : c[0];
            double y = type == PathIterator.SEG_CLOSE ? startY : c[1];
            double cross = lastX * y - x * lastY;
            area += cross;
            cx += (lastX + x) * cross;
            cy += (lastY + y) * cross;
            lastX = x;
            lastY = y;
            if (type == PathIterator.SEG_CLOSE && Math.abs(area) > bestArea) {
                bestArea = Math.abs(area);
                best = new Point2D.Double(cx / (3 * area), cy / (3 * area));
            }
        }
        return best;
    }
}
