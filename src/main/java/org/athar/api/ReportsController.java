package org.athar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.athar.report.Gazetteer;
import org.athar.report.VisibleReport;
import org.athar.search.BadParameterException;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;
import org.athar.search.ReportSearch;
import org.athar.search.ReportSort;
import org.athar.search.SearchPage;
import org.athar.security.CurrentViewer;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/reports}: search reports with the query model, page deeply with a cursor, read one report. What the
 * caller may receive is decided by {@link ReportSearch} for the current viewer, not here.
 */
@RestController
@RequestMapping(value = "/api/v1/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports", description = "Find reported persons across Arabic and English")
class ReportsController {

    /** One page of results. */
    record ReportsResponse(long total, long imprecise, List<VisibleReport> hits, String next) {}

    private final ReportSearch search;
    private final CurrentViewer viewer;
    private final Gazetteer gazetteer;

    ReportsController(ReportSearch search, CurrentViewer viewer, Gazetteer gazetteer) {
        this.search = search;
        this.viewer = viewer;
        this.gazetteer = gazetteer;
    }

    @GetMapping
    @Operation(
            summary = "Search reports",
            description = "Free text q (phrases in quotes, -word to exclude, name: and narrative: prefixes; Arabic "
                    + "orthographic variants, diacritics and case folded; Latin and Arabic spellings of a name find "
                    + "each other) and filters governorate, district, perpetrator, status, gender, age_group, source "
                    + "(repeat or comma-separate values: OR), from/to (ISO dates: a report matches only if its whole "
                    + "date interval lies inside; 'imprecise' counts those left out as too imprecise or undated), "
                    + "has_location. total is exact. Page with the opaque cursor from 'next' (null on the last page). "
                    + "A role without SEE_IDENTITIES gets reports without victim.name, victim.name_latin, "
                    + "place.locality and narrative (identities_withheld: true), and q or sort=name is a 403.")
    @AcceptsQuery(QueryParameterSet.REPORTS)
    ReportsResponse reports(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
            @Parameter(hidden = true) @RequestParam(defaultValue = "50") String size,
            @Parameter(hidden = true) @RequestParam Optional<String> cursor,
            @Parameter(hidden = true) @RequestParam Optional<String> sort)
            throws IOException {
        ApiParameters.rejectUnknown(params, QueryParameterSet.REPORTS.own());
        ReportQuery query = ReportQueryParser.parse(params, gazetteer);
        ReportSort order = sort.map(s -> ReportSort.fromCode(s)
                        .orElseThrow(() -> new BadParameterException(
                                "sort", "sort '" + s + "' is not one of relevance, date, -date, name, -name")))
                .orElse(query.text().isEmpty() ? ReportSort.DATE_DESC : ReportSort.RELEVANCE);
        SearchPage page = search.search(viewer.get(), query, order, pageSize(size), cursor.filter(c -> !c.isBlank()));
        return new ReportsResponse(
                page.total(), page.imprecise(), page.hits(), page.next().orElse(null));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One report with its provenance",
            description = "The same object for every role: for a role without SEE_IDENTITIES the members "
                    + "victim.name, victim.name_latin, place.locality and narrative are absent and identities_withheld "
                    + "is true.")
    VisibleReport report(@PathVariable String id) throws IOException {
        return search.find(viewer.get(), id)
                .orElseThrow(() -> new NotFoundException(
                        "id", "no report with id " + id + "; find a report's id with GET /api/v1/reports"));
    }

    private static int pageSize(String size) {
        try {
            int n = Integer.parseInt(size);
            if (n >= 1 && n <= ReportSearch.MAX_PAGE_SIZE) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new BadParameterException(
                "size", "size '" + size + "' is not a whole number from 1 to " + ReportSearch.MAX_PAGE_SIZE);
    }
}
