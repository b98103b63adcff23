package org.athar.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Athar Sans draws Arabic, Latin and digits from one font, because a font Java loads from a file has no fallback
 * and a chart label can mix scripts. Each check fails if a glyph would be the missing-glyph box.
 */
class ChartFontsTest {

    /** Labels as they occur: Arabic with a Latin source name, Latin with an Arabic free-text search, figures. */
    private static final List<String> MIXED = List.of(
            "المصدر: أثر · المصادر: SNHR، VDC · أُنشئ في 29 تشرين الثاني 2026",
            "Words: “حلب” in the name · Governorate: Aleppo, Idleb",
            "حلب: 1,204 — «ريف دمشق» <5",
            "Hay’at Tahrir al-Sham – هيئة تحرير الشام – 12–77");

    @Test
    void the_chart_font_can_display_every_character_of_mixed_arabic_and_latin_labels() {
        for (Font font : List.of(ChartFonts.regular(12), ChartFonts.bold(12))) {
            for (String text : MIXED) {
                assertThat(font.canDisplayUpTo(text))
                        .as("%s: %s", font.getFontName(), text)
                        .isEqualTo(-1);
            }
        }
    }

    @Test
    void laid_out_mixed_text_has_no_missing_glyph_and_arabic_letters_are_joined() throws IOException {
        Font font = ChartFonts.regular(28);
        BufferedImage image = new BufferedImage(1100, 60 * MIXED.size() + 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        g2.setPaint(Color.WHITE);
        g2.fillRect(0, 0, image.getWidth(), image.getHeight());
        Renderers.hints(g2);
        g2.setFont(font);
        g2.setPaint(Color.BLACK);
        for (int i = 0; i < MIXED.size(); i++) {
            String text = MIXED.get(i);
            char[] chars = text.toCharArray();
            GlyphVector laid = font.layoutGlyphVector(
                    g2.getFontRenderContext(), chars, 0, chars.length, Font.LAYOUT_RIGHT_TO_LEFT);
            for (int g = 0; g < laid.getNumGlyphs(); g++) {
                assertThat(laid.getGlyphCode(g)).as("glyph %d of %s", g, text).isNotEqualTo(font.getMissingGlyphCode());
            }
            g2.drawString(text, 20, 50 + 60 * i);
        }
        g2.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        ChartFiles.save("mixed-script.png", png.toByteArray());

        // Shaping: in "حلب" the haa takes its initial form, so the glyph of the haa standing alone is not used.
        assertThat(glyphs(font, "حلب")).hasSize(3).doesNotContain(glyphs(font, "ح")[0]);
    }

    private static int[] glyphs(Font font, String text) {
        char[] chars = text.toCharArray();
        GlyphVector laid = font.layoutGlyphVector(
                new java.awt.font.FontRenderContext(null, true, true),
                chars,
                0,
                chars.length,
                Font.LAYOUT_RIGHT_TO_LEFT);
        return laid.getGlyphCodes(0, laid.getNumGlyphs(), null);
    }
}
