package org.athar.linkage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.athar.engine.EngineIndices;
import org.athar.report.ReportJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The installation's linkage model in {@code athar-linkage-model} (one document), and the model in use: the stored
 * one, or {@link LinkageModel#DEFAULT} before any full re-link has estimated one. Incremental linking scores with it.
 */
@Component
public class ModelStore {

    static final String ID = "current";
    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);

    private final ElasticsearchClient client;
    private final ObjectMapper json = ReportJson.newMapper();
    private volatile LinkageModel current;

    ModelStore(ElasticsearchClient client) {
        this.client = client;
    }

    /** The model linking uses now. */
    public LinkageModel current() {
        LinkageModel m = current;
        if (m == null) {
            try {
                var r = client.get(g -> g.index(EngineIndices.LINKAGE_MODEL).id(ID), ObjectNode.class);
                m = r.found() && r.source() != null ? parse(json, r.source().get("model")) : LinkageModel.DEFAULT;
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "the linkage model could not be read from " + EngineIndices.LINKAGE_MODEL
                                + "; check that Elasticsearch is reachable and try again",
                        e);
            }
            current = m;
        }
        return m;
    }

    /**
     * The stored model, or the default one when it was estimated over other comparisons or levels than this version
     * compares (a backup of an earlier version): its weights would be read against the wrong levels. The next full
     * re-link estimates a fitting one.
     */
    static LinkageModel parse(ObjectMapper json, JsonNode stored) {
        try {
            LinkageModel m = json.treeToValue(stored, LinkageModel.class);
            if (fits(m)) {
                return m;
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn(
                    "The stored linkage model does not fit this version ({}); the default model is used until the"
                            + " next full re-link",
                    e.getMessage());
            return LinkageModel.DEFAULT;
        }
        log.warn("The stored linkage model compares other levels than this version; the default model is used until"
                + " the next full re-link");
        return LinkageModel.DEFAULT;
    }

    private static boolean fits(LinkageModel m) {
        for (Comparison c : Comparison.ALL) {
            LinkageModel.ComparisonModel stored = m.comparisons().get(c.ordinal());
            if (!stored.code().equals(c.code)
                    || !stored.levels().stream()
                            .map(LinkageModel.LevelModel::code)
                            .toList()
                            .equals(c.levels)) {
                return false;
            }
        }
        return true;
    }

    /** Stores {@code model} as the installation's model and uses it from now on. */
    void save(LinkageModel model) throws IOException {
        ObjectNode doc = json.createObjectNode();
        doc.put("estimated_at", model.estimatedAt().toString());
        doc.put("is_default", model.isDefault());
        doc.set("model", json.valueToTree(model));
        client.index(
                i -> i.index(EngineIndices.LINKAGE_MODEL).id(ID).document(doc).refresh(Refresh.WaitFor));
        current = model;
    }
}
