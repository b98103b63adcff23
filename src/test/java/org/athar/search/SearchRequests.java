package org.athar.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athar.report.Gazetteer;

/**
 * For the benchmark: runs Athar's own search code (the store behind {@code GET /api/v1/reports} and the exports) on a
 * client whose requests the benchmark records, so exactly those requests can be replayed straight to Elasticsearch.
 */
public final class SearchRequests {

    private static final Gazetteer GAZETTEER = Gazetteer.load();

    private SearchRequests() {}

    /** The query the API reads from these parameters. */
    public static ReportQuery query(Map<String, List<String>> params) {
        return ReportQueryParser.parse(params, GAZETTEER);
    }

    /** The sort the API uses: {@code sort} if given, else relevance with free text and newest first without. */
    public static ReportSort sort(ReportQuery query, Optional<String> sort) {
        return sort.map(s -> ReportSort.fromCode(s).orElseThrow())
                .orElse(query.text().isEmpty() ? ReportSort.DATE_DESC : ReportSort.RELEVANCE);
    }

    /**
     * One page as {@code GET /api/v1/reports} reads it: the first without a cursor, else the page after the cursor.
     * Returns the cursor of the next page.
     */
    public static Optional<String> page(
            ElasticsearchClient client,
            Map<String, List<String>> params,
            Optional<String> sort,
            int size,
            Optional<String> cursor)
            throws IOException {
        ReportQuery q = query(params);
        return new SearchStore(client).search(q, sort(q, sort), size, cursor).next();
    }

    /** Reads the first report of an export scan (as the exports read, {@code pageSize} per request) and stops. */
    public static void scanFirstPage(ElasticsearchClient client, Map<String, List<String>> params, int pageSize)
            throws IOException {
        try {
            new SearchStore(client).scan(query(params), pageSize, r -> {
                throw new Stop();
            });
        } catch (Stop enough) {
            // one request is all the benchmark needs to see
        }
    }

    private static final class Stop extends RuntimeException {

        Stop() {
            super(null, null, false, false);
        }
    }
}
