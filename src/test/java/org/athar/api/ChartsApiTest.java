package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.athar.AtharIntegrationTest;
import org.athar.RenderedText;
import org.athar.ingest.ImportService;
import org.athar.search.RedactionFixture;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;

/**
 * {@code /api/v1/charts/...} serves the Trends charts as files, and the public profile is enforced: ADVOCACY gets
 * suppressed figures and is refused exact ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class ChartsApiTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    SwitchableViewer viewer;

    private final String source = "Charts API Test " + UUID.randomUUID();
    private String scope;

    @BeforeAll
    void importFixtures() throws IOException {
        RedactionFixture.importInto(imports, source);
        scope = "source=" + source.replace(" ", "%20");
    }

    @AfterEach
    void backToAdmin() {
        viewer.reset();
    }

    private ResponseEntity<byte[]> get(String pathAndQuery) {
        return http.getForEntity(URI.create(http.getRootUri() + pathAndQuery), byte[].class);
    }

    @Test
    void a_breakdown_chart_comes_as_png_at_print_resolution_svg_with_its_labels_and_a_one_page_pdf()
            throws IOException {
        ResponseEntity<byte[]> png = get("/api/v1/charts/breakdown.png?by=governorate&width=1600&height=900&" + scope);
        assertThat(png.getStatusCode().value()).isEqualTo(200);
        assertThat(png.getHeaders().getContentType().toString()).isEqualTo("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(png.getBody()));
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(900);

        ResponseEntity<byte[]> svg = get("/api/v1/charts/map.svg?lang=ar&" + scope);
        assertThat(svg.getStatusCode().value()).isEqualTo(200);
        String text = new String(svg.getBody(), StandardCharsets.UTF_8);
        assertThat(text).contains("<svg").contains("حلب");

        ResponseEntity<byte[]> pdf = get("/api/v1/charts/timeline.pdf?granularity=month&" + scope);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(get("/api/v1/charts/crosstab.svg?rows=governorate&columns=status&" + scope)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void advocacy_gets_suppressed_public_figures_and_is_refused_the_internal_profile() throws IOException {
        viewer.actAs(Role.ADVOCACY);
        JsonNode stats = new ObjectMapper()
                .readTree(get("/api/v1/stats/governorate?" + scope).getBody());
        assertThat(stats.get("profile").asText()).isEqualTo("public");
        // The fixture has three reports: every count is below k = 5, so none is published.
        assertThat(stats.get("buckets")).allSatisfy(b -> {
            assertThat(b.get("suppressed").asBoolean()).isTrue();
            assertThat(b.get("count").isNull()).isTrue();
        });
        assertThat(stats.get("total").isNull()).isTrue();
        assertThat(get("/api/v1/stats/governorate?profile=internal&" + scope)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(get("/api/v1/charts/map.svg?profile=internal&" + scope)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(get("/api/v1/charts/map.svg?" + scope).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void a_writer_gets_charts_and_statistics_without_any_victim_name_and_cannot_chart_a_name() throws IOException {
        viewer.actAs(Role.WRITER);
        for (String chart : List.of(
                "breakdown.svg?by=governorate",
                "breakdown.svg?by=status",
                "timeline.svg",
                "map.svg",
                "crosstab.svg?rows=governorate&columns=source",
                "map.svg?lang=ar")) {
            ResponseEntity<byte[]> r = get("/api/v1/charts/" + chart + (chart.contains("?") ? "&" : "?") + scope);
            assertThat(r.getStatusCode().value()).as(chart).isEqualTo(200);
            RedactionFixture.assertNoIdentityIn("a writer's chart " + chart, r.getBody());
        }
        // The search for strings sees the chart's words: the source's name is drawn where sources are bars.
        assertThat(new String(
                        get("/api/v1/charts/breakdown.svg?by=source&" + scope).getBody(), StandardCharsets.UTF_8))
                .contains(source);
        ResponseEntity<byte[]> pdf = get("/api/v1/charts/breakdown.pdf?by=perpetrator&" + scope);
        RedactionFixture.assertNoIdentityIn("a writer's PDF chart", RenderedText.ofPdf(pdf.getBody()));
        for (String stats : List.of("governorate", "source", "dashboard", "crosstab?rows=governorate&columns=status")) {
            ResponseEntity<byte[]> r = get("/api/v1/stats/" + stats + (stats.contains("?") ? "&" : "?") + scope);
            assertThat(r.getStatusCode().value()).as(stats).isEqualTo(200);
            RedactionFixture.assertNoIdentityIn("a writer's statistics " + stats, r.getBody());
        }
        ResponseEntity<byte[]> named = get("/api/v1/charts/map.svg?q="
                + java.net.URLEncoder.encode(RedactionFixture.NAMES.get(0), StandardCharsets.UTF_8) + "&" + scope);
        assertThat(named.getStatusCode().value()).isEqualTo(403);
        RedactionFixture.assertNoIdentityIn("the refusal of a chart of a name", named.getBody());
    }

    @Test
    void a_bad_chart_name_format_or_size_is_a_400_naming_the_parameter() throws IOException {
        JsonNode chart =
                new ObjectMapper().readTree(get("/api/v1/charts/pie.svg").getBody());
        assertThat(chart.get("parameter").asText()).isEqualTo("chart");
        JsonNode format =
                new ObjectMapper().readTree(get("/api/v1/charts/map.gif").getBody());
        assertThat(format.get("parameter").asText()).isEqualTo("format");
        assertThat(get("/api/v1/charts/map.png?width=10").getStatusCode().value())
                .isEqualTo(400);
        assertThat(parameter(get("/api/v1/charts/map.png?width=10"))).isEqualTo("width");
        assertThat(parameter(get("/api/v1/charts/map.png?height=9000"))).isEqualTo("height");
    }

    /** Before, a dpi out of range was named as the width it implies (1100 × 1000 / 96 pixels is too wide). */
    @Test
    void a_dpi_out_of_range_is_a_400_naming_dpi_not_the_width_it_implies() throws IOException {
        for (String dpi : List.of("1000", "10")) {
            JsonNode body = problem(get("/api/v1/charts/timeline.png?dpi=" + dpi + "&" + scope));
            assertThat(body.get("parameter").asText()).as("dpi=" + dpi).isEqualTo("dpi");
            assertThat(body.get("error").asText()).contains("dpi must be from 72 to 600");
        }
    }

    /** Before, any side too small for its dpi was named width; 200 pixels at 300 dpi is a drawing 64 pixels high. */
    @Test
    void a_height_too_small_for_its_dpi_is_a_400_naming_height_and_a_width_naming_width() throws IOException {
        JsonNode height = problem(get("/api/v1/charts/timeline.png?height=200&dpi=300&" + scope));
        assertThat(height.get("parameter").asText()).isEqualTo("height");
        assertThat(height.get("error").asText()).contains("give a larger height or a lower dpi");
        JsonNode width = problem(get("/api/v1/charts/timeline.png?width=300&dpi=300&" + scope));
        assertThat(width.get("parameter").asText()).isEqualTo("width");
    }

    private static JsonNode problem(ResponseEntity<byte[]> r) throws IOException {
        return ProblemAnswers.problem(
                new ResponseEntity<>(
                        new String(r.getBody(), StandardCharsets.UTF_8), r.getHeaders(), r.getStatusCode()),
                400,
                "bad-parameter");
    }

    private static String parameter(ResponseEntity<byte[]> r) throws IOException {
        return problem(r).get("parameter").asText();
    }
}
