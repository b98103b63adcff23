package org.athar.api;

import java.util.ArrayList;
import java.util.List;
import org.athar.search.ReportQueryParser;

/**
 * The query parameters each endpoint that reads a whole query string accepts: the controller refuses every other
 * name with these lists, and the OpenAPI document lists exactly these names ({@link QueryParameterDocs}), so what is
 * accepted and what is documented are one list.
 */
enum QueryParameterSet {
    REPORTS(true, List.of("size", "cursor", "sort")),
    STATS_BREAKDOWN(true, List.of("lang", "profile", "count")),
    STATS_CROSSTAB(true, List.of("lang", "rows", "columns", "profile", "count")),
    STATS_DASHBOARD(true, List.of("lang", "granularity", "rows", "columns", "profile", "count")),
    RECORDS_EXPORT(true, List.of("lang")),
    WORKBOOK_EXPORT(true, List.of("lang", "profile", "count")),
    SHARING_PACKAGE(true, List.of("recipient", "draft")),
    CHART(
            true,
            List.of(
                    "lang",
                    "profile",
                    "granularity",
                    "by",
                    "rows",
                    "columns",
                    "width",
                    "height",
                    "dpi",
                    "download",
                    "count")),
    AUDIT(false, concat(AuditParameters.FILTERS, AuditParameters.WINDOW)),
    AUDIT_CSV(false, AuditParameters.FILTERS);

    private final boolean reportFilters;
    private final List<String> own;

    QueryParameterSet(boolean reportFilters, List<String> own) {
        this.reportFilters = reportFilters;
        this.own = own;
    }

    /** Whether the search filters of {@link ReportQueryParser#NAMES} are accepted too. */
    boolean reportFilters() {
        return reportFilters;
    }

    /** The names accepted besides the search filters, in the order a refusal lists them. */
    List<String> own() {
        return own;
    }

    /** Every accepted name: the search filters (where accepted) first, then {@link #own()}. */
    List<String> accepted() {
        return reportFilters ? concat(ReportQueryParser.NAMES, own) : own;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
