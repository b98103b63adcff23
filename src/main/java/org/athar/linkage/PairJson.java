package org.athar.linkage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.athar.report.ReportJson;

/**
 * A candidate pair as {@code athar-links} stores it, and back. Written field by field, straight to bytes: a full
 * re-link writes millions of pairs, and building a tree of each first cost more than the engine's indexing of it.
 */
final class PairJson {

    static final String IMPACT = "impact";
    static final String UNCERTAINTY = "uncertainty";

    private static final ObjectMapper JSON = ReportJson.newMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private PairJson() {}

    /** The stored form of {@code p}, written by run {@code run}. */
    static byte[] write(CandidatePair p, String run) {
        // Until ReviewOrder knows the persons' sizes: the least a pair can join is its own two reports.
        return write(p, run, 2);
    }

    /**
     * As above, a pending pair weighed by the {@code reportsJoined} of the persons it would join or keep apart
     * (ReviewOrder#reportsJoined), when the writer knows them (a full re-link knows its persons before it writes).
     */
    static byte[] write(CandidatePair p, String run, int reportsJoined) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1536);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", p.id());
            g.writeStringField("report_a", p.reportA());
            g.writeStringField("report_b", p.reportB());
            g.writeArrayFieldStart("reports");
            g.writeString(p.reportA());
            g.writeString(p.reportB());
            g.writeEndArray();
            g.writeStringField("source_a", p.sourceA());
            g.writeStringField("source_b", p.sourceB());
            g.writeNumberField("score", p.score());
            g.writeNumberField(UNCERTAINTY, ReviewOrder.uncertainty(p.probability()));
            if (p.decision() == Decision.PENDING) {
                g.writeNumberField(IMPACT, ReviewOrder.impact(p.probability(), reportsJoined));
            }
            g.writeStringField("decision", p.decision().code());
            g.writeStringField("decided_by", p.last().by());
            g.writeStringField("run", run);
            g.writeStringField("updated_at", p.last().at().toString());
            g.writeArrayFieldStart("features");
            for (Feature f : p.features()) {
                g.writeStartObject();
                g.writeStringField("code", f.code());
                g.writeStringField("outcome", f.outcome());
                g.writeStringField("a", f.a());
                g.writeStringField("b", f.b());
                g.writeNumberField("weight", f.weight());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("history");
            for (DecisionEvent e : p.history()) {
                g.writeStartObject();
                g.writeStringField("decision", e.decision().code());
                g.writeStringField("by", e.by());
                g.writeStringField("at", e.at().toString());
                g.writeStringField("note", e.note());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The pair a stored document holds. */
    static CandidatePair read(ObjectNode doc) {
        try {
            List<Feature> features = List.of(JSON.treeToValue(doc.get("features"), Feature[].class));
            List<DecisionEvent> history = new ArrayList<>();
            for (JsonNode e : doc.get("history")) {
                history.add(new DecisionEvent(
                        Decision.fromCode(e.get("decision").asText()).orElseThrow(),
                        e.get("by").asText(),
                        Instant.parse(e.get("at").asText()),
                        e.path("note").asText("")));
            }
            return new CandidatePair(
                    doc.get("id").asText(),
                    doc.get("report_a").asText(),
                    doc.get("report_b").asText(),
                    doc.path("source_a").asText(),
                    doc.path("source_b").asText(),
                    doc.get("score").asDouble(),
                    features,
                    Decision.fromCode(doc.get("decision").asText()).orElseThrow(),
                    history);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored pair cannot be read: " + e.getMessage(), e);
        }
    }
}
