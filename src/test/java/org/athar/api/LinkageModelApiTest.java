package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportService;
import org.athar.linkage.LinkageReview;
import org.athar.linkage.LinkageWorker;
import org.athar.linkage.LinkedReportsFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/v1/linkage/model}: the model in use, its prior and every comparison's levels, never a name. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkageModelApiTest extends AtharIntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    LinkageWorker linkage;

    @Autowired
    LinkageReview review;

    private final LinkedReportsFixture fixture = new LinkedReportsFixture("Linkage model API");

    @BeforeAll
    void reportsLinked() throws Exception {
        fixture.importInto(imports);
        fixture.link(linkage, review);
    }

    @Test
    void a_reviewer_reads_the_prior_and_every_comparison_level_with_m_u_and_weight_and_no_name() throws Exception {
        ResponseEntity<String> r = http.getForEntity("/api/v1/linkage/model", String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        JsonNode model = new ObjectMapper().readTree(r.getBody());
        assertThat(model.get("lambda").asDouble()).isStrictlyBetween(0.0, 1.0);
        List<String> comparisons = new ArrayList<>();
        model.get("comparisons").forEach(c -> {
            comparisons.add(c.get("code").asText());
            c.get("levels").forEach(l -> {
                assertThat(l.get("m").asDouble()).isStrictlyBetween(0.0, 1.0);
                assertThat(l.get("u").asDouble()).isStrictlyBetween(0.0, 1.0);
                assertThat(l.get("weight").asDouble())
                        .isCloseTo(
                                Math.log(l.get("m").asDouble() / l.get("u").asDouble()) / Math.log(2),
                                org.assertj.core.data.Offset.offset(1e-9));
            });
        });
        assertThat(comparisons)
                .containsExactly(
                        "first_name",
                        "father_name",
                        "family_name",
                        "name_order",
                        "gender",
                        "age",
                        "date",
                        "governorate",
                        "district",
                        "perpetrator",
                        "status",
                        "source");
        assertThat(model.has("isDefault")).isTrue();
        assertThat(model.has("iterations")).isTrue();
        // Levels, never values: no Arabic letter and none of the fixture's Latin names.
        assertThat(r.getBody()).doesNotContainPattern("[\\u0600-\\u06FF]").doesNotContain("Hariri");
    }
}
