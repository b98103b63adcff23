package org.athar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.athar.export.ExportService;
import org.athar.report.Gazetteer;
import org.athar.search.ReportQueryParser;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/exports}: every report of the search filters as CSV or JSON Lines, and the workbook. The file is
 * streamed as it is written (no row cap); the permission check, the count and the audit entry come first, so a
 * refusal is a plain 403 and the audit log names every file that left.
 */
@RestController
@RequestMapping("/api/v1/exports")
@Tag(
        name = "Exports",
        description = "Records (CSV, JSON Lines) and the Excel workbook for the filters of /api/v1/reports")
class ExportsController {

    private static final Logger log = LoggerFactory.getLogger(ExportsController.class);

    private final ExportService exports;
    private final Gazetteer gazetteer;
    private final CurrentViewer viewer;

    ExportsController(ExportService exports, Gazetteer gazetteer, CurrentViewer viewer) {
        this.exports = exports;
        this.gazetteer = gazetteer;
        this.viewer = viewer;
    }

    @GetMapping("/records.csv")
    @Operation(
            summary = "Every report of the filters as CSV (EXPORT_RECORDS)",
            description = "UTF-8 with a byte order mark, one row per report: the fields of the data model, place "
                    + "names in lang=en|ar, the date interval and its precision, provenance and a link to the report "
                    + "in Athar. Texts that a spreadsheet would run as a formula start with an apostrophe. Filters as "
                    + "for GET /api/v1/reports.")
    @AcceptsQuery(QueryParameterSet.RECORDS_EXPORT)
    ResponseEntity<StreamingResponseBody> csv(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params, HttpServletRequest request)
            throws IOException {
        return export(ExportService.Format.CSV, params, request, Permission.EXPORT_RECORDS);
    }

    @GetMapping("/records.jsonl")
    @Operation(
            summary = "Every report of the filters as JSON Lines (EXPORT_RECORDS)",
            description = "One report per line as GET /api/v1/reports/{id} returns it, plus link. Filters as for "
                    + "GET /api/v1/reports.")
    @AcceptsQuery(QueryParameterSet.RECORDS_EXPORT)
    ResponseEntity<StreamingResponseBody> jsonLines(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params, HttpServletRequest request)
            throws IOException {
        return export(ExportService.Format.JSONL, params, request, Permission.EXPORT_RECORDS);
    }

    @GetMapping("/workbook.xlsx")
    @Operation(
            summary = "The Excel workbook of the filters (EXPORT_AGGREGATES)",
            description = "Sheets About, By governorate, By perpetrator, By status, Over time (by month), Cross-tab "
                    + "(governorate x perpetrator), each table with a native Excel chart, and Records when the role "
                    + "may export records and profile=internal. lang=en|ar (Arabic sheets and charts are right to "
                    + "left), profile=internal|public (ADVOCACY: public only), count=persons|reports (what the "
                    + "figures count, default persons; the About sheet says which). The file is named after what it "
                    + "holds, e.g. athar-workbook-persons-aleppo-2013-2026-12-06.xlsx (an Arabic name too for "
                    + "lang=ar).")
    @AcceptsQuery(QueryParameterSet.WORKBOOK_EXPORT)
    ResponseEntity<StreamingResponseBody> workbook(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params, HttpServletRequest request)
            throws IOException {
        return export(ExportService.Format.WORKBOOK, params, request, Permission.EXPORT_AGGREGATES);
    }

    private ResponseEntity<StreamingResponseBody> export(
            ExportService.Format format,
            MultiValueMap<String, String> params,
            HttpServletRequest request,
            Permission permission)
            throws IOException {
        Viewer v = viewer.get();
        v.require(permission);
        ApiParameters.rejectUnknown(
                params,
                (format == ExportService.Format.WORKBOOK
                                ? QueryParameterSet.WORKBOOK_EXPORT
                                : QueryParameterSet.RECORDS_EXPORT)
                        .own());
        String link = ServletUriComponentsBuilder.fromContextPath(request)
                .path("/report/")
                .toUriString();
        ExportService.Request asked = new ExportService.Request(
                format,
                ReportQueryParser.parse(params, gazetteer),
                ApiParameters.language(params),
                ApiParameters.profile(params),
                link);
        ExportService.Prepared prepared = exports.prepare(v, request.getRemoteAddr(), asked);
        StreamingResponseBody body = out -> {
            try {
                prepared.write(out, written -> {});
            } catch (IOException | RuntimeException e) {
                // The status line is sent; the client sees a cut file. Say what happened in the log.
                log.warn("Export {} for {} stopped: {}", format, v.username(), e.getMessage());
                throw e;
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, prepared.name().contentDisposition())
                .header("X-Athar-Rows", Long.toString(prepared.rows()))
                .body(body);
    }
}
