package org.athar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.athar.export.DownloadNames;
import org.athar.security.AuditCsv;
import org.athar.security.AuditEntry;
import org.athar.security.AuditFilter;
import org.athar.security.AuditLog;
import org.athar.security.AuditPage;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code /api/v1/admin/audit}: read the audit log, newest first, as JSON pages or as one CSV of every entry. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Audit", description = "Who did what, from where, and how it ended (needs the ADMINISTER permission)")
class AuditController {

    /** One window of entries. */
    record AuditResponse(long total, int offset, int limit, List<AuditEntry> entries) {}

    private final AuditLog audit;
    private final AuditCsv csv;
    private final CurrentViewer viewers;

    private final DownloadNames names;

    AuditController(AuditLog audit, AuditCsv csv, CurrentViewer viewers, DownloadNames names) {
        this.names = names;
        this.audit = audit;
        this.csv = csv;
        this.viewers = viewers;
    }

    @GetMapping(value = "/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Audit entries, newest first",
            description =
                    "Filters: user, action (sign_in, sign_out, search, report_view, export, import, user_change, "
                            + "setting_change), outcome (success, failure, denied), client_address (exact), from/to (a UTC "
                            + "date, 'to' including that day, or an instant). Window: offset (from 0), limit (1–1000, default "
                            + "50); offset + limit reach 10,000 entries at most, audit.csv has them all. 403 without ADMINISTER.")
    @AcceptsQuery(QueryParameterSet.AUDIT)
    AuditResponse entries(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params)
            throws IOException {
        Viewer viewer = viewers.get();
        viewer.require(Permission.ADMINISTER);
        AuditFilter filter = AuditParameters.filter(params, QueryParameterSet.AUDIT.accepted());
        int offset = AuditParameters.offset(params);
        int limit = AuditParameters.limit(params, offset);
        AuditPage page = audit.find(viewer, filter, offset, limit);
        return new AuditResponse(page.total(), offset, limit, page.entries());
    }

    @GetMapping(value = "/audit.csv", produces = "text/csv")
    @Operation(
            summary = "Every matching audit entry as CSV",
            description = "The same filters as /audit; UTF-8 with a BOM, one row per entry, newest first, columns "
                    + "time, username, client_address, action, outcome, details (a JSON object). The download is "
                    + "itself recorded in the audit log first. 403 without ADMINISTER.")
    @AcceptsQuery(QueryParameterSet.AUDIT_CSV)
    ResponseEntity<StreamingResponseBody> entriesCsv(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params, HttpServletRequest request)
            throws IOException {
        Viewer viewer = viewers.get();
        viewer.require(Permission.ADMINISTER);
        AuditFilter filter = AuditParameters.filter(params, QueryParameterSet.AUDIT_CSV.accepted());
        AuditCsv.Download download = csv.prepare(viewer, request.getRemoteAddr(), filter);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        names.auditLog(
                                        filter.action().map(a -> a.code()),
                                        filter.outcome().map(o -> o.code()))
                                .contentDisposition())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(download::writeTo);
    }
}
