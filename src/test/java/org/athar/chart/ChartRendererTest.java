package org.athar.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.athar.RenderedText;
import org.athar.i18n.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every chart kind, in English and Arabic, written in every format and read back as a user's tools read it. The
 * files are kept under target/charts (and an HTML page per chart with its interactive SVG and the web fonts).
 */
class ChartRendererTest {

    private static final ChartRenderer RENDERER = new ChartRenderer(ChartFixtures.MESSAGES);
    private static final ChartSize SCREEN = ChartSize.of(960, 540);

    static Stream<ChartCase> cases() {
        return ChartCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void png_opens_with_the_requested_pixels_and_says_its_dpi(ChartCase c) throws IOException {
        ChartSize size = new ChartSize(1600, 900, 300);
        byte[] png = RENDERER.render(c.data(), c.text(), c.locale(), ChartFormat.PNG, size);
        ChartFiles.save(c.file(ChartFormat.PNG), png);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(900);
        assertThat(dpi(png)).isEqualTo(300.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(image.getRGB(0, 0)).as("white ground").isEqualTo(0xFFFFFFFF);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void svg_is_xml_whose_text_elements_hold_the_labels_title_and_caveat(ChartCase c) {
        byte[] bytes = RENDERER.render(c.data(), c.text(), c.locale(), ChartFormat.SVG, SCREEN);
        ChartFiles.save(c.file(ChartFormat.SVG), bytes);
        Document svg = ChartFiles.xml(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));

        Element root = svg.getDocumentElement();
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 960 540");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo(c.text().title());
        assertThat(root.getAttribute("font-family"))
                .contains("Noto Sans")
                .contains("Noto Sans Arabic")
                .endsWith("sans-serif");
        List<String> texts = ChartFiles.texts(svg);
        String all = String.join(" ", texts);
        assertThat(texts).contains(c.text().title(), c.text().caveat());
        for (String label : c.labels()) {
            assertThat(all).as("label %s on %s", label, c).contains(label);
        }
        assertThat(ChartFiles.overlays(svg))
                .as("a file has no interactive overlays")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void interactive_svg_has_one_overlay_per_bar_or_area_with_its_key_and_figure(ChartCase c) {
        String svg = RENDERER.interactiveSvg(c.data(), c.text(), c.locale(), SCREEN);
        ChartFiles.save(c + ".html", page(c, svg).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Element> overlays = ChartFiles.overlays(ChartFiles.xml(svg));

        List<String> keys = overlays.stream()
                .map(o -> o.hasAttribute("data-key")
                        ? o.getAttribute("data-key")
                        : o.getAttribute("data-row") + "/" + o.getAttribute("data-col"))
                .toList();
        assertThat(keys).containsExactlyInAnyOrderElementsOf(c.keys());
        for (Element overlay : overlays) {
            assertThat(overlay.getAttribute("fill-opacity")).isEqualTo("0");
            Node title =
                    overlay.getElementsByTagNameNS(SvgOutput.SVG_NS, "title").item(0);
            assertThat(title.getTextContent()).matches(".+: (withheld|محجوب|[0-9][0-9,]*)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void interactive_svg_draws_exactly_what_the_svg_file_draws(ChartCase c) {
        String file = new String(
                RENDERER.render(c.data(), c.text(), c.locale(), ChartFormat.SVG, SCREEN),
                java.nio.charset.StandardCharsets.UTF_8);
        String interactive = RENDERER.interactiveSvg(c.data(), c.text(), c.locale(), SCREEN);
        String overlays = interactive.substring(
                interactive.indexOf("<g class=\"athar-overlays\""), interactive.lastIndexOf("</svg>"));
        // The same drawing: only the ids' prefixes (each chart its own) and the root's sizing (the page's chart
        // scales to its card, the file keeps its size) differ.
        String page = withoutIdPrefix(interactive.replace(overlays, ""));
        String drawn = withoutIdPrefix(file.substring(file.indexOf("<svg")));
        assertThat(page.substring(page.indexOf('>'))).isEqualTo(drawn.substring(drawn.indexOf('>')));
        assertThat(rootWithoutSizing(page)).isEqualTo(rootWithoutSizing(drawn));
    }

    static String withoutIdPrefix(String svg) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile(" id=\"(c[0-9a-z]+-)").matcher(svg);
        return m.find() ? svg.replace(m.group(1), "") : svg;
    }

    private static String rootWithoutSizing(String svg) {
        return svg.substring(0, svg.indexOf('>'))
                .replaceAll(" (width|height|style|preserveAspectRatio)=\"[^\"]*\"", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pdf_is_one_vector_page_of_the_drawing_size(ChartCase c) throws IOException {
        byte[] pdf = RENDERER.render(c.data(), c.text(), c.locale(), ChartFormat.PDF, SCREEN);
        ChartFiles.save(c.file(ChartFormat.PDF), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isEqualTo(720f);
            assertThat(page.getHeight()).isEqualTo(405f);
            // Athar embeds its own fonts, so this text layer is the same whatever fonts the machine has.
            RenderedText layer = RenderedText.of(document);
            String text = layer.raw();
            if (c.locale().equals(Messages.ENGLISH)) {
                assertThat(text).contains(c.text().title(), c.text().caveat(), "SNHR", "2026");
                c.labels()
                        .forEach(label ->
                                assertThat(text.replaceAll("\\s+", " ")).contains(label));
            } else {
                // Figures and Latin labels are real text; Arabic is drawn as glyph outlines: not text, but ink
                // where it belongs (the title at the top right).
                assertThat(text).containsPattern("[0-9],?[0-9]");
                // (A map's callout puts its figure inside an Arabic name, so that one is an outline too.)
                c.labels().stream()
                        .filter(l -> l.codePoints().noneMatch(ChartRendererTest::arabic))
                        .filter(l -> !c.name().endsWith("map"))
                        .forEach(label -> assertThat(text).contains(label));
                assertThat(text).doesNotContain(ChartFiles.withoutMarks(c.text().title()));
                assertThat(layer.has(c.text().title()))
                        .as("the Arabic title as text, in any order")
                        .isFalse();
                BufferedImage rendered = new PDFRenderer(document).renderImageWithDPI(0, 96);
                ImageIO.write(
                        rendered,
                        "png",
                        ChartFiles.DIR.resolve(c + "-pdf-page.png").toFile());
                assertThat(inkShare(rendered, 0.6, 1.0, 0.0, 0.1))
                        .as("title ink at the top right")
                        .isGreaterThan(0.02);
                assertThat(inkShare(rendered, 0.0, 0.3, 0.0, 0.1))
                        .as("nothing at the top left")
                        .isLessThan(0.001);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void a_png_too_small_for_its_dpi_is_refused_naming_what_to_change() {
        ChartCase c = ChartCase.all().findFirst().orElseThrow();
        assertThatThrownBy(() ->
                        RENDERER.render(c.data(), c.text(), c.locale(), ChartFormat.PNG, new ChartSize(600, 400, 600)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("600×400 pixels at 600 dpi")
                .hasMessageContaining("lower dpi");
    }

    private static boolean arabic(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC;
    }

    /** The share of dark pixels in a region given as fractions of the image's width and height. */
    static double inkShare(BufferedImage image, double x0, double x1, double y0, double y1) {
        int dark = 0;
        int all = 0;
        for (int x = (int) (x0 * image.getWidth()); x < (int) (x1 * image.getWidth()); x++) {
            for (int y = (int) (y0 * image.getHeight()); y < (int) (y1 * image.getHeight()); y++) {
                int rgb = image.getRGB(x, y);
                int luminance = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                dark += luminance < 300 ? 1 : 0;
                all++;
            }
        }
        return (double) dark / all;
    }

    /** The dpi a PNG's pHYs chunk gives, as image viewers and word processors read it. */
    static double dpi(byte[] png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            Element standard = (Element) metadata.getAsTree("javax_imageio_1.0");
            Element size = (Element)
                    standard.getElementsByTagName("HorizontalPixelSize").item(0);
            double millimetresPerPixel = Double.parseDouble(size.getAttribute("value"));
            return 25.4 / millimetresPerPixel;
        }
    }

    /** A page as the Trends view will show it: the web fonts, the page's direction, the SVG inline. */
    private static String page(ChartCase c, String svg) {
        String fonts = java.nio.file.Path.of("frontend", "fonts")
                .toAbsolutePath()
                .toUri()
                .toString();
        String lang = c.locale().getLanguage();
        StringBuilder css = new StringBuilder();
        for (String[] face : new String[][] {{"Noto Sans", "NotoSans"}, {"Noto Sans Arabic", "NotoSansArabic"}}) {
            css.append("@font-face{font-family:'%s';src:url('%s%s-Regular.ttf')}".formatted(face[0], fonts, face[1]));
            css.append("@font-face{font-family:'%s';font-weight:700;src:url('%s%s-Bold.ttf')}"
                    .formatted(face[0], fonts, face[1]));
        }
        return "<!doctype html><html lang='" + lang + "' dir='" + (lang.equals("ar") ? "rtl" : "ltr")
                + "'><head><meta charset='utf-8'><style>" + css + "body{margin:0}"
                + ".athar-slice:hover{fill-opacity:.2}</style></head><body>" + svg + "</body></html>";
    }
}
