package org.athar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.athar.backup.Backup;
import org.athar.backup.Backups;
import org.athar.backup.RestoreResult;
import org.athar.security.ClientAddress;
import org.athar.security.CurrentViewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/backups}: snapshots of Athar's indices, their list, and restores from them. */
@RestController
@RequestMapping(value = "/api/v1/admin/backups", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Backups", description = "Snapshots and restores; needs the ADMINISTER permission (role ADMIN)")
class BackupsController {

    /** The body of a restore: the backup's name again, and whether to restore its audit log beside the live one. */
    record RestoreRequest(String confirm, Boolean restoreAudit) {}

    private final Backups backups;
    private final CurrentViewer viewer;

    BackupsController(Backups backups, CurrentViewer viewer) {
        this.backups = backups;
        this.viewer = viewer;
    }

    @PostMapping
    @Operation(
            summary = "Start a backup",
            description = "202 with {\"name\": \"athar-YYYYMMDD-HHMMSS\"} (UTC); the snapshot runs in the background: "
                    + "follow GET /api/v1/admin/backups/{name} until state is SUCCESS. 503 when no repository is "
                    + "configured (athar.backup.repository), 409 while a restore runs.")
    ResponseEntity<Map<String, String>> start() {
        String name = backups.start(viewer.get(), ClientAddress.current());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/backups/" + name))
                .body(Map.of("name", name, "state", Backup.State.IN_PROGRESS.name()));
    }

    @GetMapping
    @Operation(summary = "Athar's backups, newest first: name, times, state, indices, reports when taken")
    List<Backup> list() {
        return backups.list(viewer.get());
    }

    @GetMapping("/{name}")
    @Operation(summary = "One backup with its progress (shards done of total) and size in bytes")
    Backup get(@PathVariable String name) {
        return backups.get(viewer.get(), name);
    }

    @PostMapping(value = "/{name}/restore", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Restore a backup (destructive)",
            description = "{\"confirm\": \"<name>\", \"restoreAudit\": false}. Takes a safety snapshot "
                    + "athar-pre-restore-… first (restore it to undo), then replaces reports, quarantine, import "
                    + "batches, briefings, record linkage and the row-digest key by the backup's. Users are kept "
                    + "(restored only if the live index is missing); the live audit log is kept, and with restoreAudit "
                    + "the backup's is restored beside it as athar-audit-restored-<name>. 400 without the confirmation "
                    + "or for a name no backup can have ([a-z0-9][a-z0-9._-]{0,63}), 404 for an unknown backup, 409 "
                    + "for an incomplete one or while another restore runs.")
    RestoreResult restore(@PathVariable String name, @RequestBody(required = false) RestoreRequest body) {
        RestoreRequest request = body == null ? new RestoreRequest(null, false) : body;
        return backups.restore(
                viewer.get(),
                ClientAddress.current(),
                name,
                request.confirm(),
                Boolean.TRUE.equals(request.restoreAudit()));
    }
}
