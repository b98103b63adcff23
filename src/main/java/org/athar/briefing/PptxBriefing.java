package org.athar.briefing;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.athar.chart.ChartFormat;
import org.athar.chart.ChartSize;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextField;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextParagraphProperties;
import org.openxmlformats.schemas.presentationml.x2006.main.CTPicture;

/**
 * A briefing as a PowerPoint deck (POI XSLF), 16:9: a title slide, a slide with the text when there is one, a slide
 * of key figures when there are some, one slide per chart (the picture carries its own filters, notes, caveat and
 * sources; the caption sits directly under it), the definition, and a method and sources slide. Every slide shows its
 * number as PowerPoint's slide-number field. Each paragraph has the direction of its first letter ({@link BidiText}).
 */
final class PptxBriefing {

    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    private static final int MARGIN = 36;
    private static final int CAPTION = 44;
    private static final Color INK = new Color(0x1F, 0x29, 0x33);
    private static final Color MUTED = new Color(0x52, 0x5F, 0x6B);

    private PptxBriefing() {}

    static byte[] write(BriefingContent c, int k) {
        try (XMLSlideShow show = new XMLSlideShow()) {
            show.setPageSize(new Dimension(WIDTH, HEIGHT));
            Slides s = new Slides(show, c.rightToLeft());
            titleSlide(c, k, show, s);
            if (!c.paragraphs().isEmpty()) {
                XSLFTextBox text = s.box(show.createSlide(), MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN);
                c.paragraphs().forEach(p -> s.line(text, p, 18, false, INK, false));
            }
            if (!c.figures().isEmpty()) {
                XSLFSlide slide = show.createSlide();
                s.line(
                        s.box(slide, MARGIN, MARGIN, WIDTH - 2 * MARGIN, 50),
                        c.text("briefing.figures"),
                        28,
                        true,
                        INK,
                        false);
                XSLFTextBox list = s.box(slide, MARGIN, 100, WIDTH - 2 * MARGIN, HEIGHT - 130);
                for (BriefingContent.Figure f : c.figures()) {
                    s.line(list, f.sentence(), 20, true, INK, false);
                    s.line(list, f.filters(), 12, false, MUTED, false);
                }
            }
            int n = 0;
            for (BriefingContent.Chart chart : c.charts()) {
                n++;
                XSLFSlide slide = show.createSlide();
                ChartSize size = chart.printSize();
                XSLFPictureData data = show.addPicture(
                        c.drawer().draw(chart.spec(), ChartFormat.PNG, size), PictureData.PictureType.PNG);
                XSLFPictureShape picture = slide.createPicture(data);
                Rectangle2D area = fit(size, MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN - CAPTION);
                picture.setAnchor(area);
                picture.setName("Chart " + n);
                describe(picture, chart.title());
                c.caption(n, chart)
                        .ifPresent(caption -> s.caption(
                                s.box(slide, MARGIN, area.getMaxY() + 4, WIDTH - 2 * MARGIN, CAPTION - 4), caption));
            }
            XSLFSlide definition = show.createSlide();
            s.line(
                    s.box(definition, MARGIN, MARGIN, WIDTH - 2 * MARGIN, 50),
                    c.text("briefing.definition"),
                    28,
                    true,
                    INK,
                    false);
            XSLFTextBox words = s.box(definition, MARGIN, 100, WIDTH - 2 * MARGIN, HEIGHT - 150);
            List<String> def = c.definition();
            s.line(words, def.get(0), 16, false, INK, false);
            s.line(words, def.get(1), 12, false, MUTED, false);
            s.line(words, def.get(2), 14, false, INK, false);
            XSLFSlide method = show.createSlide();
            s.line(
                    s.box(method, MARGIN, MARGIN, WIDTH - 2 * MARGIN, 50),
                    c.text("briefing.method"),
                    28,
                    true,
                    INK,
                    false);
            XSLFTextBox notes = s.box(method, MARGIN, 100, WIDTH - 2 * MARGIN, HEIGHT - 150);
            c.method().forEach(line -> s.line(notes, line, 12, false, INK, false));
            int number = 0;
            for (XSLFSlide slide : show.getSlides()) {
                s.number(slide, ++number, c);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the briefing as PPTX", e);
        }
    }

    private static void titleSlide(BriefingContent c, int k, XMLSlideShow show, Slides s) {
        XSLFSlide title = show.createSlide();
        int top = 110;
        if (c.organisation().logo().isPresent()) {
            BriefingOrganisation.Logo logo = c.organisation().logo().get();
            XSLFPictureShape picture = title.createPicture(show.addPicture(
                    logo.bytes(), logo.png() ? PictureData.PictureType.PNG : PictureData.PictureType.JPEG));
            picture.setAnchor(fit(logo.width(), logo.height(), MARGIN, 24, WIDTH - 2 * MARGIN, 56));
            describe(picture, c.organisation().name(c.locale()).orElse(""));
            top = 140;
        }
        if (!c.issuer().isEmpty()) {
            XSLFTextBox issuer = s.box(title, MARGIN, top - 40, WIDTH - 2 * MARGIN, 40);
            c.issuer().forEach(line -> s.line(issuer, line, 14, false, MUTED, true));
            top += 20;
        }
        XSLFTextBox box = s.box(title, MARGIN, top, WIDTH - 2 * MARGIN, HEIGHT - top - MARGIN);
        s.line(box, c.title(), 36, true, INK, true);
        s.line(box, c.periodLine(), 18, false, INK, true);
        s.line(box, c.generated(), 16, false, MUTED, true);
        s.line(box, c.profileLine(k), 16, false, MUTED, true);
        if (c.synthetic()) {
            s.line(box, c.text("data.synthetic"), 18, true, new Color(0xA1, 0x3A, 0x00), true);
        }
        s.line(box, c.caveat(), 14, false, MUTED, true);
    }

    /** The picture's alternative text ({@code p:cNvPr/@descr}), read out by screen readers. */
    private static void describe(XSLFPictureShape picture, String alt) {
        ((CTPicture) picture.getXmlObject()).getNvPicPr().getCNvPr().setDescr(alt);
    }

    /** The largest rectangle of the picture's proportions inside the area, centred. */
    static Rectangle2D fit(ChartSize size, double x, double y, double width, double height) {
        return fit(size.width(), size.height(), x, y, width, height);
    }

    private static Rectangle2D fit(
            double pictureWidth, double pictureHeight, double x, double y, double width, double height) {
        double scale = Math.min(width / pictureWidth, height / pictureHeight);
        double w = pictureWidth * scale;
        double h = pictureHeight * scale;
        return new Rectangle2D.Double(x + (width - w) / 2, y + (height - h) / 2, w, h);
    }

    private record Slides(XMLSlideShow show, boolean rtl) {

        XSLFTextBox box(XSLFSlide slide, double x, double y, double width, double height) {
            XSLFTextBox box = slide.createTextBox();
            box.setAnchor(new Rectangle2D.Double(x, y, width, height));
            box.setWordWrap(true);
            box.clearText();
            return box;
        }

        XSLFTextParagraph paragraph(XSLFTextBox box, String text, boolean centred) {
            List<XSLFTextParagraph> existing = box.getTextParagraphs();
            XSLFTextParagraph p =
                    existing.size() == 1 && existing.get(0).getTextRuns().isEmpty()
                            ? existing.get(0)
                            : box.addNewTextParagraph();
            boolean paragraphRtl = BidiText.rightToLeft(text, rtl);
            CTTextParagraphProperties ppr = p.getXmlObject().isSetPPr()
                    ? p.getXmlObject().getPPr()
                    : p.getXmlObject().addNewPPr();
            ppr.setRtl(paragraphRtl);
            p.setTextAlign(
                    centred
                            ? TextParagraph.TextAlign.CENTER
                            : paragraphRtl ? TextParagraph.TextAlign.RIGHT : TextParagraph.TextAlign.LEFT);
            return p;
        }

        XSLFTextRun line(XSLFTextBox box, String text, double points, boolean bold, Color color, boolean centred) {
            XSLFTextParagraph p = paragraph(box, text, centred);
            p.setSpaceAfter(40.0);
            XSLFTextRun r = p.addNewTextRun();
            r.setText(text);
            r.setFontSize(points);
            r.setBold(bold);
            r.setFontColor(color);
            r.setFontFamily("Noto Sans");
            if (BidiText.rightToLeft(text, rtl)) {
                r.getRPr(true).setLang("ar-SY");
            }
            return r;
        }

        /** A chart's caption: smaller, italic and grey, directly under the picture, never a slide title. */
        void caption(XSLFTextBox box, String text) {
            line(box, text, 14, false, MUTED, false).setItalic(true);
        }

        /** The slide's number in its bottom corner (PowerPoint's slidenum field), after the organisation's name. */
        void number(XSLFSlide slide, int number, BriefingContent c) {
            XSLFTextBox box = box(slide, MARGIN, HEIGHT - 28, WIDTH - 2 * MARGIN, 22);
            String name = c.organisation()
                    .name(c.locale())
                    .map(n -> n + c.text("chart.separator.parts"))
                    .orElse("");
            XSLFTextParagraph p = paragraph(box, name.isEmpty() ? String.valueOf(number) : name, false);
            p.setTextAlign(rtl ? TextParagraph.TextAlign.LEFT : TextParagraph.TextAlign.RIGHT);
            if (!name.isEmpty()) {
                XSLFTextRun r = p.addNewTextRun();
                r.setText(name);
                r.setFontSize(10.0);
                r.setFontColor(MUTED);
                r.setFontFamily("Noto Sans");
            }
            CTTextField field = p.getXmlObject().addNewFld();
            field.setId("{"
                    + UUID.nameUUIDFromBytes(("slide" + number).getBytes(StandardCharsets.UTF_8))
                            .toString()
                            .toUpperCase(Locale.ROOT)
                    + "}");
            field.setType("slidenum");
            field.addNewRPr().setSz(1000);
            field.setT(String.valueOf(number));
        }
    }
}
