package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pair's stored form, written straight to bytes, reads back as the same pair, with every field the index maps. */
class PairJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_pending_pair_with_a_history_reads_back_as_written() throws Exception {
        CandidatePair p = new CandidatePair(
                "A:1~B:2",
                "A:1",
                "B:2",
                "Source A",
                "مصدر ب",
                2.37,
                List.of(
                        new Feature("prior", "prior", "", "", -7.5),
                        new Feature("family_name", "agree", "ح\"لب", "HLB\\x", 6.25),
                        new Feature("date", "missing", "", "2013-04", 0)),
                Decision.PENDING,
                List.of(
                        new DecisionEvent(
                                Decision.AUTO,
                                "athar",
                                Instant.parse("2026-01-02T03:04:05.678Z"),
                                "score 5 at or above"),
                        new DecisionEvent(
                                Decision.PENDING, "reviewer", Instant.parse("2026-02-03T04:05:06Z"), "sent back")));
        ObjectNode doc = (ObjectNode) json.readTree(PairJson.write(p, "relink-1"));

        assertThat(PairJson.read(doc)).isEqualTo(p);
        assertThat(doc.get("run").asText()).isEqualTo("relink-1");
        assertThat(doc.get("reports")).hasSize(2);
        assertThat(doc.get("decided_by").asText()).isEqualTo("reviewer");
        assertThat(doc.get("updated_at").asText()).isEqualTo("2026-02-03T04:05:06Z");
        assertThat(doc.get(PairJson.UNCERTAINTY).asDouble()).isBetween(0.0, 1.0);
        assertThat(doc.has(PairJson.IMPACT)).isTrue();
    }

    @Test
    void an_automatic_pair_has_no_impact() throws Exception {
        CandidatePair p = new CandidatePair(
                "A:1~A:3",
                "A:1",
                "A:3",
                "Source A",
                "Source A",
                9.0,
                List.of(new Feature("prior", "prior", "", "", -7.5)),
                Decision.AUTO,
                List.of(new DecisionEvent(Decision.AUTO, "athar", Instant.parse("2026-01-02T03:04:05Z"), "n")));
        ObjectNode doc = (ObjectNode) json.readTree(PairJson.write(p, "r"));

        assertThat(PairJson.read(doc)).isEqualTo(p);
        assertThat(doc.has(PairJson.IMPACT)).isFalse();
        assertThat(doc.get("decision").asText()).isEqualTo("auto");
    }
}
