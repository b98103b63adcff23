package org.athar.briefing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

/**
 * Paragraphs and runs of a briefing DOCX in the right direction: a paragraph whose first letter is Arabic is
 * {@code w:bidi}, and its Arabic runs (with the digits and punctuation around them) are {@code w:rtl}; Latin words
 * are runs without {@code w:rtl}, so Word orders an English sentence left to right with its full stop at its end.
 */
record DocxWriter(XWPFDocument doc, boolean rtl) {

    /** A paragraph in the direction {@code paragraphRtl}. */
    XWPFParagraph paragraph(ParagraphAlignment alignment, boolean paragraphRtl) {
        XWPFParagraph p = doc.createParagraph();
        if (paragraphRtl) {
            bidi(p);
        }
        if (alignment != null) {
            p.setAlignment(alignment);
        }
        return p;
    }

    void bidi(XWPFParagraph p) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        ppr.addNewBidi();
    }

    /** {@code text} as runs of one direction each; {@code points} 0 leaves the size to the paragraph's style. */
    void runs(XWPFParagraph p, String text, boolean paragraphRtl, int points) {
        if (text.isEmpty()) {
            return;
        }
        for (BidiText.Run part : BidiText.runs(text)) {
            // In a left-to-right paragraph only Arabic letters make a run right-to-left: a full stop after an English
            // word stays with it.
            boolean runRtl = part.rightToLeft() && (paragraphRtl || BidiText.rightToLeft(part.text(), false));
            XWPFRun r = run(p, runRtl);
            r.setText(part.text());
            if (points > 0) {
                r.setFontSize(points);
                r.getCTR().getRPr().addNewSzCs().setVal(BigInteger.valueOf(points * 2L));
            }
        }
    }

    XWPFRun run(XWPFParagraph p, boolean runRtl) {
        XWPFRun r = p.createRun();
        CTRPr rpr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
        CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
        fonts.setAscii("Noto Sans");
        fonts.setHAnsi("Noto Sans");
        fonts.setCs("Noto Sans Arabic");
        if (runRtl) {
            rpr.addNewRtl();
        }
        return r;
    }

    XWPFParagraph text(String text, int points, boolean bold, boolean italic, ParagraphAlignment alignment) {
        boolean paragraphRtl = BidiText.rightToLeft(text, rtl);
        XWPFParagraph p = paragraph(alignment, paragraphRtl);
        runs(p, text, paragraphRtl, points);
        for (XWPFRun r : p.getRuns()) {
            r.setBold(bold);
            r.setItalic(italic);
            if (bold) {
                // Complex-script weight: Word sets Arabic text bold with bCs, not with b.
                r.getCTR().getRPr().addNewBCs();
            }
        }
        return p;
    }

    /** A chart's caption directly under it, in the Caption style, kept on the chart's page. */
    void caption(String text) {
        boolean paragraphRtl = BidiText.rightToLeft(text, rtl);
        XWPFParagraph p = paragraph(null, paragraphRtl);
        p.setStyle(DocxBriefing.CAPTION_STYLE);
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        ppr.addNewKeepLines();
        runs(p, text, paragraphRtl, 0);
    }

    /** An inline picture whose alternative text ({@code wp:docPr/@descr}) is {@code alt}, not its file name. */
    void picture(XWPFParagraph p, byte[] bytes, int type, String file, long width, long height, String alt)
            throws IOException, InvalidFormatException {
        XWPFRun r = run(p, false);
        r.addPicture(new ByteArrayInputStream(bytes), type, file, (int) width, (int) height);
        CTInline inline = r.getCTR().getDrawingArray(0).getInlineArray(0);
        inline.getDocPr().setDescr(alt);
        inline.getDocPr().setTitle(alt);
    }

    void heading(String text) {
        XWPFParagraph p = text(text, 16, true, false, null);
        p.setSpacingBefore(360);
        p.setKeepNext(true);
    }

    void pageBreak() {
        run(paragraph(null, rtl), rtl).addBreak(BreakType.PAGE);
    }
}
