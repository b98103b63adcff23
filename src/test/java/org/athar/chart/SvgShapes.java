package org.athar.chart;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The filled shapes of a rendered SVG chart as a reader's eye meets them: each {@code rect} or {@code path} with the
 * colour it is filled with (its own {@code fill} or the nearest group's) and its box in the drawing's coordinates.
 * The interactive overlays (invisible) and clip outlines are left out.
 */
record SvgShapes(List<SvgShapes.Shape> shapes) {

    static final String HATCH_GROUND = "rgb(242,243,245)";
    static final String WHITE = "white";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE]-?\\d+)?");

    /** One filled shape: its element name, fill and bounding box. */
    record Shape(String element, String fill, Rectangle2D box) {}

    static SvgShapes of(Document svg) {
        List<Shape> out = new ArrayList<>();
        for (String name : List.of("rect", "path")) {
            NodeList nodes = svg.getElementsByTagNameNS(SvgOutput.SVG_NS, name);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (SvgOverlays.CLASS.equals(e.getAttribute("class")) || insideClipPath(e)) {
                    continue;
                }
                String fill = fill(e);
                Rectangle2D box = name.equals("rect")
                        ? new Rectangle2D.Double(
                                number(e, "x"), number(e, "y"), number(e, "width"), number(e, "height"))
                        : pathBox(e.getAttribute("d"));
                out.add(new Shape(name, fill, box));
            }
        }
        return new SvgShapes(out);
    }

    /** Filled rectangles (not the white ground of the page, plot or legend) inside {@code area}. */
    List<Shape> rectsIn(Rectangle2D area) {
        return shapes.stream()
                .filter(s -> s.element().equals("rect")
                        && !s.fill().equals(WHITE)
                        && !s.fill().equals("none")
                        && contains(area, s.box()))
                .toList();
    }

    /** The plot's white ground: the largest white rectangle that is not the whole drawing. */
    Rectangle2D plotArea(double width, double height) {
        return shapes.stream()
                .filter(s -> s.element().equals("rect") && s.fill().equals(WHITE))
                .map(Shape::box)
                .filter(b -> b.getWidth() < width - 1 || b.getHeight() < height - 1)
                .max(java.util.Comparator.comparingDouble(b -> b.getWidth() * b.getHeight()))
                .orElseThrow();
    }

    /** The bounding box of an SVG path's coordinates (good enough for straight-edged outlines). */
    static Rectangle2D pathBox(String d) {
        Matcher m = NUMBER.matcher(d);
        List<Double> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(Double.parseDouble(m.group()));
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < numbers.size(); i += 2) {
            minX = Math.min(minX, numbers.get(i));
            maxX = Math.max(maxX, numbers.get(i));
            minY = Math.min(minY, numbers.get(i + 1));
            maxY = Math.max(maxY, numbers.get(i + 1));
        }
        return numbers.size() < 2
                ? new Rectangle2D.Double()
                : new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY);
    }

    static boolean contains(Rectangle2D outer, Rectangle2D inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5
                && inner.getMaxX() <= outer.getMaxX() + 0.5
                && inner.getMinY() >= outer.getMinY() - 0.5
                && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    /** A clip region's outline is not drawn. */
    private static boolean insideClipPath(Element e) {
        for (Node n = e.getParentNode(); n instanceof Element el; n = n.getParentNode()) {
            if (el.getLocalName().equals("clipPath") || el.getLocalName().equals("defs")) {
                return true;
            }
        }
        return false;
    }

    private static String fill(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute("fill")) {
                return el.getAttribute("fill");
            }
        }
        return "black";
    }

    private static double number(Element e, String attribute) {
        String v = e.getAttribute(attribute);
        return v.isEmpty() ? 0 : Double.parseDouble(v);
    }
}
