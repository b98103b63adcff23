package org.athar.export.briefing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.athar.export.chart.ChartFormat;
import org.athar.export.chart.ChartSize;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A briefing as a Word document (POI XWPF), A4: a title page (title, date, profile, the synthetic-data label, the
 * caveat), the text, the key figures, each chart as a print-resolution PNG with its caption, filters and the caveat,
 * and a method and sources section. Arabic: every paragraph bidi and every run right-to-left.
 */
final class DocxBriefing {

    /** A4 in twentieths of a point, with 2 cm margins: the text column is 9,638 twips (6.69 in) wide. */
    private static final int PAGE_WIDTH = 11906;
    private static final int PAGE_HEIGHT = 16838;
    private static final int MARGIN = 1134;
    static final long TEXT_WIDTH_EMU = (long) (PAGE_WIDTH - 2 * MARGIN) * Units.EMU_PER_POINT / 20;

    private DocxBriefing() {}

    static byte[] write(BriefingContent c, int k) {
        try (XWPFDocument doc = new XWPFDocument()) {
            page(doc, c.rightToLeft());
            doc.getProperties().getCoreProperties().setTitle(c.title());
            doc.getProperties().getCoreProperties().setCreator("Athar");
            Writer w = new Writer(doc, c.rightToLeft());
            w.text(c.title(), 28, true, false, ParagraphAlignment.CENTER).setSpacingBefore(2400);
            w.text(c.generated(), 12, false, false, ParagraphAlignment.CENTER);
            w.text(c.profileLine(k), 12, false, false, ParagraphAlignment.CENTER);
            if (c.synthetic()) {
                w.text(c.text("data.synthetic"), 14, true, false, ParagraphAlignment.CENTER);
            }
            w.text(c.caveat(), 11, false, true, ParagraphAlignment.CENTER);
            w.pageBreak();
            for (String p : c.paragraphs()) {
                w.text(p, 11, false, false, null);
            }
            if (!c.figures().isEmpty()) {
                w.heading(c.text("briefing.figures"));
                for (BriefingContent.Figure f : c.figures()) {
                    w.text(f.sentence(), 13, true, false, null).setSpacingAfter(0);
                    w.text(f.filters(), 9, false, false, null);
                }
            }
            int n = 0;
            for (BriefingContent.Chart chart : c.charts()) {
                n++;
                ChartSize size = chart.printSize();
                byte[] png = c.drawer().draw(chart.spec(), ChartFormat.PNG, size);
                long height = TEXT_WIDTH_EMU * size.height() / size.width();
                XWPFParagraph p = w.paragraph(ParagraphAlignment.CENTER);
                p.setKeepNext(true);
                XWPFRun r = w.run(p);
                r.addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "chart-" + n + ".png",
                        (int) TEXT_WIDTH_EMU, (int) height);
                if (!chart.caption().isEmpty()) {
                    w.text(chart.caption(), 11, true, false, null).setSpacingAfter(0);
                }
                w.text(chart.filters(), 9, false, false, null).setSpacingAfter(0);
                w.text(c.caveat(), 9, false, true, null);
            }
            w.heading(c.text("briefing.method"));
            for (String line : c.method()) {
                w.text(line, 10, false, false, null);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the briefing as DOCX", e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("POI refused a PNG chart picture", e);
        }
    }

    private static void page(XWPFDocument doc, boolean rtl) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        for (java.util.function.Consumer<BigInteger> side : java.util.List.<java.util.function.Consumer<BigInteger>>of(
                mar::setTop, mar::setBottom, mar::setLeft, mar::setRight)) {
            side.accept(BigInteger.valueOf(MARGIN));
        }
        if (rtl) {
            sect.addNewBidi();
        }
    }

    /** Paragraphs and runs in the document's direction and fonts. */
    private record Writer(XWPFDocument doc, boolean rtl) {

        XWPFParagraph paragraph(ParagraphAlignment alignment) {
            XWPFParagraph p = doc.createParagraph();
            if (rtl) {
                CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
                ppr.addNewBidi();
            }
            if (alignment != null) {
                p.setAlignment(alignment);
            }
            return p;
        }

        XWPFRun run(XWPFParagraph p) {
            XWPFRun r = p.createRun();
            CTRPr rpr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
            CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
            fonts.setAscii("Noto Sans");
            fonts.setHAnsi("Noto Sans");
            fonts.setCs("Noto Sans Arabic");
            if (rtl) {
                rpr.addNewRtl();
            }
            return r;
        }

        XWPFParagraph text(String text, int points, boolean bold, boolean italic, ParagraphAlignment alignment) {
            XWPFParagraph p = paragraph(alignment);
            XWPFRun r = run(p);
            r.setText(text);
            r.setFontSize(points);
            r.setBold(bold);
            r.setItalic(italic);
            if (rtl) {
                // Complex-script size and weight: Word sizes Arabic text with these, not with sz and b.
                CTRPr rpr = r.getCTR().getRPr();
                rpr.addNewSzCs().setVal(BigInteger.valueOf(points * 2L));
                if (bold) {
                    rpr.addNewBCs();
                }
            }
            return p;
        }

        void heading(String text) {
            XWPFParagraph p = text(text, 16, true, false, null);
            p.setSpacingBefore(360);
            p.setKeepNext(true);
        }

        void pageBreak() {
            run(paragraph(null)).addBreak(BreakType.PAGE);
        }
    }
}
