package org.athar.briefing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.athar.chart.ChartFormat;
import org.athar.chart.ChartSize;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A briefing as a Word document (POI XWPF), A4: a title page (organisation, title, period, date, profile, the
 * synthetic-data label, the caveat), the text, the key figures, each chart as a print-resolution PNG (which carries its
 * own filters, notes, caveat and sources) with its caption in Word's Caption style kept on the same page, the
 * definition, and a method and sources section. Every page's footer says "Page 3 of 7" with Word's PAGE and NUMPAGES
 * fields. Each paragraph has the direction of its first letter ({@link BidiText}).
 */
final class DocxBriefing {

    /** A4 in twentieths of a point, with 2 cm margins: the text column is 9,638 twips (6.69 in) wide. */
    private static final int PAGE_WIDTH = 11906;

    private static final int PAGE_HEIGHT = 16838;
    private static final int MARGIN = 1134;
    static final long TEXT_WIDTH_EMU = (long) (PAGE_WIDTH - 2 * MARGIN) * Units.EMU_PER_POINT / 20;
    static final String CAPTION_STYLE = "Caption";

    private DocxBriefing() {}

    static byte[] write(BriefingContent c, int k) {
        try (XWPFDocument doc = new XWPFDocument()) {
            page(doc, c.rightToLeft());
            captionStyle(doc);
            doc.getProperties().getCoreProperties().setTitle(c.title());
            doc.getProperties().getCoreProperties().setCreator("Athar");
            DocxWriter w = new DocxWriter(doc, c.rightToLeft());
            footer(doc, c, w);
            titlePage(c, k, w);
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
                XWPFParagraph p = w.paragraph(ParagraphAlignment.CENTER, c.rightToLeft());
                // Keep with next: the chart and its caption never part at a page break.
                p.setKeepNext(true);
                w.picture(
                        p,
                        png,
                        Document.PICTURE_TYPE_PNG,
                        "chart-" + n + ".png",
                        TEXT_WIDTH_EMU,
                        height,
                        chart.title());
                c.caption(n, chart).ifPresent(w::caption);
            }
            w.heading(c.text("briefing.definition"));
            List<String> definition = c.definition();
            w.text(definition.get(0), 10, false, false, null).setSpacingAfter(0);
            w.text(definition.get(1), 9, false, true, null);
            w.text(definition.get(2), 10, false, false, null);
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

    private static void titlePage(BriefingContent c, int k, DocxWriter w) throws IOException, InvalidFormatException {
        boolean issued = c.organisation().logo().isPresent() || !c.issuer().isEmpty();
        if (c.organisation().logo().isPresent()) {
            BriefingOrganisation.Logo logo = c.organisation().logo().get();
            long height = Units.toEMU(60);
            long width = Math.min(TEXT_WIDTH_EMU, height * logo.width() / logo.height());
            XWPFParagraph p = w.paragraph(ParagraphAlignment.CENTER, c.rightToLeft());
            w.picture(
                    p,
                    logo.bytes(),
                    logo.png() ? Document.PICTURE_TYPE_PNG : Document.PICTURE_TYPE_JPEG,
                    logo.png() ? "logo.png" : "logo.jpg",
                    width,
                    width * logo.height() / logo.width(),
                    c.organisation().name(c.locale()).orElse(""));
        }
        for (String line : c.issuer()) {
            w.text(line, 12, false, false, ParagraphAlignment.CENTER);
        }
        w.text(c.title(), 28, true, false, ParagraphAlignment.CENTER).setSpacingBefore(issued ? 1200 : 2400);
        w.text(c.periodLine(), 14, false, false, ParagraphAlignment.CENTER);
        w.text(c.generated(), 12, false, false, ParagraphAlignment.CENTER);
        w.text(c.profileLine(k), 12, false, false, ParagraphAlignment.CENTER);
        if (c.synthetic()) {
            w.text(c.text("data.synthetic"), 14, true, false, ParagraphAlignment.CENTER);
        }
        w.text(c.caveat(), 11, false, true, ParagraphAlignment.CENTER);
    }

    /** The footer of every page: the organisation (when set) and "Page {PAGE} of {NUMPAGES}" as Word fields. */
    private static void footer(XWPFDocument doc, BriefingContent c, DocxWriter w) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        String page = "\uE000";
        String pages = "\uE001";
        String text = c.organisation()
                        .name(c.locale())
                        .map(n -> n + c.text("chart.separator.parts"))
                        .orElse("")
                + c.text("briefing.page", page, pages);
        boolean rtl = BidiText.rightToLeft(text, c.rightToLeft());
        if (rtl) {
            w.bidi(p);
        }
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\uE000' || ch == '\uE001') {
                w.runs(p, plain.toString(), rtl, 9);
                plain.setLength(0);
                CTSimpleField field = p.getCTP().addNewFldSimple();
                field.setInstr(ch == '\uE000' ? " PAGE " : " NUMPAGES ");
                CTR shown = field.addNewR();
                shown.addNewT().setStringValue("1");
            } else {
                plain.append(ch);
            }
        }
        w.runs(p, plain.toString(), rtl, 9);
    }

    /** Word's built-in Caption style (smaller, italic, grey), so a caption reads as a caption, not a heading. */
    private static void captionStyle(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(CAPTION_STYLE);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal("caption");
        style.addNewQFormat();
        style.addNewPPr().addNewSpacing().setAfter(BigInteger.valueOf(240));
        var rpr = style.addNewRPr();
        rpr.addNewI();
        rpr.addNewICs();
        rpr.addNewSz().setVal(BigInteger.valueOf(20));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(20));
        rpr.addNewColor().setVal("44546A");
        styles.addStyle(new XWPFStyle(style, styles));
    }

    private static void page(XWPFDocument doc, boolean rtl) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        for (Consumer<BigInteger> side :
                List.<Consumer<BigInteger>>of(mar::setTop, mar::setBottom, mar::setLeft, mar::setRight)) {
            side.accept(BigInteger.valueOf(MARGIN));
        }
        mar.setFooter(BigInteger.valueOf(MARGIN / 2));
        if (rtl) {
            sect.addNewBidi();
        }
    }
}
