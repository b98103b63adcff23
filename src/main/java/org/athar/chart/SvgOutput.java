package org.athar.chart;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.StringWriter;
import java.text.Bidi;
import java.util.Locale;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartRenderingInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Writes a drawing as SVG with Apache Batik: text stays {@code <text>} (searchable, selectable), named in the web
 * fonts the UI serves; a {@code viewBox} lets it scale; {@code role="img"}, a {@code <title>} and an
 * {@code aria-label} describe it to screen readers.
 */
final class SvgOutput {

    static final String SVG_NS = "http://www.w3.org/2000/svg";

    private SvgOutput() {}

    /** Draws the chart into a new SVG document and returns its root element. */
    static Element draw(Drawing drawing, ChartText text, Locale locale, ChartSize size, ChartRenderingInfo info) {
        Document document = GenericDOMImplementation.getDOMImplementation().createDocument(SVG_NS, "svg", null);
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setPrecision(2);
        context.setComment(null);
        SVGGraphics2D g2 = new SVGGraphics2D(context, false);
        g2.setSVGCanvasSize(new Dimension(size.width(), size.height()));
        Renderers.hints(g2);
        drawing.chart().draw(g2, new Rectangle2D.Double(0, 0, size.width(), size.height()), info);
        Element root = g2.getRoot(document.getDocumentElement());
        g2.dispose();
        nameWebFonts(root);
        directions(root);
        root.setAttribute("viewBox", "0 0 " + size.width() + " " + size.height());
        root.setAttribute("role", "img");
        root.setAttribute("aria-label", text.title());
        root.setAttribute("lang", locale.getLanguage());
        // Positions are absolute: an inline SVG must not inherit a right-to-left page's direction.
        root.setAttribute("direction", "ltr");
        Element title = document.createElementNS(SVG_NS, "title");
        title.setTextContent(text.title());
        root.insertBefore(title, root.getFirstChild());
        text.subtitle().ifPresent(subtitle -> {
            Element desc = document.createElementNS(SVG_NS, "desc");
            desc.setTextContent(subtitle + " — " + text.caveat());
            root.insertBefore(desc, title.getNextSibling());
        });
        return root;
    }

    /**
     * Makes the root of a chart for a page scale to its container: the {@code viewBox} keeps the drawing's
     * coordinates, the width follows the container and the height the drawing's proportions, so a 390 px phone shows
     * the whole chart. Files keep their fixed size (a designer's or word processor's size of the drawing).
     */
    static void fitToContainer(Element root) {
        root.setAttribute("width", "100%");
        root.removeAttribute("height");
        root.setAttribute("style", "height:auto;max-width:100%");
        root.setAttribute("preserveAspectRatio", "xMidYMid meet");
    }

    /** The root as an SVG file, or (without the XML declaration) as a fragment to put inline in a page. */
    static String serialize(Element root, boolean declaration) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, declaration ? "no" : "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(root), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Could not write the chart as SVG: " + e.getMessage(), e);
        }
    }

    /**
     * Java draws a string right to left when its first strong character is Arabic (or a right-to-left mark); a
     * browser takes an SVG text's direction from CSS. Saying so on each such {@code <text>}, anchored at its end
     * (the left, in right-to-left text), makes the browser lay it out where and as Java did.
     */
    private static void directions(Element root) {
        NodeList texts = root.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            String content = text.getTextContent();
            // Said on every text, because an inline SVG otherwise inherits the page's direction.
            if (!content.isEmpty() && !new Bidi(content, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight()) {
                text.setAttribute("direction", "rtl");
                text.setAttribute("text-anchor", "end");
            } else {
                text.setAttribute("direction", "ltr");
            }
        }
    }

    /** Batik names the font Java drew with (Athar Sans); a browser should use the Noto web fonts it is made of. */
    private static void nameWebFonts(Element root) {
        root.setAttribute("font-family", ChartFonts.SVG_FAMILY);
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("font-family")) {
                e.setAttribute("font-family", ChartFonts.SVG_FAMILY);
            }
        }
    }
}
