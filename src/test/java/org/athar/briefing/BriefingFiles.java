package org.athar.briefing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.athar.RenderedText;

/** Reads briefing files back as a user's tool would: the text of a DOCX, PPTX or PDF, and every part of a zip. */
final class BriefingFiles {

    private BriefingFiles() {}

    static String docxText(byte[] bytes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder out = new StringBuilder();
            for (XWPFParagraph p : doc.getParagraphs()) {
                out.append(p.getText()).append('\n');
            }
            return out.toString();
        }
    }

    static String slideText(XSLFSlide slide) {
        StringBuilder out = new StringBuilder();
        for (XSLFShape shape : slide.getShapes()) {
            if (shape instanceof XSLFTextShape t) {
                out.append(t.getText()).append('\n');
            }
        }
        return out.toString();
    }

    static String pptxText(byte[] bytes) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
            StringBuilder out = new StringBuilder();
            show.getSlides().forEach(s -> out.append(slideText(s)));
            return out.toString();
        }
    }

    /**
     * The text layer of an Athar PDF. Athar embeds its own fonts, so this text is the same on every machine; a PDF
     * made by another program is compared through {@link RenderedText#has}.
     */
    static RenderedText pdfText(byte[] bytes) throws IOException {
        return RenderedText.ofPdf(bytes);
    }

    /** Every part of a zip (DOCX, PPTX) as one UTF-8 text, so a name in any XML part is found. */
    static byte[] unzipped(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.write(e.getName().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                in.transferTo(out);
                out.write('\n');
            }
        }
        return out.toByteArray();
    }
}
