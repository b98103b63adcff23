package org.athar.sharing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.athar.engine.EngineIndices;
import org.athar.engine.Scan;
import org.athar.report.Consent;
import org.athar.report.ConsentState;
import org.athar.report.Report;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryStore;
import org.springframework.stereotype.Component;

/**
 * The reports of a query split by consent for one recipient: those it may receive ({@code consent.state} yes and
 * {@code consent.share_with_folded} {@code any} or the recipient's folded name) and the three reasons others are held
 * back. A package reads them all from one point-in-time, so its counts, records, CSV and summary describe the same
 * reports however the data changes meanwhile.
 */
@Component
class ShareableReportStore implements ShareableReports {

    /** Reports read per engine request. */
    static final int PAGE = 2_000;

    private static final String KEEP_ALIVE = "5m";

    private final ElasticsearchClient client;

    ShareableReportStore(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public <R> R select(ReportQuery query, String recipientName, Work<R> work) throws IOException {
        Queries q = new Queries(query, recipientName);
        return Scan.within(client, EngineIndices.REPORTS, KEEP_ALIVE, opened -> {
            String[] pit = {opened};
            Selection selection = new Selection() {
                @Override
                public long shareable() throws IOException {
                    return count(pit, q.shareable());
                }

                @Override
                public Withheld withheld() throws IOException {
                    return new Withheld(count(pit, q.noConsent()), count(pit, q.unknown()), count(pit, q.other()));
                }

                @Override
                public long forEach(Consumer<Report> each) throws IOException {
                    Scan<Report> scan = scan(q.shareable());
                    long read = 0;
                    Optional<List<FieldValue>> after = Optional.empty();
                    do {
                        SearchResponse<Report> page = scan.page(pit[0], after, PAGE, false);
                        pit[0] = Optional.ofNullable(page.pitId()).orElse(pit[0]);
                        List<Hit<Report>> hits = page.hits().hits();
                        for (Hit<Report> hit : hits) {
                            each.accept(hit.source());
                            read++;
                        }
                        after = hits.size() == PAGE
                                ? Optional.of(hits.get(hits.size() - 1).sort())
                                : Optional.empty();
                    } while (after.isPresent());
                    return read;
                }
            };
            return work.run(selection);
        });
    }

    @Override
    public SharePreview preview(ReportQuery query, String recipientName) throws IOException {
        Queries q = new Queries(query, recipientName);
        return new SharePreview(
                count(q.shareable()), new Withheld(count(q.noConsent()), count(q.unknown()), count(q.other())));
    }

    private Scan<Report> scan(Query query) {
        return Scan.of(client, EngineIndices.REPORTS, Report.class).query(query).keepAlive(KEEP_ALIVE);
    }

    private long count(String[] pit, Query query) throws IOException {
        SearchResponse<Report> page = scan(query).page(pit[0], Optional.empty(), 0, true);
        pit[0] = Optional.ofNullable(page.pitId()).orElse(pit[0]);
        return page.hits().total() == null ? 0 : page.hits().total().value();
    }

    private long count(Query query) throws IOException {
        return client.count(c -> c.index(EngineIndices.REPORTS).query(query)).count();
    }

    /** The query's reports split by consent; reports stored before consent was recorded have no state: unknown. */
    private record Queries(Query base, List<FieldValue> allowed) {

        Queries(ReportQuery query, String recipientName) {
            this(
                    ReportQueryStore.toQuery(query),
                    List.of(FieldValue.of(Consent.ANY), FieldValue.of(Consent.foldRecipient(recipientName))));
        }

        Query shareable() {
            return and(b -> b.filter(state(ConsentState.YES)).filter(allowedHere()));
        }

        Query noConsent() {
            return and(b -> b.filter(state(ConsentState.NO)));
        }

        Query unknown() {
            return and(b -> b.mustNot(state(ConsentState.YES)).mustNot(state(ConsentState.NO)));
        }

        Query other() {
            return and(b -> b.filter(state(ConsentState.YES)).mustNot(allowedHere()));
        }

        private Query and(java.util.function.Function<BoolQuery.Builder, BoolQuery.Builder> more) {
            return Query.of(q -> q.bool(b -> more.apply(b.filter(base))));
        }

        private Query allowedHere() {
            return Query.of(
                    q -> q.terms(t -> t.field("consent.share_with_folded").terms(v -> v.value(allowed))));
        }

        private static Query state(ConsentState state) {
            return Query.of(q -> q.term(t -> t.field("consent.state").value(state.code())));
        }
    }
}
