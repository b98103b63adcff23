package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The full re-link's writer against the real engine: every document of several bulk requests arrives, and a write the
 * engine refuses is not lost silently: closing the writer throws, naming the document.
 */
class LinkageBulkTest extends AtharIntegrationTest {

    @Autowired
    ElasticsearchClient client;

    @Test
    void every_write_of_several_requests_arrives() throws IOException {
        String index = LinkageScans.newIndex(client, EngineIndices.LINKS);
        try {
            int n = LinkageScans.BULK * 2 + 17;
            try (LinkageBulk bulk = LinkageBulk.open(client)) {
                for (int i = 0; i < n; i++) {
                    bulk.index(index, "p" + i, pair("p" + i));
                }
            }
            client.indices().refresh(r -> r.index(index));
            assertThat(client.count(c -> c.index(index)).count()).isEqualTo(n);
        } finally {
            client.indices().delete(d -> d.index(index));
        }
    }

    @Test
    void a_refused_write_fails_the_writer_and_names_the_document() throws IOException {
        String index = LinkageScans.newIndex(client, EngineIndices.LINKS);
        try {
            LinkageBulk bulk = LinkageBulk.open(client);
            bulk.index(index, "fine", pair("fine"));
            Map<String, Object> wrong = pair("wrong");
            // The pairs' mapping is strict: a field it does not know is refused.
            wrong.put("no_such_field", "x");
            bulk.index(index, "wrong", wrong);
            assertThatThrownBy(bulk::close)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("(wrong)")
                    .hasMessageContaining("no_such_field");
        } finally {
            client.indices().delete(d -> d.index(index));
        }
    }

    private static Map<String, Object> pair(String id) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("report_a", id + "-a");
        doc.put("report_b", id + "-b");
        doc.put("score", 1.5);
        doc.put("decision", "auto");
        return doc;
    }
}
