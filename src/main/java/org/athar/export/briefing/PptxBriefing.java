package org.athar.export.briefing;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.athar.export.chart.ChartFormat;
import org.athar.export.chart.ChartSize;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextParagraphProperties;

/**
 * A briefing as a PowerPoint deck (POI XSLF), 16:9: a title slide, a slide with the text when there is one, a slide
 * of key figures when there are some, one slide per chart with its caption, filters and the caveat, and a method and
 * sources slide. Arabic: every paragraph right-to-left and right-aligned.
 */
final class PptxBriefing {

    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    private static final int MARGIN = 36;
    private static final Color INK = new Color(0x1F, 0x29, 0x33);
    private static final Color MUTED = new Color(0x52, 0x5F, 0x6B);

    private PptxBriefing() {}

    static byte[] write(BriefingContent c, int k) {
        try (XMLSlideShow show = new XMLSlideShow()) {
            show.setPageSize(new Dimension(WIDTH, HEIGHT));
            Slides s = new Slides(show, c.rightToLeft());
            XSLFSlide title = show.createSlide();
            XSLFTextBox box = s.box(title, MARGIN, 140, WIDTH - 2 * MARGIN, 300);
            s.line(box, c.title(), 36, true, INK, true);
            s.line(box, c.generated(), 16, false, MUTED, true);
            s.line(box, c.profileLine(k), 16, false, MUTED, true);
            if (c.synthetic()) {
                s.line(box, c.text("data.synthetic"), 18, true, new Color(0xA1, 0x3A, 0x00), true);
            }
            s.line(box, c.caveat(), 14, false, MUTED, true);
            if (!c.paragraphs().isEmpty()) {
                XSLFTextBox text = s.box(show.createSlide(), MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN);
                c.paragraphs().forEach(p -> s.line(text, p, 18, false, INK, false));
            }
            if (!c.figures().isEmpty()) {
                XSLFSlide slide = show.createSlide();
                s.line(s.box(slide, MARGIN, MARGIN, WIDTH - 2 * MARGIN, 50), c.text("briefing.figures"), 28, true, INK,
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
                int top = MARGIN;
                if (!chart.caption().isEmpty()) {
                    s.line(s.box(slide, MARGIN, top, WIDTH - 2 * MARGIN, 40), chart.caption(), 22, true, INK, false);
                    top += 48;
                }
                XSLFTextBox foot = s.box(slide, MARGIN, HEIGHT - 60, WIDTH - 2 * MARGIN, 40);
                s.line(foot, chart.filters(), 11, false, MUTED, false);
                s.line(foot, c.caveat(), 11, false, MUTED, false);
                ChartSize size = chart.printSize();
                XSLFPictureData data = show.addPicture(c.drawer().draw(chart.spec(), ChartFormat.PNG, size),
                        PictureData.PictureType.PNG);
                XSLFPictureShape picture = slide.createPicture(data);
                picture.setAnchor(fit(size, MARGIN, top, WIDTH - 2 * MARGIN, HEIGHT - 68 - top));
                picture.setName("chart-" + n);
            }
            XSLFSlide method = show.createSlide();
            s.line(s.box(method, MARGIN, MARGIN, WIDTH - 2 * MARGIN, 50), c.text("briefing.method"), 28, true, INK,
                    false);
            XSLFTextBox notes = s.box(method, MARGIN, 100, WIDTH - 2 * MARGIN, HEIGHT - 130);
            c.method().forEach(line -> s.line(notes, line, 14, false, INK, false));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the briefing as PPTX", e);
        }
    }

    /** The largest rectangle of the picture's proportions inside the area, centred. */
    static Rectangle2D fit(ChartSize size, double x, double y, double width, double height) {
        double scale = Math.min(width / size.width(), height / size.height());
        double w = size.width() * scale;
        double h = size.height() * scale;
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

        void line(XSLFTextBox box, String text, double points, boolean bold, Color color, boolean centred) {
            List<XSLFTextParagraph> existing = box.getTextParagraphs();
            XSLFTextParagraph p = existing.size() == 1 && existing.get(0).getTextRuns().isEmpty() ? existing.get(0)
                    : box.addNewTextParagraph();
            if (rtl) {
                CTTextParagraphProperties ppr = p.getXmlObject().isSetPPr() ? p.getXmlObject().getPPr()
                        : p.getXmlObject().addNewPPr();
                ppr.setRtl(true);
            }
            p.setTextAlign(centred ? TextParagraph.TextAlign.CENTER
                    : rtl ? TextParagraph.TextAlign.RIGHT : TextParagraph.TextAlign.LEFT);
            p.setSpaceAfter(40.0);
            XSLFTextRun r = p.addNewTextRun();
            r.setText(text);
            r.setFontSize(points);
            r.setBold(bold);
            r.setFontColor(color);
            r.setFontFamily("Noto Sans");
            if (rtl) {
                r.getRPr(true).setLang("ar-SY");
            }
        }
    }
}
