package org.athar.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.StatsRequest;
import org.athar.chart.ChartFormat;
import org.athar.chart.ChartService;
import org.athar.i18n.Messages;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout of the three briefing files without the engine: the organisation's settings on the title page and in
 * every footer (and nothing when unset), a logo that cannot be read stopping Athar at start with the setting named,
 * and the direction of English sentences inside an Arabic briefing. Charts are stand-in drawings here; the real ones
 * are checked in {@link BriefingDocumentTest}.
 */
class BriefingLayoutTest {

    private static final Messages MESSAGES = new Messages();

    @TempDir
    Path dir;

    private static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pdf(float width, float height) {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(new PDRectangle(width, height)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BriefingContent content(Locale locale, BriefingOrganisation organisation, List<String> paragraphs) {
        ChartService.Spec spec = new ChartService.Spec(
                ChartService.Kind.BREAKDOWN,
                StatsRequest.breakdown(ReportQuery.all(), Dimension.GOVERNORATE, locale, DisclosureProfile.INTERNAL));
        BriefingContent.Drawer drawer = (s, format, size) ->
                format == ChartFormat.PDF ? pdf(size.width(), size.height()) : png(size.width(), size.height());
        List<BriefingContent.Chart> charts = List.of(
                new BriefingContent.Chart("Reports by governorate", "Persons by governorate", spec),
                new BriefingContent.Chart("", "Persons by governorate", spec));
        return new BriefingContent(
                "Briefing",
                locale,
                DisclosureProfile.INTERNAL,
                "Generated 6 December 2026",
                false,
                "2014 \u2013 2016",
                organisation,
                paragraphs,
                List.of(new BriefingContent.Figure("3 people documented as disappeared.", "All reports")),
                charts,
                List.of("Sources: SNHR, VDC."),
                MESSAGES,
                drawer);
    }

    private BriefingOrganisation organisation() throws IOException {
        Path logo = Files.write(dir.resolve("logo.png"), png(240, 80));
        return new BriefingOrganisation(
                "Syrian Archive of the Missing",
                "الأرشيف السوري للمفقودين",
                "info@example.org · +963 11 000 0000",
                logo.toString());
    }

    private static int pictures(XWPFDocument doc) {
        return doc.getParagraphs().stream()
                .flatMap(p -> p.getRuns().stream())
                .mapToInt(r -> r.getEmbeddedPictures().size())
                .sum();
    }

    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> out = new java.util.ArrayList<>();
            for (int n = 1; n <= doc.getNumberOfPages(); n++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(n);
                s.setEndPage(n);
                out.add(s.getText(doc));
            }
            return out;
        }
    }

