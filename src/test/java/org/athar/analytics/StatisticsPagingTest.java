package org.athar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.athar.AtharIntegrationTest;
import org.athar.i18n.Messages;
import org.athar.ingest.ImportService;
import org.athar.report.Gazetteer;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Counts stay exact when a field has more values than one terms request returns, or a table has more cells than
 * the engine's bucket limit: then they are counted page by page, and must equal the one-request figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsPagingTest extends AtharIntegrationTest {

    private static final List<List<Dimension>> TABLES = List.of(
            List.of(Dimension.GOVERNORATE, Dimension.PERPETRATOR),
            List.of(Dimension.YEAR, Dimension.GOVERNORATE),
            List.of(Dimension.MONTH, Dimension.DISTRICT),
            List.of(Dimension.YEAR, Dimension.QUARTER),
            List.of(Dimension.SOURCE, Dimension.GENDER));

    @Autowired
    Statistics statistics;

    @Autowired
    ImportService imports;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    Messages messages;

    @Autowired
    Gazetteer gazetteer;

    private final StatisticsFixture fixture = new StatisticsFixture();

    @BeforeAll
    void load() throws IOException {
        fixture.load(imports, client);
    }

    /** Statistics whose terms requests return at most two values, and whose pages hold three combinations. */
    private Statistics paging() {
        return new Statistics(new StatsStore(client, 2, 3), messages, gazetteer);
    }

    @Test
    void more_values_than_a_terms_request_returns_are_counted_by_paging_with_the_same_figures() {
        ReportQuery q = fixture.all();
        Statistics paging = paging();
        for (Dimension d : Dimension.values()) {
            assertThat(paging.breakdown(q, d, Messages.ENGLISH))
                    .as(d.parameter())
                    .isEqualTo(statistics.breakdown(q, d, Messages.ENGLISH));
        }
        for (List<Dimension> t : TABLES) {
            assertThat(paging.crossTab(q, t.get(0), t.get(1), Messages.ARABIC))
                    .as("%s", t)
                    .isEqualTo(statistics.crossTab(q, t.get(0), t.get(1), Messages.ARABIC));
        }
        assertThat(paging.dashboard(q, Dimension.QUARTER, Dimension.DISTRICT, Dimension.STATUS, Messages.ENGLISH))
                .isEqualTo(statistics.dashboard(
                        q, Dimension.QUARTER, Dimension.DISTRICT, Dimension.STATUS, Messages.ENGLISH));
        assertThat(StatisticsFixture.counts(paging.breakdown(q, Dimension.GOVERNORATE, Messages.ENGLISH)))
                .containsValues(4L, 3L, 2L, 1L)
                .hasSize(5);
    }

    @Test
    void a_table_over_the_engines_bucket_limit_is_counted_by_paging_with_the_same_figures() throws IOException {
        ReportQuery q = fixture.all();
        List<CrossTab> expected = TABLES.stream()
                .map(t -> statistics.crossTab(q, t.get(0), t.get(1), Messages.ENGLISH))
                .toList();
        Dashboard expectedDashboard = statistics.dashboard(
                q, Dimension.MONTH, Dimension.GOVERNORATE, Dimension.PERPETRATOR, Messages.ENGLISH);
        Statistics smallPages = new Statistics(new StatsStore(client, StatsStore.TERMS_SIZE, 3), messages, gazetteer);
        maxBuckets("4");
        try {
            for (int i = 0; i < TABLES.size(); i++) {
                List<Dimension> t = TABLES.get(i);
                assertThat(smallPages.crossTab(q, t.get(0), t.get(1), Messages.ENGLISH))
                        .as("%s", t)
                        .isEqualTo(expected.get(i));
            }
            assertThat(smallPages.dashboard(
                            q, Dimension.MONTH, Dimension.GOVERNORATE, Dimension.PERPETRATOR, Messages.ENGLISH))
                    .isEqualTo(expectedDashboard);
        } finally {
            maxBuckets("null");
        }
    }

    /** Sets the engine's bucket limit per search; {@code null} restores the default. */
    private void maxBuckets(String value) throws IOException {
        // Athar's own account may not change cluster settings (least privilege): the test node's superuser does.
        org.athar.engine.TestEngine.superuserClient()
                .cluster()
                .putSettings(
                        s -> s.withJson(new StringReader("{\"persistent\":{\"search.max_buckets\":" + value + "}}")));
    }
}
