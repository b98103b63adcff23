package org.athar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.report.Gazetteer;
import org.athar.search.BadParameterException;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
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
            + "under every source that documents it). The answer's counts field says which.";

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
    StatsJson.CrossTabJson crossTab(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        viewer.get().require(Permission.VIEW_TRENDS);
        ApiParameters.rejectUnknown(params, List.of("lang", "rows", "columns", "profile", "count"));
        Dimension rows = dimension(params, "rows", Optional.empty());
        Dimension columns = different(rows, dimension(params, "columns", Optional.empty()));
        ReportQuery query = query(params);
        return StatsJson.of(
                statistics.crossTab(
                        viewer.get(), query, rows, columns, ApiParameters.language(params), profile(params)),
                query.counting());
    }

    @GetMapping("/dashboard")
    @Operation(
            summary = "Everything Trends shows, in one engine request",
            description = "The time series at granularity (year, quarter or month; default month), the breakdowns "
                    + "by governorate, perpetrator and status, and the cross-tab rows x columns (default governorate "
                    + "x perpetrator)." + FILTERS)
    StatsJson.DashboardJson dashboard(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        viewer.get().require(Permission.VIEW_TRENDS);
        ApiParameters.rejectUnknown(params, List.of("lang", "granularity", "rows", "columns", "profile", "count"));
        Dimension granularity = dimension(params, "granularity", Optional.of(Dimension.MONTH));
        if (!granularity.isTime()) {
            throw new BadParameterException(
                    "granularity", "granularity '" + granularity.parameter() + "' is not one of year, quarter, month");
        }
        Dimension rows = dimension(params, "rows", Optional.of(Dimension.GOVERNORATE));
        Dimension columns = different(rows, dimension(params, "columns", Optional.of(Dimension.PERPETRATOR)));
        ReportQuery query = query(params);
        return StatsJson.of(
                statistics.dashboard(
                        viewer.get(),
                        query,
                        granularity,
                        rows,
                        columns,
                        ApiParameters.language(params),
                        profile(params)),
                query.counting());
    }

    @GetMapping("/{dimension}")
    @Operation(
            summary = "Reports counted by one dimension",
            description = "dimension: governorate, district, perpetrator, status, gender, age_group, source, year, "
                    + "quarter or month. Buckets by descending count (time: in order, empty periods between the first "
                    + "and last included); buckets + imprecise = total." + FILTERS)
    StatsJson.BreakdownJson breakdown(
            @PathVariable String dimension,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        viewer.get().require(Permission.VIEW_TRENDS);
        ApiParameters.rejectUnknown(params, List.of("lang", "profile", "count"));
        Dimension d = Dimension.fromParameter(dimension).orElseThrow(() -> unknownDimension("dimension", dimension));
        ReportQuery query = query(params);
        return StatsJson.of(
                statistics.breakdown(viewer.get(), query, d, ApiParameters.language(params), profile(params)),
                query.counting());
    }

    /** profile=internal|public; absent: what the viewer's role gets by default (ADVOCACY: public). */
    private DisclosureProfile profile(MultiValueMap<String, String> params) {
        Viewer v = viewer.get();
        return statistics.profileFor(v, ApiParameters.profile(params));
    }

    /** The filters; count=persons|reports, reports when absent (what this API always counted). */
    private ReportQuery query(MultiValueMap<String, String> params) {
        ReportQuery q = ReportQueryParser.parse(params, gazetteer);
        return q.count().isPresent() ? q : q.withCount(Count.REPORTS);
    }

    private static Dimension dimension(MultiValueMap<String, String> params, String name, Optional<Dimension> absent) {
        Optional<String> given =
                Optional.ofNullable(params.getFirst(name)).map(String::strip).filter(s -> !s.isEmpty());
        if (given.isEmpty()) {
            return absent.orElseThrow(() ->
                    new BadParameterException(name, "parameter '" + name + "' is required: one of " + accepted()));
        }
        return Dimension.fromParameter(given.get()).orElseThrow(() -> unknownDimension(name, given.get()));
    }

    private static Dimension different(Dimension rows, Dimension columns) {
        if (rows == columns) {
            throw new BadParameterException(
                    "columns", "columns is " + columns.parameter() + " like rows; choose two different dimensions");
        }
        return columns;
    }

    private static BadParameterException unknownDimension(String parameter, String value) {
        return new BadParameterException(parameter, parameter + " '" + value + "' is not one of " + accepted());
    }

    private static String accepted() {
        return Arrays.stream(Dimension.values()).map(Dimension::parameter).collect(Collectors.joining(", "));
    }
}
