package org.athar.chart;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.ChartRenderingInfo;

/**
 * Writes a drawing as a one-page vector PDF (PDFBox with pdfbox-graphics2d), the page the drawing's size in points.
 * Left-to-right text is real text in an embedded subset of Athar Sans, so it can be searched and copied; Arabic text
 * is drawn as glyph outlines, because pdfbox-graphics2d cannot write shaped right-to-left text as text.
 */
final class PdfOutput {

    /** CSS pixels are 1/96 in, PDF points 1/72 in. */
    private static final float POINTS_PER_PIXEL = 0.75f;

    private PdfOutput() {}

    static byte[] write(Drawing drawing, ChartText text, ChartSize size, ChartRenderingInfo info) {
        float width = size.width();
        float height = size.height();
        try (PDDocument document = new PDDocument();
                EmbeddedFonts fonts = new EmbeddedFonts()) {
            PDPage page = new PDPage(new PDRectangle(width * POINTS_PER_PIXEL, height * POINTS_PER_PIXEL));
            document.addPage(page);
            PDDocumentInformation about = document.getDocumentInformation();
            about.setTitle(text.title());
            about.setCreator("Athar");
            PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(document, width, height);
            g2.setFontTextDrawer(fonts);
            Renderers.hints(g2);
            drawing.chart().draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
            g2.dispose();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.transform(Matrix.getScaleInstance(POINTS_PER_PIXEL, POINTS_PER_PIXEL));
                content.drawForm(g2.getXFormObject());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the chart as PDF", e);
        }
    }

    /** Maps Athar Sans to a subset embedded in this document, loaded only when text in that weight is drawn. */
    private static final class EmbeddedFonts extends PdfBoxGraphics2DFontTextDrawer {
        private final Map<String, PDFont> loaded = new HashMap<>();

        /**
         * Layout measures text as Java2D does, like the PNG and SVG: the PDF font's own widths are those of
         * unshaped Arabic letters, which would misplace right-aligned Arabic text.
         */
        @Override
        public FontMetrics getFontMetrics(Font font, IFontTextDrawerEnv env) {
            return env.getCalculationGraphics().getFontMetrics(font);
        }

        @Override
        protected boolean hasDynamicFontMapping() {
            return true;
        }

        @Override
        protected PDFont mapFont(Font font, IFontTextDrawerEnv env) throws IOException {
            if (!font.getFamily().equals(ChartFonts.family())) {
                return null;
            }
            PDFont mapped = loaded.get(font.getFontName());
            if (mapped == null) {
                mapped = PDType0Font.load(env.getDocument(), new ByteArrayInputStream(ChartFonts.fileOf(font)), true);
                loaded.put(font.getFontName(), mapped);
            }
            return mapped;
        }
    }
}
