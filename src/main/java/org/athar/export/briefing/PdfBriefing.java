package org.athar.export.briefing;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.athar.export.chart.ChartFormat;
import org.athar.export.chart.ChartSize;

/**
 * A briefing as PDF (PDFBox), A4, in Athar Sans (the charts' font, embedded as a subset): the same sections as the
 * DOCX, with each chart as the vector drawing of {@code /api/v1/charts/….pdf}. PDFBox writes glyphs as given, so
 * Arabic is shaped (ICU4J {@link ArabicShaping}, vowel marks left out) and put in visual order ({@link Bidi}) line
 * by line, and right-aligned.
 */
final class PdfBriefing {

    private static final float MARGIN = 56;
    private static final Color INK = new Color(0x1F, 0x29, 0x33);
    private static final Color MUTED = new Color(0x52, 0x5F, 0x6B);

    private static final java.util.regex.Pattern HARAKAT = java.util.regex.Pattern.compile("[\\u064B-\\u065F\\u0670]");

    private PdfBriefing() {}

    static byte[] write(BriefingContent c, int k) {
        List<PDDocument> charts = new ArrayList<>();
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation about = doc.getDocumentInformation();
            about.setTitle(c.title());
            about.setCreator("Athar");
            Pages pages = new Pages(doc, font(doc, "chart-fonts/AtharSans-Regular.ttf"),
                    font(doc, "chart-fonts/AtharSans-Bold.ttf"), c.rightToLeft());
            pages.skip(180);
            pages.text(c.title(), 26, true, INK, true);
            pages.skip(12);
            pages.text(c.generated(), 12, false, MUTED, true);
            pages.text(c.profileLine(k), 12, false, MUTED, true);
            if (c.synthetic()) {
                pages.text(c.text("data.synthetic"), 14, true, new Color(0xA1, 0x3A, 0x00), true);
            }
            pages.text(c.caveat(), 11, false, MUTED, true);
            pages.newPage();
            for (String p : c.paragraphs()) {
                pages.text(p, 11, false, INK, false);
                pages.skip(6);
            }
            if (!c.figures().isEmpty()) {
                pages.heading(c.text("briefing.figures"));
                for (BriefingContent.Figure f : c.figures()) {
                    pages.text(f.sentence(), 13, true, INK, false);
                    pages.text(f.filters(), 9, false, MUTED, false);
                    pages.skip(6);
                }
            }
            for (BriefingContent.Chart chart : c.charts()) {
                ChartSize size = chart.vectorSize();
                PDDocument drawn = Loader.loadPDF(c.drawer().draw(chart.spec(), ChartFormat.PDF, size));
                charts.add(drawn);
                PDFormXObject form = new LayerUtility(doc).importPageAsForm(drawn, 0);
                pages.form(form, drawn.getPage(0).getMediaBox());
                if (!chart.caption().isEmpty()) {
                    pages.text(chart.caption(), 11, true, INK, false);
                }
                pages.text(chart.filters(), 9, false, MUTED, false);
                pages.text(c.caveat(), 9, false, MUTED, false);
                pages.skip(10);
            }
            pages.heading(c.text("briefing.method"));
            for (String line : c.method()) {
                pages.text(line, 10, false, INK, false);
                pages.skip(4);
            }
            pages.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the briefing as PDF", e);
        } finally {
            for (PDDocument d : charts) {
                try {
                    d.close();
                } catch (IOException e) {
                    // a chart held in memory only; nothing to release beyond it
                }
            }
        }
    }

    private static PDType0Font font(PDDocument doc, String resource) throws IOException {
        try (InputStream in = PdfBriefing.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The chart font " + resource + " is missing from the classpath");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /** Text as PDFBox must draw it: Arabic letters in their joined forms, every line in visual order. */
    static String visual(String logical, boolean rtlParagraph) {
        if (!rtlParagraph && logical.chars().noneMatch(ch -> Character.getDirectionality(ch)
                == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)) {
            return logical;
        }
        // PDFBox places each glyph after the previous one (no mark positioning), so a haraka would open a gap in
        // its word; vowel marks are optional in Arabic writing and are left out of the PDF.
        logical = HARAKAT.matcher(logical).replaceAll("");
        try {
            String shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | ArabicShaping.LENGTH_GROW_SHRINK).shape(logical);
            Bidi bidi = new Bidi(shaped, rtlParagraph ? Bidi.RTL : Bidi.LEVEL_DEFAULT_LTR);
            return bidi.writeReordered(Bidi.DO_MIRRORING);
        } catch (ArabicShapingException e) {
            return logical;
        }
    }

    /** A cursor down A4 pages: wraps, aligns and breaks pages. */
    private static final class Pages {
        private final PDDocument doc;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final boolean rtl;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument doc, PDType0Font regular, PDType0Font bold, boolean rtl) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            this.rtl = rtl;
            newPage();
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }

        void skip(float points) {
            y -= points;
        }

        void heading(String text) throws IOException {
            skip(14);
            if (y < MARGIN + 80) {
                newPage();
            }
            text(text, 16, true, INK, false);
            skip(4);
        }

        void text(String text, float size, boolean isBold, Color color, boolean centred) throws IOException {
            PDType0Font font = isBold ? bold : regular;
            float leading = size * 1.35f;
            for (String line : wrap(text, font, size)) {
                if (y - leading < MARGIN) {
                    newPage();
                }
                y -= leading;
                String shown = printable(visual(line, rtl), font);
                float w = font.getStringWidth(shown) / 1000 * size;
                float x = centred ? MARGIN + (width - w) / 2 : rtl ? MARGIN + width - w : MARGIN;
                content.beginText();
                content.setFont(font, size);
                content.setNonStrokingColor(color);
                content.newLineAtOffset(x, y);
                content.showText(shown);
                content.endText();
            }
        }

        /** A chart page drawn as a vector form, scaled to the text width, on a new page if it does not fit. */
        void form(PDFormXObject form, PDRectangle box) throws IOException {
            float scale = width / box.getWidth();
            float height = box.getHeight() * scale;
            if (y - height < MARGIN + 40) {
                newPage();
            }
            y -= height;
            content.saveGraphicsState();
            content.transform(new Matrix(scale, 0, 0, scale, MARGIN, y));
            content.drawForm(form);
            content.restoreGraphicsState();
            y -= 6;
        }

        private List<String> wrap(String text, PDType0Font font, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(printable(visual(candidate, rtl), font)) / 1000 * size
                        > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** A character the font has no glyph for would stop PDFBox; it becomes a space (none is expected). */
        private static String printable(String text, PDType0Font font) throws IOException {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String one = new String(Character.toChars(cp));
                try {
                    font.encode(one);
                    out.append(one);
                } catch (IllegalArgumentException e) {
                    out.append(' ');
                }
                i += Character.charCount(cp);
            }
            return out.toString();
        }
    }
}
