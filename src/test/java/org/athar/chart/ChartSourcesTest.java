package org.athar.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * A chart's source line names the documenting organisations whose reports are in its figures, not every source in
 * the index; under the {@code public} profile only those whose contribution is a published figure, the others as
 * "and other sources" with no number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartSourcesTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    private final String token = "Srcline" + UUID.randomUUID().toString().substring(0, 8);
    /** 12 matching reports: published under public. */
    private final String large = "Large-" + token;
    /** 2 matching reports: below k = 5, withheld under public. */
    private final String small = "Small-" + token;
    /** Reports in the index (and named in the filters) that do not match the other filters: never named. */
    private final String unrelated = "Unrelated-" + token;

    @BeforeAll
    void importReports() throws IOException {
        StringBuilder csv = new StringBuilder(
                "report_id,source,victim_name,gender,age,disappeared_on,governorate,perpetrator,status,narrative\n");
        String[] names = {
            "Basil", "Rami", "Salim", "Tarek", "Walid", "Yasin", "Ziad", "Hadi", "Jamil", "Karim", "Laith", "Majd",
            "Nabil", "Omar"
        };
        for (int i = 0; i < 12; i++) {
            csv.append(row(large, i, names[i] + " Qudsi", "1979"));
        }
        for (int i = 0; i < 2; i++) {
            csv.append(row(small, i, names[12 + i] + " Halabi", "1979"));
        }
        for (int i = 0; i < 6; i++) {
            csv.append(row(unrelated, i, names[i] + " Dimashqi", "2013"));
        }
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "sources.csv",
                new ImportOptions(Optional.empty(), "chart-sources-test", true),
                c -> {});
        assertThat(r.rejected()).as("%s", r.errors()).isZero();
    }

    private static String row(String source, int i, String name, String year) {
        return String.join(
                        ",",
                        "S" + i,
                        source,
                        "Synthetic " + name,
                        "male",
                        "30",
                        year + "-0" + (1 + i % 9) + "-10",
                        "Aleppo",
                        "government",
                        "missing",
                        "Synthetic report for the source line test")
                + "\n";
    }

    @Test
    void internal_charts_name_the_sources_whose_reports_are_drawn_and_no_other() {
        for (String chart : new String[] {
            "breakdown.svg?by=perpetrator", "timeline.svg", "map.svg", "crosstab.svg?rows=governorate&columns=status"
        }) {
            String footer = svgText(chart, "profile=internal&count=reports");
            assertThat(footer)
                    .as(chart)
                    .contains(large, small)
                    .doesNotContain(unrelated)
                    .doesNotContain("other sources");
        }
    }

    @Test
    void public_charts_name_only_sources_whose_contribution_is_published_and_say_other_sources_without_a_number() {
        String english = svgText("breakdown.svg?by=perpetrator", "profile=public&count=reports");
        assertThat(english)
                .contains(large + " and other sources")
                .doesNotContain(small)
                .doesNotContain(unrelated);
        String arabic = svgText("breakdown.svg?by=perpetrator", "profile=public&count=reports&lang=ar");
        assertThat(arabic)
                .contains(large)
                .contains("ومصادر أخرى")
                .doesNotContain(small)
                .doesNotContain(unrelated);
        // A chart of persons names the sources behind it the same way.
        assertThat(svgText("map.svg", "profile=public"))
                .contains(large)
                .contains("and other sources")
                .doesNotContain(small);
    }

    /**
     * Every text of the chart's SVG for 1979 (only this test's reports) and the three sources, joined by spaces (a
     * footer may wrap between words).
     */
    private String svgText(String chart, String parameters) {
        String filters = "from=1979-01-01&to=1979-12-31&source=" + large + "&source=" + small + "&source=" + unrelated;
        ResponseEntity<byte[]> r = http.getForEntity(
                URI.create(http.getRootUri() + "/api/v1/charts/" + chart + (chart.contains("?") ? "&" : "?")
                        + parameters + "&" + filters),
                byte[].class);
        assertThat(r.getStatusCode().value())
                .as("%s: %s", chart, r.getBody() == null ? "" : new String(r.getBody(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        String all =
                String.join(" ", ChartFiles.texts(ChartFiles.xml(new String(r.getBody(), StandardCharsets.UTF_8))));
        // The footer only (the subtitle names the filters' sources): JFreeChart draws it just before the caveat.
        boolean arabic = parameters.contains("lang=ar");
        int start = all.indexOf(arabic ? "المصدر: أثر" : "Source: Athar");
        int end = all.indexOf(arabic ? "حالات موثقة" : "Documented cases", start);
        assertThat(start).as("a footer in %s", all).isNotNegative();
        return end < 0 ? all.substring(start) : all.substring(start, end);
    }
}
