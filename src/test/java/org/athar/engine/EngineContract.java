package org.athar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Athar needs from any engine it runs on: its templates install idempotently, the alias points at a versioned
 * index whose strict mapping takes a report with its folded companions. Run against the embedded node and, when a
 * Docker engine exists, the official image.
 */
abstract class EngineContract {

    private static final String SAMPLE = """
            {"id":"a1","report_id":"R-1","source":"Synthetic Org","synthetic":true,
             "victim":{"name":"مُحمّد الحسن","name_folded":"محمد الحسن","gender":"male","age":34,"age_group":"adult"},
             "disappearance":{"date":"2013-05-01","date_end":"2013-05-31","precision":"month"},
             "place":{"governorate":"SY02","district":"SY0200","locality":"حلب","locality_folded":"حلب",
                      "location":{"lat":36.2,"lon":37.1}},
             "perpetrator":{"category":"government","detail":"Air Force Intelligence"},
             "status":"missing","narrative":"synthetic","narrative_folded":"synthetic",
             "provenance":{"batch_id":"b1","file_name":"f.csv","row_number":1,"imported_at":"2026-11-29T03:00:00Z",
                           "imported_by":"test","content_hash":"00"}}
            """;

    private RestClient rest;
    ElasticsearchClient client;

    abstract URI engineUri();

    /** The account to sign in with; none for an engine with security off. */
    Optional<EngineCredentials> engineCredentials() {
        return Optional.empty();
    }

    @BeforeEach
    void connect() throws Exception {
        URI uri = engineUri();
        rest = RestClient.builder(new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()))
                .setDefaultHeaders(engineCredentials()
                        .map(c -> new Header[] {new BasicHeader("Authorization", c.authorization())})
                        .orElse(new Header[0]))
                .build();
        client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        new IndexLifecycle(
                        client, new EngineEndpoint(List.of(uri), "embedded", () -> {}), new org.athar.platform.Retry())
                .install();
    }

    @AfterEach
    void disconnect() throws Exception {
        // The embedded node is shared by all tests: leave no sample report behind to skew their counts.
        for (String id : List.of("keep-me", "full")) {
            client.delete(d -> d.index(EngineIndices.REPORTS)
                    .id(id)
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        }
        rest.close();
    }

    @Test
    void the_reports_alias_points_at_the_first_versioned_index_as_write_index() throws Exception {
        Map<String, IndexAliases> aliases =
                client.indices().getAlias(a -> a.name(EngineIndices.REPORTS)).result();
        assertThat(aliases).containsOnlyKeys("athar-reports-v1");
        assertThat(aliases.get("athar-reports-v1")
                        .aliases()
                        .get(EngineIndices.REPORTS)
                        .isWriteIndex())
                .isTrue();
    }

    @Test
    void installing_again_changes_nothing_and_keeps_the_documents() throws Exception {
        client.index(i -> i.index(EngineIndices.REPORTS)
                .id("keep-me")
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                .withJson(new StringReader(SAMPLE)));
        new IndexLifecycle(
                        client,
                        new EngineEndpoint(List.of(engineUri()), "embedded", () -> {}),
                        new org.athar.platform.Retry())
                .install();
        assertThat(client.exists(e -> e.index(EngineIndices.REPORTS).id("keep-me"))
                        .value())
                .isTrue();
        assertThat(client.indices().getAlias(a -> a.name(EngineIndices.REPORTS)).result())
                .hasSize(1);
        assertThat(client.indices()
                        .getIndexTemplate(t -> t.name("athar-reports"))
                        .indexTemplates()
                        .get(0)
                        .indexTemplate()
                        .meta()
                        .get("version")
                        .to(Long.class))
                .isEqualTo(1L);
    }

    @Test
    void an_older_installed_mapping_template_is_upgraded_and_put_on_the_live_index() throws Exception {
        String current = IndexLifecycle.template("component_template", "athar-report-mappings");
        java.util.regex.Matcher found =
                java.util.regex.Pattern.compile("\"version\": (\\d+)").matcher(current);
        assertThat(found.find()).as("the report mappings carry a version").isTrue();
        long version = Long.parseLong(found.group(1));
        assertThat(version).isGreaterThan(1);
        String older = current.replace("\"version\": " + version, "\"version\": 1");
        client.cluster()
                .putComponentTemplate(t -> t.name("athar-report-mappings").withJson(new StringReader(older)));
        new IndexLifecycle(
                        client,
                        new EngineEndpoint(List.of(engineUri()), "embedded", () -> {}),
                        new org.athar.platform.Retry())
                .install();
        assertThat(client.cluster()
                        .getComponentTemplate(t -> t.name("athar-report-mappings"))
                        .componentTemplates()
                        .get(0)
                        .componentTemplate()
                        .meta()
                        .get("version")
                        .to(Long.class))
                .isEqualTo(version);
        var victim = client.indices()
                .getMapping(m -> m.index(EngineIndices.REPORTS))
                .result()
                .get("athar-reports-v1")
                .mappings()
                .properties()
                .get("victim")
                .object()
                .properties();
        assertThat(victim).containsKey("name_skeleton");
    }

    @Test
    void the_strict_mapping_accepts_a_full_report_and_rejects_an_unknown_field() throws Exception {
        var stored = client.index(i -> i.index(EngineIndices.REPORTS).id("full").withJson(new StringReader(SAMPLE)));
        assertThat(stored.result().jsonValue()).isIn("created", "updated");
        var mapping = client.indices()
                .getMapping(m -> m.index(EngineIndices.REPORTS))
                .result()
                .get("athar-reports-v1")
                .mappings()
                .properties();
        assertThat(mapping)
                .containsKeys("victim", "disappearance", "place", "perpetrator", "narrative_folded", "provenance");
        assertThat(mapping.get("victim").object().properties()).containsKeys("name_folded", "name_latin_folded");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.index(i -> i.index(EngineIndices.REPORTS)
                        .id("bad")
                        .withJson(new StringReader("{\"victim_nam\":\"typo\"}"))))
                .hasMessageContaining("strict_dynamic_mapping_exception");
    }
}
