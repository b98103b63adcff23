package org.athar.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.athar.search.Dimension;
import org.athar.search.SearchRequests;

/**
 * For the benchmark: runs Athar's own statistics store (behind {@code /api/v1/stats}) on a client whose requests the
 * benchmark records, so the very same aggregations can be replayed straight to Elasticsearch.
 */
public final class StatsRequests {

    private StatsRequests() {}

    /** What {@code /api/v1/stats/dashboard} counts with its defaults (month; governorate × perpetrator). */
    public static void dashboard(ElasticsearchClient client, Map<String, List<String>> params) throws IOException {
        new StatsStore(client)
                .tallies(
                        SearchRequests.query(params),
                        List.of(
                                List.of(Dimension.MONTH),
                                List.of(Dimension.GOVERNORATE),
                                List.of(Dimension.PERPETRATOR),
                                List.of(Dimension.STATUS),
                                List.of(Dimension.GOVERNORATE, Dimension.PERPETRATOR)));
    }

    /** What {@code /api/v1/stats/{dimension}} counts. */
    public static void breakdown(ElasticsearchClient client, Map<String, List<String>> params, String dimension)
            throws IOException {
        new StatsStore(client)
                .tallies(
                        SearchRequests.query(params),
                        List.of(List.of(Dimension.fromParameter(dimension).orElseThrow())));
    }

    /** What {@code /api/v1/stats/crosstab?rows=..&columns=..} counts. */
    public static void crossTab(
            ElasticsearchClient client, Map<String, List<String>> params, String rows, String columns)
            throws IOException {
        new StatsStore(client)
                .tallies(
                        SearchRequests.query(params),
                        List.of(List.of(
                                Dimension.fromParameter(rows).orElseThrow(),
                                Dimension.fromParameter(columns).orElseThrow())));
    }
}
