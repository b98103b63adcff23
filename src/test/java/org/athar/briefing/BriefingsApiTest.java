package org.athar.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportService;
import org.athar.search.RedactionFixture;
import org.athar.security.AuditFilter;
import org.athar.security.AuditLog;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.security.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code /api/v1/briefings}: saved and reopened, refused with the field named, and exported as DOCX, PPTX and PDF
 * whose contents (opened with POI and PDFBox) say what the statistics API says for the same filters, with no name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class BriefingsApiTest extends AtharIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ImportService imports;

    @Autowired
    SwitchableViewer viewer;

    @Autowired
    AuditLog audit;

    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient elasticsearch;

    private final String source = "Briefing API Test " + UUID.randomUUID();
    private String scope;

    @BeforeAll
    void importFixtures() throws IOException {
        RedactionFixture.importInto(imports, source);
        scope = "source=" + enc(source);
    }

    @AfterEach
    void backToAdmin() {
        viewer.reset();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ResponseEntity<byte[]> get(String path) {
        return http.getForEntity(URI.create(http.getRootUri() + path), byte[].class);
    }

    private ResponseEntity<String> send(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(
                URI.create(http.getRootUri() + path), method, new HttpEntity<>(body, headers), String.class);
    }

    private Map<String, Object> briefing(String title, String language, String profile) {
        return Map.of(
                "title",
                title,
                "language",
                language,
                "profile",
                profile,
                "text",
                "A synthetic briefing for tests.\nSecond paragraph.",
                "figures",
                List.of(
                        Map.of("filters", scope, "share_dimension", "perpetrator", "share_key", "government"),
                        Map.of("filters", scope + "&governorate=SY02")),
                "charts",
                List.of(
                        Map.of(
                                "kind",
                                "breakdown",
                                "filters",
                                scope,
                                "by",
                                "governorate",
                                "caption",
                                "Reports by governorate"),
                        Map.of("kind", "timeline", "filters", scope, "by", "year", "caption", "Reports by year"),
                        Map.of("kind", "map", "filters", scope),
                        Map.of(
                                "kind",
                                "crosstab",
                                "filters",
                                scope,
                                "rows",
                                "governorate",
                                "columns",
                                "status",
                                "caption",
                                "Governorate by status")));
    }

    private String create(Map<String, Object> body) throws IOException {
        ResponseEntity<String> r = send(HttpMethod.POST, "/api/v1/briefings", body);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        return JSON.readTree(r.getBody()).get("id").asText();
    }

    /** The key figure's sentence as the statistics API's figures make it. */
    private String expectedSentence(String filters, String language) throws IOException {
        JsonNode stats = JSON.readTree(get("/api/v1/stats/perpetrator?" + filters + "&lang=" + language)
                .getBody());
        long total = stats.get("total").asLong();
        JsonNode gov = null;
        for (JsonNode b : stats.get("buckets")) {
            if (b.get("key").asText().equals("government")) {
                gov = b;
            }
        }
        long pct = Math.round(100.0 * gov.get("count").asLong() / total);
        return language.equals("en")
                ? String.format(
                        Locale.ENGLISH,
                        "%,d people documented as disappeared, %d %% attributed to %s.",
                        total,
                        pct,
                        gov.get("label").asText())
                : String.format(
                        Locale.ROOT,
                        "عدد الأشخاص الموثَّق اختفاؤهم: %d، %d %% منسوبة إلى %s.",
                        total,
                        pct,
                        gov.get("label").asText());
    }

    @Test
    void a_briefing_is_saved_reopened_changed_listed_and_deleted() throws IOException {
        String id = create(briefing("Round trip", "en", "internal"));
        JsonNode read = JSON.readTree(get("/api/v1/briefings/" + id).getBody());
        assertThat(read.get("title").asText()).isEqualTo("Round trip");
        assertThat(read.get("owner").asText()).isEqualTo("test-admin");
        assertThat(read.get("charts")).hasSize(4);
        assertThat(read.get("charts").get(0).get("caption").asText()).isEqualTo("Reports by governorate");
        assertThat(read.get("figures").get(0).get("share_key").asText()).isEqualTo("government");
        assertThat(read.get("figures").get(1).get("filters").asText()).isEqualTo("governorate=SY02&" + scope);

        ObjectNode changed = JSON.valueToTree(briefing("Round trip, changed", "ar", "public"));
        ResponseEntity<String> put = send(HttpMethod.PUT, "/api/v1/briefings/" + id, changed);
        assertThat(put.getStatusCode().value()).as(put.getBody()).isEqualTo(200);
        JsonNode again = JSON.readTree(get("/api/v1/briefings/" + id).getBody());
        assertThat(again.get("title").asText()).isEqualTo("Round trip, changed");
        assertThat(again.get("language").asText()).isEqualTo("ar");
        assertThat(again.get("created").asText()).isEqualTo(read.get("created").asText());

        JsonNode list = JSON.readTree(get("/api/v1/briefings").getBody());
        assertThat(list.findValuesAsText("id")).contains(id);

        assertThat(send(HttpMethod.DELETE, "/api/v1/briefings/" + id, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        ResponseEntity<byte[]> gone = get("/api/v1/briefings/" + id);
        assertThat(gone.getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/v1/briefings/" + id + ".docx").getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void the_docx_has_the_title_the_figures_of_the_statistics_api_one_picture_per_chart_and_the_method()
            throws IOException {
        String id = create(briefing("Aleppo and beyond", "en", "internal"));
        ResponseEntity<byte[]> r = get("/api/v1/briefings/" + id + ".docx");
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().toString()).contains("wordprocessingml");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.getBody()))) {
            assertThat(doc.getAllPictures()).hasSize(4);
            assertThat(doc.getAllPictures())
                    .allSatisfy(p -> assertThat(p.suggestFileExtension()).isEqualTo("png"));
        }
        String text = BriefingFiles.docxText(r.getBody());
        assertThat(text)
                .contains(
                        "Aleppo and beyond",
                        "Key figures",
                        "Method and sources",
                        "A synthetic briefing",
                        "Reports by governorate",
                        "Reports by year",
                        "Governorate by status",
                        "Internal: exact figures",
                        "Sources: ");
        assertThat(text).contains(expectedSentence(scope, "en"));
        // The second figure: one report in Aleppo (SY02) under this source.
        assertThat(text).contains("1 person documented as disappeared.");
        // Issue 18 #15: the caveat was printed twice per chart (in the picture and again under it). Now each chart's
        // picture carries its own and the text has it once, on the title page (BriefingDocumentTest counts them per
        // page in the PDF).
        assertThat(text.split("Documented cases, not the total number of disappearances", -1).length - 1)
                .isEqualTo(1);
    }

    @Test
    void the_pptx_has_a_title_slide_text_figures_one_chart_per_slide_with_its_caption_and_the_method()
            throws IOException {
        String id = create(briefing("Deck", "en", "internal"));
        ResponseEntity<byte[]> r = get("/api/v1/briefings/" + id + ".pptx");
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(r.getBody()))) {
            List<XSLFSlide> slides = show.getSlides();
            // title, text, key figures, 4 charts, the definition (issue 18 #15), method and sources
            assertThat(slides).hasSize(9);
            assertThat(BriefingFiles.slideText(slides.get(0))).contains("Deck");
            assertThat(BriefingFiles.slideText(slides.get(2))).contains("Key figures", expectedSentence(scope, "en"));
            for (int i = 3; i < 7; i++) {
                assertThat(slides.get(i).getShapes().stream()
                                .filter(s -> s instanceof XSLFPictureShape)
                                .count())
                        .as("slide %d", i + 1)
                        .isEqualTo(1);
                // The picture draws the chart's caveat; it is not printed a second time beside it (issue 18 #15).
                assertThat(BriefingFiles.slideText(slides.get(i)))
                        .doesNotContain("Documented cases, not the total number of disappearances");
            }
            assertThat(BriefingFiles.slideText(slides.get(3))).contains("Reports by governorate");
            assertThat(BriefingFiles.slideText(slides.get(6))).contains("Governorate by status");
            assertThat(BriefingFiles.slideText(slides.get(7))).contains("Definition", "enforced disappearance");
            assertThat(BriefingFiles.slideText(slides.get(8))).contains("Method and sources");
        }
    }

    @Test
    void the_pdf_has_the_title_the_figures_and_the_captions_as_text() throws IOException {
        String id = create(briefing("Printed", "en", "internal"));
        ResponseEntity<byte[]> r = get("/api/v1/briefings/" + id + ".pdf");
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.getBody())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Printed");
        }
        String text = BriefingFiles.pdfText(r.getBody()).raw().replaceAll("\\s+", " ");
        assertThat(text)
                .contains(
                        "Printed",
                        "Key figures",
                        "Reports by governorate",
                        "Governorate by status",
                        "Method and sources",
                        expectedSentence(scope, "en"));
    }

    @Test
    void an_arabic_briefing_is_right_to_left_in_every_format() throws IOException {
        String id = create(briefing("إحاطة تجريبية", "ar", "internal"));
        byte[] docx = get("/api/v1/briefings/" + id + ".docx").getBody();
        // Issue 18 #15: every paragraph used to be right-to-left, so the English sentences of this briefing (its
        // text and captions) showed their full stop first. Now a paragraph takes the direction of its first letter,
        // and inside an Arabic paragraph only Latin words are left-to-right runs.
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<XWPFParagraph> withText = doc.getParagraphs().stream()
                    .filter(p -> !p.getText().isBlank())
                    .toList();
            assertThat(withText).isNotEmpty().allSatisfy(p -> {
                boolean arabicFirst = BidiText.rightToLeft(p.getText(), true);
                assertThat(p.getCTP().getPPr() != null && p.getCTP().getPPr().isSetBidi())
                        .as(p.getText())
                        .isEqualTo(arabicFirst);
                for (XWPFRun run : p.getRuns()) {
                    boolean arabic = run.text()
                            .codePoints()
                            .anyMatch(c ->
                                    Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC);
                    boolean latin = run.text().codePoints().anyMatch(Character::isLetter) && !arabic;
                    int rtl = run.getCTR().getRPr().sizeOfRtlArray();
                    if (arabic) {
                        assertThat(rtl).as(run.text()).isEqualTo(1);
                    }
                    if (latin) {
                        assertThat(rtl).as(run.text()).isZero();
                    }
                }
            });
            assertThat(withText).anySatisfy(p -> assertThat(p.getText()).isEqualTo("A synthetic briefing for tests."));
        }
        String docText = BriefingFiles.docxText(docx);
        assertThat(docText)
                .contains(
                        "إحاطة تجريبية",
                        "أرقام رئيسية",
                        "المنهجية والمصادر",
                        "حالات موثقة، وليست العدد الكلي لحالات الاختفاء.",
                        expectedSentence(scope, "ar"));

        byte[] pptx = get("/api/v1/briefings/" + id + ".pptx").getBody();
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            for (XSLFSlide slide : show.getSlides()) {
                for (var shape : slide.getShapes()) {
                    if (shape instanceof XSLFTextShape t) {
                        for (XSLFTextParagraph p : t.getTextParagraphs()) {
                            assertThat(p.getXmlObject().getPPr().getRtl())
                                    .as(p.getText())
                                    .isEqualTo(BidiText.rightToLeft(p.getText(), true));
                        }
                    }
                }
            }
            assertThat(BriefingFiles.slideText(show.getSlides().get(0))).contains("إحاطة تجريبية");
        }

        byte[] pdf = get("/api/v1/briefings/" + id + ".pdf").getBody();
        assertThat(BriefingFiles.pdfText(pdf).raw()).contains("المنهجية والمصادر");
    }

    @Test
    void no_file_holds_a_victim_name_locality_or_narrative() throws IOException {
        String id = create(briefing("Names check", "ar", "internal"));
        RedactionFixture.assertNoIdentityIn(
                "docx",
                BriefingFiles.unzipped(get("/api/v1/briefings/" + id + ".docx").getBody()));
        RedactionFixture.assertNoIdentityIn(
                "pptx",
                BriefingFiles.unzipped(get("/api/v1/briefings/" + id + ".pptx").getBody()));
        byte[] pdf = get("/api/v1/briefings/" + id + ".pdf").getBody();
        RedactionFixture.assertNoIdentityIn("pdf", pdf);
        RedactionFixture.assertNoIdentityIn("pdf text", BriefingFiles.pdfText(pdf));
    }

    @Test
    void a_figure_is_rebuilt_against_current_data_at_each_export() throws IOException {
        String later = "Briefing Later " + UUID.randomUUID();
        String filters = "source=" + enc(later);
        Map<String, Object> body = Map.of(
                "title",
                "Rebuilt",
                "language",
                "en",
                "profile",
                "internal",
                "figures",
                List.of(Map.of("filters", filters)),
                "charts",
                List.of());
        String id = create(body);
        assertThat(BriefingFiles.docxText(
                        get("/api/v1/briefings/" + id + ".docx").getBody()))
                .contains("0 people documented as disappeared.");
        RedactionFixture.importInto(imports, later);
        assertThat(BriefingFiles.docxText(
                        get("/api/v1/briefings/" + id + ".docx").getBody()))
                .contains("3 people documented as disappeared.");
    }

    @Test
    void bad_input_is_a_400_naming_the_field() throws IOException {
        Map<String, Object> good = briefing("Bad input", "en", "internal");
        assertThat(field(with(good, "title", " "))).isEqualTo("title");
        assertThat(field(with(good, "language", "fr"))).isEqualTo("language");
        assertThat(field(with(good, "profile", "secret"))).isEqualTo("profile");
        assertThat(field(with(good, "figures", List.of(Map.of("filters", "governorate=SY99")))))
                .isEqualTo("figures[0].filters");
        assertThat(field(with(good, "figures", List.of(Map.of("filters", "q=anything")))))
                .isEqualTo("figures[0].filters");
        assertThat(field(with(
                        good,
                        "figures",
                        List.of(Map.of("filters", "", "share_dimension", "gender", "share_key", "male")))))
                .isEqualTo("figures[0].share_dimension");
        assertThat(field(with(good, "charts", List.of(Map.of("kind", "pie"))))).isEqualTo("charts[0].kind");
        assertThat(field(with(good, "charts", List.of(Map.of("kind", "breakdown")))))
                .isEqualTo("charts[0].by");
        assertThat(field(with(
                        good, "charts", List.of(Map.of("kind", "crosstab", "rows", "status", "columns", "status")))))
                .isEqualTo("charts[0].columns");
        String id = create(good);
        JsonNode format = JSON.readTree(get("/api/v1/briefings/" + id + ".odt").getBody());
        assertThat(format.get("parameter").asText()).isEqualTo("format");
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private String field(Map<String, Object> body) throws IOException {
        ResponseEntity<String> r = send(HttpMethod.POST, "/api/v1/briefings", body);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
        return JSON.readTree(r.getBody()).get("parameter").asText();
    }

    @Test
    void advocacy_exports_public_briefings_only_and_changes_none_of_others() throws IOException {
        String internal = create(briefing("Internal one", "en", "internal"));
        String open = create(briefing("Public one", "en", "public"));
        viewer.actAs(Role.ADVOCACY);
        assertThat(get("/api/v1/briefings/" + internal + ".pdf").getStatusCode().value())
                .isEqualTo(403);
        assertThat(send(HttpMethod.POST, "/api/v1/briefings", briefing("Mine", "en", "internal"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(send(HttpMethod.DELETE, "/api/v1/briefings/" + open, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<byte[]> docx = get("/api/v1/briefings/" + open + ".docx");
        assertThat(docx.getStatusCode().value()).isEqualTo(200);
        String text = BriefingFiles.docxText(docx.getBody());
        // Three reports: every count is below k = 5, so the public figure reads withheld instead of the number (not
        // "fewer than 5": a withheld figure may be a large one withheld to protect another).
        assertThat(text)
                .contains(
                        "People documented as disappeared: withheld.",
                        "Public figures: counts below 5",
                        "Withheld: fewer than 5 documented cases, or withheld so that such a small count cannot be worked out "
                                + "from other published figures.");
        assertThat(text).doesNotContain("3 people documented", "Fewer than 5 people");
    }

    @Test
    void without_credentials_the_api_answers_401_and_each_export_is_audited() throws IOException {
        assertThat(anonymous
                        .getForEntity(URI.create(anonymous.getRootUri() + "/api/v1/briefings"), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        String id = create(briefing("Audited", "en", "internal"));
        get("/api/v1/briefings/" + id + ".pptx");
        // The audit log does not wait for a refresh; its entry is searchable within a second or so.
        var page = audit.find(Viewer.system("test"), AuditFilter.all(), 0, 50);
        for (int i = 0;
                i < 50
                        && page.entries().stream()
                                .noneMatch(e -> id.equals(e.details().get("briefing")));
                i++) {
            sleep();
            page = audit.find(Viewer.system("test"), AuditFilter.all(), 0, 50);
        }
        assertThat(page.entries()).anySatisfy(e -> {
            assertThat(e.details())
                    .containsEntry("kind", "briefing_pptx")
                    .containsEntry("briefing", id)
                    .containsEntry("rows", "4")
                    .containsEntry("profile", "internal");
        });
    }

    @Test
    void a_briefing_wide_filter_is_inherited_by_every_item_which_may_only_narrow_it() throws IOException {
        String years = scope + "&from=2014-01-01&to=2016-12-31";
        Map<String, Object> body = Map.of(
                "title",
                "Whole briefing",
                "language",
                "en",
                "profile",
                "internal",
                "filters",
                years,
                "figures",
                List.of(Map.of("filters", ""), Map.of("filters", "to=2015-12-31")),
                "charts",
                List.of(Map.of("kind", "breakdown", "filters", "governorate=SY02", "by", "status")));
        String id = create(body);
        JsonNode read = JSON.readTree(get("/api/v1/briefings/" + id).getBody());
        assertThat(read.get("filters").asText()).contains("from=2014-01-01", "to=2016-12-31", scope);
        String text =
                BriefingFiles.docxText(get("/api/v1/briefings/" + id + ".docx").getBody());
        // The first figure inherits the briefing's filters (3 reports, 2014-2016); the second narrows them to two.
        assertThat(text)
                .contains(
                        "3 people documented as disappeared.",
                        "2 people documented as disappeared.",
                        "Period covered: 2014 \u2013 2016");

        Map<String, Object> outside = with(body, "figures", List.of(Map.of("filters", "from=2010-01-01")));
        ResponseEntity<String> r = send(HttpMethod.POST, "/api/v1/briefings", outside);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(r.getBody()).get("parameter").asText()).isEqualTo("figures[0].filters");
        assertThat(r.getBody()).contains("outside the briefing's filters", "may only narrow");
        Map<String, Object> elsewhere = with(
                with(body, "filters", scope + "&governorate=SY02"),
                "charts",
                List.of(Map.of("kind", "breakdown", "filters", "governorate=SY04", "by", "status")));
        assertThat(field(elsewhere)).isEqualTo("charts[0].filters");
    }

    @Test
    void a_briefing_stored_before_briefing_wide_filters_opens_and_exports_as_before() throws IOException {
        String id = "legacy-" + UUID.randomUUID();
        String stored = "{\"id\":\"" + id + "\",\"title\":\"Legacy\",\"language\":\"en\",\"profile\":\"internal\","
                + "\"owner\":\"test-admin\",\"created\":\"2026-01-01T00:00:00Z\",\"updated\":\"2026-01-01T00:00:00Z\","
                + "\"text\":\"\",\"figures\":[{\"filters\":" + JSON.writeValueAsString(scope) + "}],\"charts\":[]}";
        elasticsearch.index(i -> i.index(org.athar.engine.EngineIndices.BRIEFINGS)
                .id(id)
                .withJson(new java.io.StringReader(stored))
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        JsonNode read = JSON.readTree(get("/api/v1/briefings/" + id).getBody());
        assertThat(read.get("filters").asText()).isEmpty();
        assertThat(BriefingFiles.docxText(
                        get("/api/v1/briefings/" + id + ".docx").getBody()))
                .contains("3 people documented as disappeared.");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
