package org.athar.briefing;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * A cursor down the A4 pages of a briefing PDF: wraps, aligns each paragraph in its own direction ({@link BidiText}),
 * keeps blocks together, tags each chart as a Figure with its alternative text, and numbers the pages at the end.
 */
final class PdfPages {

    static final float MARGIN = 56;
    static final Color INK = new Color(0x1F, 0x29, 0x33);
    static final Color MUTED = new Color(0x52, 0x5F, 0x6B);
    private static final Pattern HARAKAT = Pattern.compile("[\\u064B-\\u065F\\u0670]");

    private final PDDocument doc;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final boolean rtl;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private final PDStructureElement tagged;
    private final Map<PDPage, List<PDStructureElement>> figuresByPage = new HashMap<>();
    private PDPage page;
    private PDPageContentStream content;
    private float y;

    PdfPages(PDDocument doc, PDType0Font regular, PDType0Font bold, boolean rtl, String language) throws IOException {
        this.doc = doc;
        this.regular = regular;
        this.bold = bold;
        this.rtl = rtl;
        PDStructureTreeRoot root = new PDStructureTreeRoot();
        doc.getDocumentCatalog().setStructureTreeRoot(root);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        doc.getDocumentCatalog().setMarkInfo(mark);
        doc.getDocumentCatalog().setLanguage(language);
        tagged = new PDStructureElement("Document", root);
        root.appendKid(tagged);
        newPage();
    }

    void newPage() throws IOException {
        close();
        page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        content = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void skip(float points) {
        y -= points;
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    void keep(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void heading(String text) throws IOException {
        skip(14);
        keep(80);
        text(text, 16, true, INK, false);
        skip(4);
    }

    /** The height {@code text} takes at {@code size} points. */
    float height(String text, float size, boolean isBold) throws IOException {
        return wrap(text, isBold ? bold : regular, size, BidiText.rightToLeft(text, rtl))
                        .size()
                * size
                * 1.35f;
    }

    void text(String text, float size, boolean isBold, Color color, boolean centred) throws IOException {
        PDType0Font font = isBold ? bold : regular;
        float leading = size * 1.35f;
        boolean paragraphRtl = BidiText.rightToLeft(text, rtl);
        for (String line : wrap(text, font, size, paragraphRtl)) {
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            String shown = printable(visual(line, paragraphRtl), font);
            float w = font.getStringWidth(shown) / 1000 * size;
            float x = centred ? MARGIN + (width - w) / 2 : paragraphRtl ? MARGIN + width - w : MARGIN;
            write(shown, font, size, color, x, y);
        }
    }

    private void write(String shown, PDType0Font font, float size, Color color, float x, float atY) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, atY);
        content.showText(shown);
        content.endText();
    }

    /** The height a chart drawing takes at the text width. */
    float height(PDRectangle box) {
        return box.getHeight() * width / box.getWidth();
    }

    /** A chart as a vector form at the text width, tagged as a Figure whose alternative text is {@code alt}. */
    void figure(PDFormXObject form, PDRectangle box, String alt) throws IOException {
        float scale = width / box.getWidth();
        keep(box.getHeight() * scale);
        y -= box.getHeight() * scale;
        List<PDStructureElement> onPage = figuresByPage.computeIfAbsent(page, p -> new ArrayList<>());
        int mcid = onPage.size();
        PDStructureElement element = new PDStructureElement("Figure", tagged);
        element.setAlternateDescription(alt);
        element.setPage(page);
        // Where the figure sits (PDF/UA asks for it): readers and tests find what lies under the chart.
        PDLayoutAttributeObject layout = new PDLayoutAttributeObject();
        layout.setBBox(new PDRectangle(MARGIN, y, width, box.getHeight() * scale));
        element.addAttribute(layout);
        element.appendKid(mcid);
        tagged.appendKid(element);
        onPage.add(element);
        COSDictionary properties = new COSDictionary();
        properties.setInt(COSName.MCID, mcid);
        content.beginMarkedContent(COSName.getPDFName("Figure"), PDPropertyList.create(properties));
        content.saveGraphicsState();
        content.transform(new Matrix(scale, 0, 0, scale, MARGIN, y));
        content.drawForm(form);
        content.restoreGraphicsState();
        content.endMarkedContent();
        y -= 6;
    }

    /** The organisation's logo, centred, at most {@code maxHeight} points high. */
    void logo(BriefingOrganisation.Logo logo, float maxHeight) throws IOException {
        PDImageXObject image = PDImageXObject.createFromByteArray(doc, logo.bytes(), "logo");
        float scale = Math.min(maxHeight / logo.height(), width / logo.width());
        float w = logo.width() * scale;
        float h = logo.height() * scale;
        y -= h;
        content.drawImage(image, MARGIN + (width - w) / 2, y, w, h);
    }

    /** Ends the last page, numbers every page in the footer and links the tagged figures to their pages. */
    void finish(IntFunction<String> footer) throws IOException {
        close();
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream s =
                    new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = footer.apply(i + 1);
                String shown = printable(visual(text, BidiText.rightToLeft(text, rtl)), regular);
                float w = regular.getStringWidth(shown) / 1000 * 9;
                s.beginText();
                s.setFont(regular, 9);
                s.setNonStrokingColor(MUTED);
                s.newLineAtOffset(MARGIN + (width - w) / 2, MARGIN / 2);
                s.showText(shown);
                s.endText();
            }
        }
        Map<Integer, COSObjectable> parents = new HashMap<>();
        int key = 0;
        for (Map.Entry<PDPage, List<PDStructureElement>> e : figuresByPage.entrySet()) {
            e.getKey().getCOSObject().setInt(COSName.STRUCT_PARENTS, key);
            COSArray elements = new COSArray();
            e.getValue().forEach(el -> elements.add(el.getCOSObject()));
            parents.put(key++, new PDParentTreeValue(elements));
        }
        PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
        tree.setNumbers(parents);
        PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
        root.setParentTree(tree);
        root.setParentTreeNextKey(key);
    }

    private void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    /** Text as PDFBox must draw it: Arabic letters in their joined forms, the line in visual order. */
    static String visual(String logical, boolean rtlParagraph) {
        if (!rtlParagraph
                && logical.chars()
                        .noneMatch(ch ->
                                Character.getDirectionality(ch) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)) {
            return logical;
        }
        // PDFBox places each glyph after the previous one (no mark positioning), so a haraka would open a gap in
        // its word; vowel marks are optional in Arabic writing and are left out of the PDF.
        String bare = HARAKAT.matcher(logical).replaceAll("");
        try {
            String shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE
                            | ArabicShaping.TEXT_DIRECTION_LOGICAL
                            | ArabicShaping.LENGTH_GROW_SHRINK)
                    .shape(bare);
            // Every line of a paragraph is ordered with the paragraph's direction, not guessed line by line.
            Bidi bidi = new Bidi(shaped, rtlParagraph ? Bidi.RTL : Bidi.LTR);
            return bidi.writeReordered(Bidi.DO_MIRRORING);
        } catch (ArabicShapingException e) {
            return bare;
        }
    }

    private List<String> wrap(String text, PDType0Font font, float size, boolean paragraphRtl) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty()
                    && font.getStringWidth(printable(visual(candidate, paragraphRtl), font)) / 1000 * size > width) {
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
