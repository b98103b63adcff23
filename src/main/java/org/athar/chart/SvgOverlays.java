package org.athar.chart;

import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.ChartEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Makes an SVG chart interactive without changing what it shows: for every bar, segment or region the drawing
 * recorded (JFreeChart's entities, in the drawing's own coordinates), a transparent {@code path} on top with
 * {@code class="athar-slice"}, its data attributes and a {@code <title>} tooltip. The page's script and CSS give
 * them behaviour (hover, click to drill down).
 */
final class SvgOverlays {

    static final String CLASS = "athar-slice";

    private SvgOverlays() {}

    /** Adds the overlays in one group at the end of {@code root}; returns how many were added. */
    static int add(Element root, ChartRenderingInfo info, Drawing drawing) {
        Document document = root.getOwnerDocument();
        Element group = document.createElementNS(SvgOutput.SVG_NS, "g");
        group.setAttribute("class", "athar-overlays");
        int count = 0;
        for (Object o : info.getEntityCollection().getEntities()) {
            ChartEntity entity = (ChartEntity) o;
            Optional<Slice> slice = entity instanceof ChoroplethPlot.AreaEntity area
                    ? Optional.of(area.slice())
                    : drawing.slices().apply(entity);
            if (slice.isEmpty()) {
                continue;
            }
            Element path = document.createElementNS(SvgOutput.SVG_NS, "path");
            path.setAttribute("class", CLASS);
            path.setAttribute("d", pathData(entity.getArea()));
            // Painted but invisible, so it still receives the pointer.
            path.setAttribute("fill", "#000");
            path.setAttribute("fill-opacity", "0");
            path.setAttribute("stroke", "none");
            path.setAttribute("tabindex", "0");
            for (Map.Entry<String, String> data : slice.get().data().entrySet()) {
                path.setAttribute(data.getKey(), data.getValue());
            }
            Element title = document.createElementNS(SvgOutput.SVG_NS, "title");
            title.setTextContent(slice.get().title());
            path.appendChild(title);
            group.appendChild(path);
            count++;
        }
        root.appendChild(group);
        return count;
    }

    static String pathData(Shape shape) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO ->
                    d.append('M').append(n(c[0])).append(' ').append(n(c[1]));
                case PathIterator.SEG_LINETO ->
                    d.append('L').append(n(c[0])).append(' ').append(n(c[1]));
                case PathIterator.SEG_QUADTO ->
                    d.append('Q')
                            .append(n(c[0]))
                            .append(' ')
                            .append(n(c[1]))
                            .append(' ')
                            .append(n(c[2]))
                            .append(' ')
                            .append(n(c[3]));
                case PathIterator.SEG_CUBICTO ->
                    d.append('C')
                            .append(n(c[0]))
                            .append(' ')
                            .append(n(c[1]))
                            .append(' ')
                            .append(n(c[2]))
                            .append(' ')
                            .append(n(c[3]))
                            .append(' ')
                            .append(n(c[4]))
                            .append(' ')
                            .append(n(c[5]));
                default -> d.append('Z');
            }
        }
        return d.toString();
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceFirst("\\.?0+$", "");
    }
}
