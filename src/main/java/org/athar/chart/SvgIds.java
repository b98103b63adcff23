package org.athar.chart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * Gives every id of one SVG chart a prefix of its own, with every {@code url(#…)} and {@code href="#…"} that points
 * to it. Batik numbers ids per document ({@code clipPath1}, {@code genericDefs}, …), so several charts inline in one
 * page would share them and each would clip its bars, segments and regions to the first chart's clip region.
 */
final class SvgIds {

    private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?#([^)'\"\\s]+)['\"]?\\s*\\)");

    private SvgIds() {}

    /** A prefix no other chart drawn on the same page has: random, so the order charts are drawn in is irrelevant. */
    static String random() {
        return "c" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "-";
    }

    /**
     * A prefix from the chart's content, for files: the same chart gives the same bytes each time, two different
     * charts put into one page still do not collide.
     */
    static String of(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "c" + HexFormat.of().formatHex(digest, 0, 6) + "-";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Renames every id under {@code root} to {@code prefix + id} and rewrites the references to it. */
    static void prefix(Element root, String prefix) {
        Map<String, String> renamed = new HashMap<>();
        NodeList all = root.getElementsByTagName("*");
        rename(root, prefix, renamed);
        for (int i = 0; i < all.getLength(); i++) {
            rename((Element) all.item(i), prefix, renamed);
        }
        if (renamed.isEmpty()) {
            return;
        }
        references(root, renamed);
        for (int i = 0; i < all.getLength(); i++) {
            references((Element) all.item(i), renamed);
        }
    }

    private static void rename(Element e, String prefix, Map<String, String> renamed) {
        String id = e.getAttribute("id");
        if (!id.isEmpty()) {
            renamed.put(id, prefix + id);
            e.setAttribute("id", prefix + id);
        }
    }

    /** {@code clip-path="url(#a)"}, {@code fill="url(#a)"}, {@code style="…url(#a)…"}, {@code xlink:href="#a"}. */
    private static void references(Element e, Map<String, String> renamed) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String value = a.getValue();
            if (value.startsWith("#") && renamed.containsKey(value.substring(1))) {
                a.setValue("#" + renamed.get(value.substring(1)));
            } else if (value.contains("url(")) {
                Matcher m = URL.matcher(value);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    String target = renamed.getOrDefault(m.group(1), m.group(1));
                    m.appendReplacement(out, Matcher.quoteReplacement("url(#" + target + ")"));
                }
                m.appendTail(out);
                a.setValue(out.toString());
            }
        }
    }
}
