package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.OptionalLong;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.CrossTab;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Heading;
import org.athar.search.Dimension;
import org.junit.jupiter.api.Test;

/** A suppressed figure is written as null and flagged, never as a number: what a public client will receive. */
class StatsJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_suppressed_bucket_is_null_with_suppressed_true_and_its_profile_is_public() {
        Breakdown b = new Breakdown(
                Dimension.GOVERNORATE,
                DisclosureProfile.PUBLIC,
                OptionalLong.of(40),
                OptionalLong.empty(),
                List.of(
                        new Bucket("SY02", "Aleppo", OptionalLong.of(37)),
                        new Bucket("SY01", "Damascus", OptionalLong.empty())));
        JsonNode node = json.valueToTree(StatsJson.of(b));
        assertThat(node.get("profile").asText()).isEqualTo("public");
        assertThat(node.get("imprecise").isNull()).isTrue();
        assertThat(node.get("buckets").get(0).get("count").asLong()).isEqualTo(37);
        assertThat(node.get("buckets").get(0).get("suppressed").asBoolean()).isFalse();
        assertThat(node.get("buckets").get(1).get("count").isNull()).isTrue();
        assertThat(node.get("buckets").get(1).get("suppressed").asBoolean()).isTrue();
    }

    @Test
    void a_suppressed_cell_is_null_with_true_in_the_parallel_matrix() {
        CrossTab t = new CrossTab(
                Dimension.GOVERNORATE,
                Dimension.STATUS,
                DisclosureProfile.PUBLIC,
                List.of(new Heading("SY02", "Aleppo")),
                List.of(new Heading("missing", "Missing"), new Heading("dead", "Dead")),
                List.of(List.of(OptionalLong.of(12), OptionalLong.empty())),
                List.of(OptionalLong.empty()),
                List.of(OptionalLong.of(12), OptionalLong.empty()),
                OptionalLong.of(14),
                OptionalLong.of(0));
        JsonNode node = json.valueToTree(StatsJson.of(t));
        assertThat(node.get("cells").toString()).isEqualTo("[[12,null]]");
        assertThat(node.get("suppressedCells").toString()).isEqualTo("[[false,true]]");
        assertThat(node.get("rowTotals").toString()).isEqualTo("[null]");
        assertThat(node.get("columnTotals").toString()).isEqualTo("[12,null]");
        assertThat(node.get("rowDimension").asText()).isEqualTo("governorate");
    }
}
