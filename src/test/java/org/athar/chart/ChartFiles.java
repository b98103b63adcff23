package org.athar.chart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reading rendered charts back as a user's tools would, and keeping them under target/charts for a look. */
final class ChartFiles {

    static final Path DIR = Path.of("target", "charts");
    /** Bidi marks the renderer puts around Arabic text; invisible, so a reader's search ignores them. */
    private static final String MARKS = "[\u200E\u200F\u202A-\u202E]";

    private ChartFiles() {}

    static void save(String name, byte[] bytes) {
        try {
            Files.createDirectories(DIR);
            Files.write(DIR.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses SVG as plain namespace-aware XML, refusing any DTD (nothing is fetched). */
    static Document xml(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the SVG is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** What the SVG's {@code <text>} elements say, marks removed, one entry per element. */
    static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS(SvgOutput.SVG_NS, "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().replaceAll(MARKS, "").strip());
        }
        return out;
    }

    static List<Element> overlays(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS(SvgOutput.SVG_NS, "path");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (SvgOverlays.CLASS.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    static String withoutMarks(String text) {
        return text.replaceAll(MARKS, "");
    }
}