    @Test
    void the_organisation_set_in_the_settings_is_on_the_title_page_and_in_every_footer() throws IOException {
        BriefingContent c = content(Messages.ENGLISH, organisation(), List.of("Text."));
        List<String> pages = pages(PdfBriefing.write(c, 5));
        assertThat(pages.get(0))
                .contains(
                        "Syrian Archive of the Missing",
                        "info@example.org",
                        "Briefing",
                        "Period covered: 2014 \u2013 2016");
        for (int n = 0; n < pages.size(); n++) {
            assertThat(pages.get(n))
                    .contains("Syrian Archive of the Missing \u00b7 Page " + (n + 1) + " of " + pages.size());
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxBriefing.write(c, 5)))) {
            assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("Syrian Archive of the Missing");
            assertThat(pictures(doc)).isEqualTo(3); // the logo and two charts
            assertThat(doc.getFooterList().get(0).getText()).contains("Syrian Archive of the Missing");
        }
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(PptxBriefing.write(c, 5)))) {
            assertThat(BriefingFiles.slideText(show.getSlides().get(0)))
                    .contains("Syrian Archive of the Missing", "info@example.org");
            assertThat(show.getSlides().stream()
                            .flatMap(sl -> sl.getShapes().stream())
                            .filter(sh -> sh instanceof org.apache.poi.xslf.usermodel.XSLFPictureShape)
                            .count())
                    .isEqualTo(3);
        }
        // The Arabic name in an Arabic briefing.
        List<String> arabic = pages(PdfBriefing.write(content(Messages.ARABIC, organisation(), List.of()), 5));
        assertThat(org.athar.RenderedText.ofExtracted(arabic.get(0)).has("الأرشيف السوري للمفقودين"))
                .isTrue();
    }

    @Test
    void without_settings_no_organisation_appears_and_pages_are_still_numbered() throws IOException {
        BriefingContent c = content(Messages.ENGLISH, BriefingOrganisation.none(), List.of("Text."));
        List<String> pages = pages(PdfBriefing.write(c, 5));
        for (int n = 0; n < pages.size(); n++) {
            assertThat(pages.get(n))
                    .contains("Page " + (n + 1) + " of " + pages.size())
                    .doesNotContain("\u00b7 Page");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxBriefing.write(c, 5)))) {
            assertThat(pictures(doc)).isEqualTo(2);
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("Briefing");
        }
    }

    @Test
    void a_logo_that_cannot_be_read_stops_athar_at_start_naming_the_setting() throws IOException {
        Path text = Files.writeString(dir.resolve("logo.png"), "not an image", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new BriefingOrganisation("Org", "", "", text.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("athar.briefing.organisation.logo")
                .hasMessageContaining(text.toString())
                .hasMessageContaining("PNG or JPEG");
        Path missing = dir.resolve("nowhere.png");
        assertThatThrownBy(() -> new BriefingOrganisation("Org", "", "", missing.toString()))
                .hasMessageContaining("athar.briefing.organisation.logo")
                .hasMessageContaining("cannot be read");
    }

    @Test
    void an_english_sentence_in_an_arabic_briefing_keeps_its_full_stop_at_its_end() throws IOException {
        BriefingContent c = content(
                Messages.ARABIC,
                BriefingOrganisation.none(),
                List.of("A synthetic briefing for tests.", "المصادر: SNHR, VDC."));
        String pdf = pages(PdfBriefing.write(c, 5)).get(1);
        assertThat(pdf).contains("A synthetic briefing for tests.").doesNotContain(".A synthetic");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxBriefing.write(c, 5)))) {
            XWPFParagraph english = doc.getParagraphs().stream()
                    .filter(p -> p.getText().equals("A synthetic briefing for tests."))
                    .findFirst()
                    .orElseThrow();
            assertThat(english.getCTP().getPPr() == null
                            || !english.getCTP().getPPr().isSetBidi())
                    .isTrue();
            assertThat(english.getRuns())
                    .allSatisfy(r ->
                            assertThat(r.getCTR().getRPr().sizeOfRtlArray()).isZero());
            XWPFParagraph arabic = doc.getParagraphs().stream()
                    .filter(p -> p.getText().equals("المصادر: SNHR, VDC."))
                    .findFirst()
                    .orElseThrow();
            assertThat(arabic.getCTP().getPPr().isSetBidi()).isTrue();
            assertThat(arabic.getRuns()).extracting(XWPFRun::text).containsExactly("المصادر: ", "SNHR, VDC", ".");
            assertThat(arabic.getRuns())
                    .extracting(r -> r.getCTR().getRPr().sizeOfRtlArray())
                    .containsExactly(1, 0, 1);
        }
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(PptxBriefing.write(c, 5)))) {
            List<XSLFTextParagraph> paragraphs = show.getSlides().get(1).getShapes().stream()
                    .filter(s -> s instanceof XSLFTextShape)
                    .flatMap(s -> ((XSLFTextShape) s).getTextParagraphs().stream())
                    .filter(p ->
                            p.getText().contains("synthetic") || p.getText().contains("SNHR"))
                    .toList();
            assertThat(paragraphs)
                    .extracting(p -> p.getXmlObject().getPPr().getRtl())
                    .containsExactly(false, true);
        }
    }

    @Test
    void latin_words_inside_arabic_text_are_runs_of_their_own() {
        assertThat(BidiText.runs("المصادر: SNHR, VDC."))
                .containsExactly(
                        new BidiText.Run("المصادر: ", true),
                        new BidiText.Run("SNHR, VDC", false),
                        new BidiText.Run(".", true));
        assertThat(BidiText.rightToLeft("A sentence.", true)).isFalse();
        assertThat(BidiText.rightToLeft("«اقتباس» and more", false)).isTrue();
        assertThat(BidiText.rightToLeft("2014 \u2013 2016", true)).isTrue();
    }
}
