package org.athar.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.Bidi;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.athar.analytics.Disclosure;
import org.athar.i18n.Messages;

/**
 * The look every chart shares: white ground, ink and grid colours, the Okabe–Ito palette, a type scale that follows
 * the drawing's size, hatching for withheld figures and numbers in the reader's locale (Western digits in Arabic).
 */
final class ChartStyle {

    static final Color INK = new Color(0x1d, 0x27, 0x33);
    static final Color MUTED = new Color(0x55, 0x5f, 0x6b);
    static final Color GRID = new Color(0xe3, 0xe6, 0xea);
    static final Color AXIS = new Color(0xb8, 0xbe, 0xc6);
    /** Okabe & Ito (2008), colour-blind safe, most distinct first; yellow late because it is weak on white. */
    static final List<Color> PALETTE = List.of(
            new Color(0x00, 0x72, 0xB2),
            new Color(0xE6, 0x9F, 0x00),
            new Color(0x00, 0x9E, 0x73),
            new Color(0xD5, 0x5E, 0x00),
            new Color(0x56, 0xB4, 0xE9),
            new Color(0xCC, 0x79, 0xA7),
            new Color(0xF0, 0xE4, 0x42),
            new Color(0x33, 0x33, 0x33));
    /** The "unknown" bucket is not a category like the others: a neutral grey. */
    static final Color UNKNOWN = new Color(0xa8, 0xae, 0xb5);

    static final Color SUPPRESSED_GROUND = new Color(0xf2, 0xf3, 0xf5);
    static final Color SUPPRESSED_LINES = new Color(0x6b, 0x72, 0x7c);

    private static final String RLM = "\u200F";
    /** Anti-aliased text with fractional metrics: the same text layout in PNG, SVG and PDF. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private static final Messages MESSAGES = new Messages();

    private final Locale locale;
    private final double unit;

    /**
     * @param width the drawing's width in CSS pixels; type grows with it between 0.9 and 2 times its base size, so a
     *     small print chart stays legible and a large one is not spindly
     */
    ChartStyle(Locale locale, double width, double height) {
        this.locale = Messages.supported(locale);
        this.unit = Math.max(0.9, Math.min(2.0, Math.min(width / 640, height / 360)));
    }

    Locale locale() {
        return locale;
    }

    boolean rightToLeft() {
        return Messages.isRightToLeft(locale);
    }

    /**
     * Text as drawn: in Arabic, a text that has Arabic letters but begins with a Latin name or a digit gets a
     * right-to-left mark in front, so it still reads as an Arabic paragraph. (Text with no Arabic letter is left
     * alone: Java's fast path for simple text would draw the mark's visible glyph.)
     */
    String directed(String text) {
        if (!rightToLeft() || text.startsWith(RLM) || text.codePoints().noneMatch(ChartStyle::isArabic)) {
            return text;
        }
        return new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight() ? RLM + text : text;
    }

    private static boolean isArabic(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC;
    }

    /** A length that scales with the type, in CSS pixels. */
    double px(double base) {
        return base * unit;
    }

    Font titleFont() {
        return ChartFonts.bold((float) px(15));
    }

    Font subtitleFont() {
        return ChartFonts.regular((float) px(11));
    }

    Font tickFont() {
        return ChartFonts.regular((float) px(10));
    }

    Font valueFont() {
        return ChartFonts.regular((float) px(9.5));
    }

    Font noteFont() {
        return ChartFonts.regular((float) px(9));
    }

    Font footerFont() {
        return ChartFonts.regular((float) px(8));
    }

    /** The advance of {@code text} in {@code font}, measured as every backend lays it out (fractional metrics). */
    static double width(String text, Font font) {
        return font.getStringBounds(text, FRC).getWidth();
    }

    Color series(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /** 1,204 in English and in Arabic (Western digits). */
    String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    NumberFormat numberFormat() {
        return NumberFormat.getIntegerInstance(locale);
    }

    /**
     * The figure as printed on a bar or region: the count, or "withheld" when it is suppressed. Not "<k": a figure
     * withheld by complementary suppression is often large, and "<5" on it would be a wrong count.
     */
    String figure(OptionalLong count) {
        return Disclosure.shown(count, locale);
    }

    /** The word a suppressed figure shows ("withheld", «محجوب»). */
    String withheld() {
        return Disclosure.shown(OptionalLong.empty(), locale);
    }

    /** Names joined as a list in the reader's language ("ISIS, Unknown"; «داعش، غير معروف»). */
    String list(List<String> names) {
        return String.join(MESSAGES.get("chart.separator.list", locale), names);
    }

    /**
     * Fills {@code shape} as a suppressed figure: a pale ground crossed by diagonal lines, clipped to the shape.
     * Vector lines (no texture image), so it is crisp in PNG, SVG and PDF alike.
     */
    void hatch(Graphics2D g2, Shape shape) {
        Graphics2D g = (Graphics2D) g2.create();
        try {
            g.setPaint(SUPPRESSED_GROUND);
            g.fill(shape);
            g.clip(shape);
            Rectangle2D box = shape.getBounds2D();
            Path2D lines = new Path2D.Double();
            for (double x = box.getMinX() - box.getHeight(); x < box.getMaxX(); x += px(4)) {
                lines.moveTo(x, box.getMaxY());
                lines.lineTo(x + box.getHeight(), box.getMinY());
            }
            g.setPaint(SUPPRESSED_LINES);
            g.setStroke(new BasicStroke((float) px(0.9)));
            g.draw(lines);
        } finally {
            g.dispose();
        }
    }
}
