package org.athar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.athar.analytics.Figures;
import org.athar.analytics.PersonsRange;
import org.athar.analytics.StatsParameters;
import org.athar.analytics.StatsRequest;
import org.athar.report.Gazetteer;
import org.athar.search.Count;
import org.athar.security.CurrentViewer;
import org.athar.security.Viewer;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/stats}: breakdowns, cross-tabs and the Trends dashboard of the reports the search filters select. */
@RestController
@RequestMapping(value = "/api/v1/stats", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Statistics",
        description = "Exact counts of documented cases by governorate, district, perpetrator, "
                + "status, gender, age group, source and time; the same filters as /api/v1/reports")
class StatsController {

    private static final String FILTERS = " Filters as for GET /api/v1/reports (q, governorate, district, "
            + "perpetrator, status, gender, age_group, source, from, to, has_location); lang=en|ar for labels; "
            + "count=reports (default here) or persons (reports linked as one person count once; a person counts "
            + "under every source that documents it). The answer's counts field says which. Counting persons (and "
            + "always in the dashboard), persons, personsIfPendingConfirmed and pendingPairs give the persons figure "
            + "and the same figure if every pair awaiting review were confirmed, with the pending pairs that make the "
            + "difference (profile=public: pendingPairs is not given, and a withheld figure is absent).";

    private final Figures statistics;
    private final Gazetteer gazetteer;
    private final CurrentViewer viewer;

    StatsController(Figures statistics, Gazetteer gazetteer, CurrentViewer viewer) {
        this.statistics = statistics;
        this.gazetteer = gazetteer;
        this.viewer = viewer;
    }

    @GetMapping("/crosstab")
    @Operation(
            summary = "Reports counted by two dimensions",
            description = "rows and columns: two different dimensions. cells[r][c]; rowTotals and columnTotals sum "
                    + "the cells; total is every report in scope; imprecise counts reports a time dimension could "
                    + "not place (in no cell)." + FILTERS)
    @AcceptsQuery(QueryParameterSet.STATS_CROSSTAB)
    StatsJson.CrossTabJson crossTab(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        statistics.requirePermission(viewer.get());
        ApiParameters.rejectUnknown(params, QueryParameterSet.STATS_CROSSTAB.own());
        StatsRequest request = request(params, StatsParameters.Statistic.CROSSTAB);
        return StatsJson.of(
                statistics.crossTab(viewer.get(), request), request.query().counting(), persons(request));
    }

    @GetMapping("/dashboard")
    @Operation(
            summary = "Everything Trends shows, in one engine request",
            description = "The time series at granularity (year, quarter or month; default month), the breakdowns "
                    + "by governorate, perpetrator and status, and the cross-tab rows x columns (default governorate "
                    + "x perpetrator)." + FILTERS)
    @AcceptsQuery(QueryParameterSet.STATS_DASHBOARD)
    StatsJson.DashboardJson dashboard(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        statistics.requirePermission(viewer.get());
        ApiParameters.rejectUnknown(params, QueryParameterSet.STATS_DASHBOARD.own());
        StatsRequest request = request(params, StatsParameters.Statistic.DASHBOARD);
        Figures.DashboardWithPersons figures = statistics.dashboardWithPersons(viewer.get(), request);
        return StatsJson.of(figures.dashboard(), request.query().counting(), figures.persons());
    }

    @GetMapping("/{dimension}")
    @Operation(
            summary = "Reports counted by one dimension",
            description = "dimension: governorate, district, perpetrator, status, gender, age_group, source, year, "
                    + "quarter or month. Buckets by descending count (time: in order, empty periods between the first "
                    + "and last included); buckets + imprecise = total." + FILTERS)
    @AcceptsQuery(QueryParameterSet.STATS_BREAKDOWN)
    StatsJson.BreakdownJson breakdown(
            @PathVariable String dimension,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        statistics.requirePermission(viewer.get());
        ApiParameters.rejectUnknown(params, QueryParameterSet.STATS_BREAKDOWN.own());
        Map<String, List<String>> withPath = new LinkedHashMap<>(params);
        withPath.put("dimension", List.of(dimension));
        StatsRequest request = request(withPath, StatsParameters.Statistic.BREAKDOWN);
        return StatsJson.of(
                statistics.breakdown(viewer.get(), request), request.query().counting(), persons(request));
    }

    /** The persons figures of a request counting persons; none for one counting reports. */
    private PersonsRange persons(StatsRequest request) {
        return request.query().counting() == Count.PERSONS
                ? statistics.persons(viewer.get(), request)
                : new PersonsRange(request.profile(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    /**
     * The request the parameters ask for. profile=internal|public; absent: what the viewer's role gets by default
     * (ADVOCACY: public). count=persons|reports, reports when absent (what this API always counted).
     */
    private StatsRequest request(Map<String, List<String>> params, StatsParameters.Statistic statistic) {
        Viewer v = viewer.get();
        return StatsParameters.parse(
                params,
                StatsParameters.Form.of(statistic, StatsParameters.Style.STATS_API),
                gazetteer,
                requested -> statistics.profileFor(v, requested));
    }
}
