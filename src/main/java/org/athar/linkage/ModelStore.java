package org.athar.linkage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.athar.engine.EngineIndices;
import org.athar.report.ReportJson;
import org.springframework.stereotype.Component;

/**
 * The installation's linkage model in {@code athar-linkage-model} (one document), and the model in use: the stored
 * one, or {@link LinkageModel#DEFAULT} before any full re-link has estimated one. Incremental linking scores with it.
 */
@Component
public class ModelStore {

    static final String ID = "current";

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
                m = r.found() && r.source() != null
                        ? json.treeToValue(r.source().get("model"), LinkageModel.class)
                        : LinkageModel.DEFAULT;
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
