package org.athar.briefing;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.athar.chart.ChartFormat;

/**
 * A briefing as PDF (PDFBox), A4, in Athar Sans (the charts' font, embedded as a subset): the same sections as the
 * DOCX, with each chart as the vector drawing of {@code /api/v1/charts/….pdf} (which carries its own filters, notes,
 * caveat and sources) and its caption directly under it on the same page. Every page is numbered ("Page 3 of 7").
 * PDFBox writes glyphs as given, so Arabic is shaped and put in visual order by {@link PdfPages}.
 */
final class PdfBriefing {

    private PdfBriefing() {}

    static byte[] write(BriefingContent c, int k) {
        List<PDDocument> charts = new ArrayList<>();
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation about = doc.getDocumentInformation();
            about.setTitle(c.title());
            about.setCreator("Athar");
            c.organisation().name(c.locale()).ifPresent(about::setAuthor);
            PdfPages pages = new PdfPages(
                    doc,
                    font(doc, "chart-fonts/AtharSans-Regular.ttf"),
                    font(doc, "chart-fonts/AtharSans-Bold.ttf"),
                    c.rightToLeft(),
                    c.locale().getLanguage());
            titlePage(c, k, pages);
            pages.newPage();
            for (String p : c.paragraphs()) {
                pages.text(p, 11, false, PdfPages.INK, false);
                pages.skip(6);
            }
            if (!c.figures().isEmpty()) {
                pages.heading(c.text("briefing.figures"));
                for (BriefingContent.Figure f : c.figures()) {
                    pages.text(f.sentence(), 13, true, PdfPages.INK, false);
                    pages.text(f.filters(), 9, false, PdfPages.MUTED, false);
                    pages.skip(6);
                }
            }
            int n = 0;
            for (BriefingContent.Chart chart : c.charts()) {
                n++;
                PDDocument drawn = Loader.loadPDF(c.drawer().draw(chart.spec(), ChartFormat.PDF, chart.vectorSize()));
                charts.add(drawn);
                PDFormXObject form = new LayerUtility(doc).importPageAsForm(drawn, 0);
                PDRectangle box = drawn.getPage(0).getMediaBox();
                Optional<String> caption = c.caption(n, chart);
                // The chart and its caption go on one page: a caption left at the top of the next page would read
                // as the title of the chart after it.
                pages.skip(8);
                pages.keep(pages.height(box) + 6 + (caption.isPresent() ? pages.height(caption.get(), 10, false) : 0));
                pages.figure(form, box, chart.title());
                if (caption.isPresent()) {
                    pages.text(caption.get(), 10, false, PdfPages.INK, false);
                }
                pages.skip(10);
            }
            pages.heading(c.text("briefing.definition"));
            List<String> definition = c.definition();
            pages.text(definition.get(0), 10, false, PdfPages.INK, false);
            pages.text(definition.get(1), 9, false, PdfPages.MUTED, false);
            pages.skip(4);
            pages.text(definition.get(2), 10, false, PdfPages.INK, false);
            pages.heading(c.text("briefing.method"));
            for (String line : c.method()) {
                pages.text(line, 10, false, PdfPages.INK, false);
                pages.skip(4);
            }
            int total = doc.getNumberOfPages();
            pages.finish(page -> c.footer(page, total));
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

    private static void titlePage(BriefingContent c, int k, PdfPages pages) throws IOException {
        if (c.organisation().logo().isPresent()) {
            pages.logo(c.organisation().logo().get(), 70);
            pages.skip(12);
        }
        for (String line : c.issuer()) {
            pages.text(line, 12, false, PdfPages.MUTED, true);
        }
        pages.skip(c.organisation().logo().isPresent() || !c.issuer().isEmpty() ? 60 : 180);
        pages.text(c.title(), 26, true, PdfPages.INK, true);
        pages.skip(12);
        pages.text(c.periodLine(), 14, false, PdfPages.INK, true);
        pages.text(c.generated(), 12, false, PdfPages.MUTED, true);
        pages.text(c.profileLine(k), 12, false, PdfPages.MUTED, true);
        if (c.synthetic()) {
            pages.text(c.text("data.synthetic"), 14, true, new Color(0xA1, 0x3A, 0x00), true);
        }
        pages.text(c.caveat(), 11, false, PdfPages.MUTED, true);
    }

    private static PDType0Font font(PDDocument doc, String resource) throws IOException {
        try (InputStream in = PdfBriefing.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The chart font " + resource + " is missing from the classpath");
            }
            return PDType0Font.load(doc, in, true);
        }
    }
}
