package org.athar.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.athar.briefing.Briefing;
import org.athar.briefing.BriefingDraft;
import org.athar.briefing.BriefingExports;
import org.athar.briefing.Briefings;
import org.athar.export.DownloadNames;
import org.athar.search.BadParameterException;
import org.athar.security.AuditLog;
import org.athar.security.CurrentViewer;
import org.athar.security.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/briefings}: briefing packs saved, listed, opened, changed, deleted, and exported as DOCX, PPTX or
 * PDF rebuilt against current data. Every export is in the audit log before its file is sent.
 */
@RestController
class BriefingsController {

    /** Briefing ids are UUIDs: no dot, so {@code {id}.docx} is never read as an id. */
    private static final String ID = "{id:[^.]+}";

    private final Briefings briefings;
    private final BriefingExports exports;
    private final CurrentViewer viewer;
    private final AuditLog audit;
    private final DownloadNames names;

    BriefingsController(
            Briefings briefings, BriefingExports exports, CurrentViewer viewer, AuditLog audit, DownloadNames names) {
        this.names = names;
        this.briefings = briefings;
        this.exports = exports;
        this.viewer = viewer;
        this.audit = audit;
    }

    @GetMapping("/api/v1/briefings")
    @Operation(summary = "Every briefing, last changed first")
    List<Briefing> list() {
        return briefings.list(viewer.get());
    }

    @PostMapping("/api/v1/briefings")
    @Operation(
            summary = "Save a new briefing",
            description = "Body: {title, language: en|ar, profile: internal|public, text, figures: [{filters, "
                    + "share_dimension: perpetrator|status, share_key}], charts: [{kind: timeline|breakdown|crosstab|map, "
                    + "filters, by, rows, columns, caption}]}; filters are the query string of /api/v1/reports.")
    ResponseEntity<Briefing> create(@RequestBody(required = false) BriefingDraft draft) {
        Briefing b = briefings.create(viewer.get(), required(draft));
        return ResponseEntity.created(URI.create("/api/v1/briefings/" + b.id())).body(b);
    }

    @GetMapping("/api/v1/briefings/" + ID)
    Briefing get(@PathVariable String id) {
        return briefings.get(viewer.get(), id);
    }

    @PutMapping("/api/v1/briefings/" + ID)
    @Operation(summary = "Replace a briefing's content (its owner or an administrator)")
    Briefing update(@PathVariable String id, @RequestBody(required = false) BriefingDraft draft) {
        return briefings.update(viewer.get(), id, required(draft));
    }

    @DeleteMapping("/api/v1/briefings/" + ID)
    @Operation(summary = "Delete a briefing (its owner or an administrator)")
    ResponseEntity<Void> delete(@PathVariable String id) {
        briefings.delete(viewer.get(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/briefings/{id}.{format}")
    @Operation(
            summary = "A briefing as DOCX, PPTX or PDF, rebuilt against current data",
            description = "Named after its title and the day, e.g. athar-briefing-detentions-in-aleppo-2026-12-06.pdf; "
                    + "an Arabic title is also sent as the UTF-8 name (filename*).")
    ResponseEntity<byte[]> export(@PathVariable String id, @PathVariable String format, HttpServletRequest request) {
        Viewer v = viewer.get();
        BriefingExports.Format f = BriefingExports.Format.fromExtension(format)
                .orElseThrow(() ->
                        new BadParameterException("format", "format '" + format + "' is not one of docx, pptx, pdf"));
        BriefingExports.File file = exports.export(v, id, f);
        Briefing named = briefings.get(v, id);
        audit.exported(
                v, request.getRemoteAddr(), "briefing_" + f.extension(), file.filters(), file.profile(), file.charts());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        names.briefing(named.title(), named.language(), f.extension())
                                .contentDisposition())
                .body(file.bytes());
    }

    private static BriefingDraft required(BriefingDraft draft) {
        if (draft == null) {
            throw new BadParameterException("body", "a JSON body with the briefing is required");
        }
        return draft;
    }
}
