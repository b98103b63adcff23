package org.athar.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.athar.report.Vocabulary;

/**
 * The one translation of a {@link ReportQuery} (and of a {@link ReportSort}) into the engine's query language,
 * shared by every store that reads reports: the grid, the counts, the statistics, the exports. Engine access code,
 * hence a {@code *Store} in name (ArchitectureTest lets only stores expose client types to other features); it holds
 * no state and sends no request.
 */
public final class ReportQueryStore {

    private ReportQueryStore() {}

    /** The Elasticsearch query for a {@link ReportQuery}; every feature that reads reports uses this one. */
    public static Query toQuery(ReportQuery query) {
        return Query.of(q -> q.bool(b -> {
            Queries.filters(b, query);
            Queries.dateInside(b, query);
            Queries.text(b, query.text());
            return b;
        }));
    }

    /** The query's filters and date range without the filter on {@code facet}: what a facet counts its values in. */
    static Query withoutFacet(ReportQuery query, Facet facet) {
        return Query.of(q -> q.bool(b -> {
            Queries.filtersExcept(b, query, Optional.of(facet));
            Queries.dateInside(b, query);
            return b;
        }));
    }

    /** The query's free text alone. */
    static Query textOnly(ReportQuery query) {
        return Query.of(q -> q.bool(b -> {
            Queries.text(b, query.text());
            return b;
        }));
    }

    static List<SortOptions> sortOptions(ReportSort sort) {
        return switch (sort) {
            case RELEVANCE -> List.of(SortOptions.of(s -> s.score(o -> o.order(SortOrder.Desc))));
            case DATE_ASC -> List.of(field("disappearance.date", SortOrder.Asc));
            case DATE_DESC -> List.of(field("disappearance.date", SortOrder.Desc));
            case NAME_ASC -> List.of(field("victim.name.keyword", SortOrder.Asc));
            case NAME_DESC -> List.of(field("victim.name.keyword", SortOrder.Desc));
        };
    }

    // The grid's windows need a total order, or equal scores could repeat or skip a report between two windows.
    static List<SortOptions> withTieBreak(ReportSort sort) {
        List<SortOptions> all = new ArrayList<>(sortOptions(sort));
        all.add(field("id", SortOrder.Asc));
        return all;
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order).missing("_last")));
    }

    static List<FieldValue> values(Collection<String> values) {
        return values.stream().sorted().map(FieldValue::of).toList();
    }

    static List<FieldValue> codes(Collection<? extends Vocabulary> values) {
        List<String> codes = new ArrayList<>();
        values.forEach(v -> codes.add(v.code()));
        return values(codes);
    }
}
