package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The full re-link's writer against the real engine: every document of several bulk requests arrives, and a write the
 * engine refuses is not lost silently: closing the writer throws, naming the document. And the indices a re-link that
 * died left behind are deleted, never the one behind the alias.
 */
class LinkageBulkTest extends AtharIntegrationTest {

    @Autowired
    ElasticsearchClient client;

    @Test
    void every_write_of_several_requests_arrives() throws IOException {
        String index = strictIndex();
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
        String index = strictIndex();
        try {
            LinkageBulk bulk = LinkageBulk.open(client);
            bulk.index(index, "fine", pair("fine"));
            Map<String, Object> wrong = pair("wrong");
            // The mapping is strict, as the pairs' is: a field it does not know is refused.
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

    @Test
    void an_index_a_dead_re_link_left_is_deleted_and_the_live_one_kept() throws IOException {
        String live = client.indices()
                .getAlias(a -> a.name(EngineIndices.LINKS))
                .result()
                .keySet()
                .iterator()
                .next();
        String orphan = LinkageScans.newIndex(client, EngineIndices.LINKS);

        assertThat(LinkageScans.dropOrphans(client, EngineIndices.LINKS))
                .contains(orphan)
                .doesNotContain(live);
        assertThat(client.indices().exists(e -> e.index(orphan)).value()).isFalse();
        assertThat(client.indices().exists(e -> e.index(live)).value()).isTrue();
    }

    /** An index of its own, outside {@code athar-links-v…}: a re-link would take an unused one there for an orphan. */
    private String strictIndex() throws IOException {
        String index = EngineIndices.LINKS + "-test-" + UUID.randomUUID();
        client.indices()
                .create(c -> c.index(index)
                        .mappings(m -> m.dynamic(DynamicMapping.Strict)
                                .properties("id", p -> p.keyword(k -> k))
                                .properties("report_a", p -> p.keyword(k -> k))
                                .properties("report_b", p -> p.keyword(k -> k))
                                .properties("score", p -> p.double_(d -> d))
                                .properties("decision", p -> p.keyword(k -> k))));
        return index;
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
