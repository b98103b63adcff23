package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The Content-Disposition of every download through the API (issue 18 #13): charts, workbook, records and
 * briefings are named after what they hold and the day, with an ASCII {@code filename} and, for Arabic files, the
 * Arabic name in {@code filename*}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadNamesApiTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    private final ExportFixture fixture = new ExportFixture();
    private String scope;
    private String sourceSlug;
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    @BeforeAll
    void load() throws IOException {
        fixture.load(imports);
        scope = "source=" + URLEncoder.encode(fixture.source, StandardCharsets.UTF_8);
        sourceSlug = fixture.source.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private ResponseEntity<byte[]> get(String path) {
        ResponseEntity<byte[]> r = http.getForEntity(URI.create(http.getRootUri() + path), byte[].class);
        assertThat(r.getStatusCode().value()).as(path).isEqualTo(200);
        return r;
    }

    private static String header(ResponseEntity<?> r) {
        return r.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    }

    @Test
    void a_chart_download_is_named_after_what_it_counts_its_dimension_filters_period_and_day() {
        ResponseEntity<byte[]> r = get("/api/v1/charts/timeline.svg?granularity=year&governorate=SY02"
                + "&from=2013-01-01&to=2013-12-31&" + scope);
        assertThat(header(r))
                .isEqualTo("attachment; filename=\"athar-persons-by-year-aleppo-" + sourceSlug + "-2013-" + today
                        + ".svg\"");
        ResponseEntity<byte[]> bars = get("/api/v1/charts/breakdown.svg?by=perpetrator&count=reports&" + scope);
        assertThat(bars.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("athar-reports-by-perpetrator-" + sourceSlug + "-" + today + ".svg");
    }

    @Test
    void an_arabic_chart_download_has_an_ascii_filename_and_its_arabic_name_in_filename_star() {
        ResponseEntity<byte[]> r = get("/api/v1/charts/breakdown.svg?by=status&lang=ar&governorate=SY02&" + scope);
        String ascii = "athar-persons-by-status-aleppo-" + sourceSlug + "-" + today + ".svg";
        assertThat(header(r)).startsWith("attachment; filename=\"" + ascii + "\"; filename*=UTF-8''");
        ContentDisposition parsed = r.getHeaders().getContentDisposition();
        assertThat(parsed.getFilename())
                .startsWith("أثر-الأشخاص-حسب-الحالة-حلب-Export-Org-")
                .endsWith("-" + today + ".svg");
    }

    @Test
    void the_workbook_and_the_records_are_named_after_their_filters_and_what_they_count() {
        assertThat(get("/api/v1/exports/workbook.xlsx?count=reports&" + scope)
                        .getHeaders()
                        .getContentDisposition()
                        .getFilename())
                .isEqualTo("athar-workbook-reports-" + sourceSlug + "-" + today + ".xlsx");
        ResponseEntity<byte[]> arabic = get("/api/v1/exports/workbook.xlsx?lang=ar&" + scope);
        assertThat(header(arabic))
                .startsWith("attachment; filename=\"athar-workbook-persons-" + sourceSlug + "-" + today
                        + ".xlsx\"; filename*=UTF-8''");
        assertThat(arabic.getHeaders().getContentDisposition().getFilename()).startsWith("أثر-مصنف-الأشخاص-");
        assertThat(header(get("/api/v1/exports/records.csv?governorate=SY02&" + scope)))
                .isEqualTo("attachment; filename=\"athar-records-aleppo-" + sourceSlug + "-" + today + ".csv\"");
        assertThat(header(get("/api/v1/exports/records.jsonl?" + scope)))
                .contains("athar-records-" + sourceSlug + "-" + today + ".jsonl");
    }

    @Test
    void a_briefing_download_carries_its_title_and_an_arabic_title_travels_in_filename_star() throws Exception {
        String english = briefing("Disappearances in Aleppo: 2013", "en");
        assertThat(header(get("/api/v1/briefings/" + english + ".docx")))
                .isEqualTo("attachment; filename=\"" + "athar-briefing-disappearances-in-aleppo-2013-" + today
                        + ".docx\"");
        String arabic = briefing("الاختفاء القسري في حلب", "ar");
        ResponseEntity<byte[]> r = get("/api/v1/briefings/" + arabic + ".pptx");
        assertThat(header(r))
                .isEqualTo("attachment; filename=\"athar-briefing-" + today + ".pptx\"; filename*=UTF-8''"
                        + DownloadName.rfc5987("أثر-إحاطة-الاختفاء-القسري-في-حلب-" + today + ".pptx"));
        assertThat(r.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("أثر-إحاطة-الاختفاء-القسري-في-حلب-" + today + ".pptx");
        assertThat(header(r)).doesNotContain(arabic);
    }

    private String briefing(String title, String language) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = Map.of(
                "title",
                title,
                "language",
                language,
                "profile",
                "internal",
                "text",
                "A synthetic briefing.",
                "figures",
                List.of(),
                "charts",
                List.of(Map.of("kind", "breakdown", "filters", scope, "by", "status", "caption", "By status")));
        ResponseEntity<String> r = http.exchange(
                URI.create(http.getRootUri() + "/api/v1/briefings"),
                HttpMethod.POST,
                new HttpEntity<>(body, headers),
                String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        return new ObjectMapper().readTree(r.getBody()).get("id").asText();
    }
}
