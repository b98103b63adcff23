package org.athar.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.athar.AtharIntegrationTest;
import org.athar.RenderedText;
import org.athar.ingest.ImportService;
import org.athar.search.RedactionFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openxmlformats.schemas.presentationml.x2006.main.CTPicture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Briefing files read page by page, as a reader sees them: every PDF page rendered to text (and to PNG with
 * {@code pdftoppm} when installed, under {@code target/screenshots/}) carries its page number; each caption is on its
 * chart's page, directly under it; the caveat appears once per chart; the method says persons when the charts count
 * persons; the definition of Article 2 is there; the pictures' alternative text is the chart titles. The DOCX and
 * PPTX carry page and slide number fields, the same alternative text and captions styled as captions. English and
 * Arabic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefingDocumentTest extends AtharIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TITLES_EN = List.of(
            "Persons by governorate", "Persons by year", "Persons by governorate", "Persons by governorate and status");
    private static final List<String> TITLES_AR = List.of(
            "الأشخاص حسب المحافظة", "الأشخاص حسب السنة", "الأشخاص حسب المحافظة", "الأشخاص حسب المحافظة والحالة");
    private static final String CAVEAT_EN = "Documented cases, not the total number of disappearances";
    private static final String CAVEAT_AR = "حالات موثقة، وليست العدد الكلي لحالات الاختفاء";

    @Autowired
    ImportService imports;

    private final String source = "Briefing Document Test " + UUID.randomUUID();
    private String scope;
    private String english;
    private String arabic;

    @BeforeAll
    void importFixtures() throws IOException {
        RedactionFixture.importInto(imports, source);
        scope = "source=" + URLEncoder.encode(source, StandardCharsets.UTF_8).replace("+", "%20");
        english = create("en", List.of("Reports by governorate", "Reports by year", "", "Governorate by status"));
        arabic = create("ar", List.of("البلاغات حسب المحافظة", "البلاغات حسب السنة", "", "المحافظة حسب الحالة"));
    }

    private String create(String language, List<String> captions) throws IOException {
        List<Map<String, Object>> charts = new ArrayList<>();
        charts.add(chart("breakdown", "by", "governorate", captions.get(0)));
        charts.add(chart("timeline", "by", "year", captions.get(1)));
        charts.add(chart("map", null, null, captions.get(2)));
        Map<String, Object> crosstab = chart("crosstab", "rows", "governorate", captions.get(3));
        crosstab.put("columns", "status");
        charts.add(crosstab);
        Map<String, Object> body = Map.of(
                "title",
                language.equals("ar") ? "إحاطة الصفحات" : "Pages briefing",
                "language",
                language,
                "profile",
                "internal",
                "filters",
                scope,
                "text",
                "A synthetic briefing for tests.\nSecond paragraph.",
                "figures",
                List.of(Map.of("filters", "")),
                "charts",
                charts);
        ResponseEntity<String> r =
                http.postForEntity(URI.create(http.getRootUri() + "/api/v1/briefings"), body, String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        return JSON.readTree(r.getBody()).get("id").asText();
    }

    private static Map<String, Object> chart(String kind, String key, String value, String caption) {
        Map<String, Object> c = new HashMap<>();
        c.put("kind", kind);
        c.put("filters", "");
        if (key != null) {
            c.put(key, value);
        }
        if (!caption.isEmpty()) {
            c.put("caption", caption);
        }
        return c;
    }

    private byte[] download(String id, String format) {
        ResponseEntity<byte[]> r = http.getForEntity(
                URI.create(http.getRootUri() + "/api/v1/briefings/" + id + "." + format), byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    /** One page's text layer. */
    private static String page(PDDocument doc, int number) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        return stripper.getText(doc);
    }

    /** The tagged Figures, in document order: their page and alternative text. */
    private static List<PDStructureElement> figures(PDDocument doc) {
        List<PDStructureElement> out = new ArrayList<>();
        collect(doc.getDocumentCatalog().getStructureTreeRoot(), out);
        return out;
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if ("Figure".equals(e.getStructureType())) {
                    out.add(e);
                }
                collect(e, out);
            }
        }
    }

    /** Each page of the PDF as PNG under target/screenshots/, for a reviewer; skipped without pdftoppm. */
    private static void screenshots(byte[] pdf, String name) throws IOException, InterruptedException {
        boolean installed = java.util.Arrays.stream(
                        System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "pdftoppm")));
        if (!installed) {
            return;
        }
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = Files.write(dir.resolve(name + ".pdf"), pdf);
        Process p = new ProcessBuilder(
                        "pdftoppm",
                        "-png",
                        "-r",
                        "50",
                        file.toString(),
                        dir.resolve(name).toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    private void checkPdf(
            String id, String language, List<String> titles, List<String> captions, String caveat, Pattern pageLine)
            throws Exception {
        byte[] pdf = download(id, "pdf");
        screenshots(pdf, "briefing-pages-" + language);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            List<PDStructureElement> figures = figures(doc);
            assertThat(figures)
                    .extracting(PDStructureElement::getAlternateDescription)
                    .containsExactlyElementsOf(titles);
            for (int n = 1; n <= pages; n++) {
                String text = page(doc, n);
                // Page numbers: "Page 3 of 7" (Arabic "صفحة 3 من 7") at the foot of every page.
                Matcher m = pageLine.matcher(text);
                assertThat(m.find()).as("page %d has its number: %s", n, text).isTrue();
                assertThat(List.of(m.group(1), m.group(2)))
                        .as("page %d", n)
                        .containsExactly(String.valueOf(n), String.valueOf(pages));
                PDPage page = doc.getPage(n - 1);
                long chartsHere =
                        figures.stream().filter(f -> page.equals(f.getPage())).count();
                long caveats = text.lines()
                        .filter(l -> RenderedText.ofExtracted(l).has(caveat))
                        .count();
                // Exactly one caveat per chart (drawn with the chart, not repeated under it), plus the one on the
                // title page. The charts draw Arabic letters as outlines, so in Arabic the text layer holds only the
                // title page's: no caveat printed beside a chart.
                long perChart = language.equals("ar") ? 0 : chartsHere;
                assertThat(caveats).as("caveats on page %d:%n%s", n, text).isEqualTo(perChart + (n == 1 ? 1 : 0));
            }
            // Each caption on its chart's page, directly under the chart's drawing: the first line of text below the
            // figure's box, at most 30 pt below it.
            for (int i = 0; i < titles.size(); i++) {
                if (captions.get(i).isEmpty()) {
                    continue;
                }
                PDStructureElement figure = figures.get(i);
                PDRectangle box =
                        ((PDLayoutAttributeObject) figure.getAttributes().getObject(0)).getBBox();
                int pageOfChart = doc.getPages().indexOf(figure.getPage()) + 1;
                List<Line> lines = lines(doc, pageOfChart);
                List<Line> below = lines.stream()
                        .filter(l -> l.y() < box.getLowerLeftY())
                        .sorted(java.util.Comparator.comparing(Line::y).reversed())
                        .toList();
                assertThat(below)
                        .as("text under chart %d on page %d", i + 1, pageOfChart)
                        .isNotEmpty();
                assertThat(RenderedText.ofExtracted(below.get(0).text()).has(captions.get(i)))
                        .as("the first line under chart %d is its caption: %s", i + 1, below)
                        .isTrue();
                assertThat(box.getLowerLeftY() - below.get(0).y())
                        .as("gap under chart %d", i + 1)
                        .isLessThan(30);
            }
        }
    }

    /** A line of a page's text and its baseline, in PDF units from the bottom of the page. */
    record Line(String text, float y) {}

    private static List<Line> lines(PDDocument doc, int number) throws IOException {
        List<Line> out = new ArrayList<>();
        float height = doc.getPage(number - 1).getMediaBox().getHeight();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                if (!positions.isEmpty() && !text.isBlank()) {
                    out.add(new Line(text, height - positions.get(0).getYDirAdj()));
                }
                super.writeString(text, positions);
            }
        };
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        stripper.getText(doc);
        return out;
    }

    @Test
    void every_pdf_page_has_its_number_each_caption_follows_its_chart_and_each_chart_has_one_caveat() throws Exception {
        checkPdf(
                english,
                "en",
                TITLES_EN,
                List.of(
                        "Chart 1: Reports by governorate",
                        "Chart 2: Reports by year",
                        "",
                        "Chart 4: Governorate by status"),
                CAVEAT_EN,
                Pattern.compile("Page (\\d+) of (\\d+)"));
    }

    @Test
    void the_arabic_pdf_too() throws Exception {
        checkPdf(
                arabic,
                "ar",
                TITLES_AR,
                List.of(
                        "الرسم البياني 1: البلاغات حسب المحافظة",
                        "الرسم البياني 2: البلاغات حسب السنة",
                        "",
                        "الرسم البياني 4: المحافظة حسب الحالة"),
                CAVEAT_AR,
                Pattern.compile("صفحة (\\d+) من (\\d+)"));
    }

    private void checkDocx(String id, List<String> titles, List<String> captions) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download(id, "docx")))) {
            // "Page {PAGE} of {NUMPAGES}" in the footer of every page, as Word fields.
            String footer = doc.getFooterList().stream()
                    .map(f -> f._getHdrFtr().xmlText())
                    .reduce("", String::concat);
            assertThat(footer).contains("w:instr=\" PAGE \"", "w:instr=\" NUMPAGES \"");
            List<IBodyElement> body = doc.getBodyElements();
            List<String> alt = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                if (!(body.get(i) instanceof XWPFParagraph p)
                        || p.getRuns().stream()
                                .noneMatch(r -> !r.getEmbeddedPictures().isEmpty())) {
                    continue;
                }
                int n = alt.size();
                alt.add(p.getRuns().stream()
                        .flatMap(r -> r.getCTR().getDrawingList().stream())
                        .flatMap(d -> d.getInlineList().stream())
                        .map(in -> in.getDocPr().getDescr())
                        .findFirst()
                        .orElse(""));
                assertThat(p.getCTP().getPPr().isSetKeepNext())
                        .as("chart %d is kept with its caption", n + 1)
                        .isTrue();
                if (!captions.get(n).isEmpty()) {
                    XWPFParagraph next = (XWPFParagraph) body.get(i + 1);
                    assertThat(next.getText()).isEqualTo(captions.get(n));
                    assertThat(next.getStyle()).isEqualTo(DocxBriefing.CAPTION_STYLE);
                }
            }
            assertThat(alt).containsExactlyElementsOf(titles);
            assertThat(doc.getStyles().getStyle(DocxBriefing.CAPTION_STYLE).getName())
                    .isEqualTo("caption");
        }
    }

    private void checkPptx(String id, List<String> titles, List<String> captions) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(download(id, "pptx")))) {
            List<String> alt = new ArrayList<>();
            int number = 0;
            for (XSLFSlide slide : show.getSlides()) {
                number++;
                String xml = slide.getXmlObject().xmlText();
                assertThat(xml).as("slide %d", number).contains("type=\"slidenum\"");
                assertThat(xml).as("slide %d", number).containsPattern("<a:t>" + number + "</a:t></a:fld>");
                List<XSLFPictureShape> pictures = slide.getShapes().stream()
                        .filter(sh -> sh instanceof XSLFPictureShape)
                        .map(sh -> (XSLFPictureShape) sh)
                        .toList();
                if (pictures.isEmpty()) {
                    continue;
                }
                XSLFPictureShape picture = pictures.get(0);
                int n = alt.size();
                alt.add(((CTPicture) picture.getXmlObject())
                        .getNvPicPr()
                        .getCNvPr()
                        .getDescr());
                List<XSLFTextShape> texts = slide.getShapes().stream()
                        .filter(sh -> sh instanceof XSLFTextShape)
                        .map(sh -> (XSLFTextShape) sh)
                        .filter(t -> !t.getText().matches(".*\\d+\\s*"))
                        .toList();
                if (captions.get(n).isEmpty()) {
                    assertThat(texts).as("slide %d", number).isEmpty();
                    continue;
                }
                // The caption is the slide's only text, under the picture, in italics: not a slide title.
                assertThat(texts).as("slide %d", number).hasSize(1);
                XSLFTextShape caption = texts.get(0);
                assertThat(caption.getText()).isEqualTo(captions.get(n));
                assertThat(caption.getAnchor().getY())
                        .isGreaterThanOrEqualTo(picture.getAnchor().getMaxY());
                assertThat(caption.getTextParagraphs()
                                .get(0)
                                .getTextRuns()
                                .get(0)
                                .isItalic())
                        .isTrue();
            }
            assertThat(alt).containsExactlyElementsOf(titles);
        }
    }

    @Test
    void the_docx_numbers_its_pages_describes_each_chart_by_its_title_and_styles_captions_as_captions()
            throws IOException {
        checkDocx(
                english,
                TITLES_EN,
                List.of(
                        "Chart 1: Reports by governorate",
                        "Chart 2: Reports by year",
                        "",
                        "Chart 4: Governorate by status"));
        checkDocx(
                arabic,
                TITLES_AR,
                List.of(
                        "الرسم البياني 1: البلاغات حسب المحافظة",
                        "الرسم البياني 2: البلاغات حسب السنة",
                        "",
                        "الرسم البياني 4: المحافظة حسب الحالة"));
    }

    @Test
    void the_pptx_numbers_its_slides_describes_each_chart_by_its_title_and_puts_captions_under_the_charts()
            throws IOException {
        checkPptx(
                english,
                TITLES_EN,
                List.of(
                        "Chart 1: Reports by governorate",
                        "Chart 2: Reports by year",
                        "",
                        "Chart 4: Governorate by status"));
        checkPptx(
                arabic,
                TITLES_AR,
                List.of(
                        "الرسم البياني 1: البلاغات حسب المحافظة",
                        "الرسم البياني 2: البلاغات حسب السنة",
                        "",
                        "الرسم البياني 4: المحافظة حسب الحالة"));
    }

    @Test
    void the_method_follows_what_is_counted_and_the_definition_of_article_2_is_there() throws IOException {
        String en = BriefingFiles.pdfText(download(english, "pdf")).raw().replaceAll("\\s+", " ");
        assertThat(en)
                .contains(
                        "Figures and charts that count persons count each person once",
                        "judged to describe the same person",
                        "await a reviewer's decision",
                        "\u201cenforced disappearance\u201d is considered to be the arrest, detention, abduction",
                        "Article 2",
                        "Article 3 of the Convention obliges each State Party to investigate",
                        "Sources: " + source,
                        "Every figure and chart is limited to: ");
        assertThat(en).doesNotContain("count reports count every report", "Each figure counts documented reports");
        RenderedText ar = BriefingFiles.pdfText(download(arabic, "pdf"));
        assertThat(ar.missing(
                        "يقصد بـ\"الاختفاء القسري\" الاعتقال أو الاحتجاز أو الاختطاف",
                        "الاتفاقية الدولية لحماية جميع الأشخاص من الاختفاء القسري",
                        "المادة 2",
                        "تعدّ الأرقام والرسوم التي تحصي الأشخاص كلَّ شخص مرة واحدة"))
                .as(ar.raw())
                .isEmpty();

        // A figure that counts reports adds what counting reports means; the persons' rule stays for the charts.
        Map<String, Object> body = Map.of(
                "title",
                "Mixed",
                "language",
                "en",
                "profile",
                "internal",
                "filters",
                scope,
                "figures",
                List.of(Map.of("filters", "count=reports")),
                "charts",
                List.of(chart("breakdown", "by", "status", "")));
        ResponseEntity<String> r =
                http.postForEntity(URI.create(http.getRootUri() + "/api/v1/briefings"), body, String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        String mixed = BriefingFiles.docxText(
                download(JSON.readTree(r.getBody()).get("id").asText(), "docx"));
        assertThat(mixed)
                .contains(
                        "Figures and charts that count persons count each person once",
                        "Figures and charts that count reports count every report",
                        "3 reports documenting a disappearance");
    }

    @Test
    void the_title_page_says_the_period_covered() throws IOException {
        // The fixture's three reports are from 2014, 2015 and 2016 (search/redaction.csv): with no dates in the
        // filters, the period is the years with records.
        assertThat(BriefingFiles.pdfText(download(english, "pdf")).raw()).contains("Period covered: 2014 \u2013 2016");
        assertThat(BriefingFiles.docxText(download(arabic, "docx"))).contains("الفترة المشمولة: من 2014 إلى 2016");
    }
}
