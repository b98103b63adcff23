package org.athar.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.athar.export.DownloadNames;
import org.athar.i18n.Messages;
import org.athar.ingest.ImportBatch;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.ingest.RejectedRowsCsv;
import org.athar.ingest.RowError;
import org.athar.security.CurrentViewer;
import org.athar.security.Viewer;
import org.athar.sharing.PackageFiles;
import org.athar.sharing.PackageReceiver;
import org.athar.sharing.Received;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/v1/imports}: upload a CSV, XLSX or JSON Lines file of reports or a partner's package; list batches;
 * download rejected rows.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Load reports; every row ends stored or in quarantine with its reasons")
class ImportController {

    /** The response of an upload, exactly these keys. */
    record ImportResponse(
            String batchId,
            long received,
            long indexed,
            long updated,
            long unchanged,
            long rejected,
            List<RowError> errors) {

        static ImportResponse of(ImportResult r) {
            return new ImportResponse(
                    r.batchId(), r.received(), r.indexed(), r.updated(), r.unchanged(), r.rejected(), r.errors());
        }
    }

    /** The package a received file was: its id, kind, sender (as registered here) and how many files were verified. */
    record PackageInfo(String packageId, String kind, String sender, int filesVerified) {

        static PackageInfo of(Received r) {
            return new PackageInfo(r.packageId(), r.kind(), r.sender(), r.filesVerified());
        }
    }

    /** The response to a partner's package: the usual import response plus the package. */
    record PackageImportResponse(
            String batchId,
            long received,
            long indexed,
            long updated,
            long unchanged,
            long rejected,
            List<RowError> errors,
            @JsonProperty("package") PackageInfo packageInfo) {}

    /** The response to a partner's withdrawal notice: the reports removed and the named ids not held here. */
    record WithdrawalResponse(@JsonProperty("package") PackageInfo packageInfo, long removed, long notHeld) {}

    private final ImportService imports;
    private final PackageReceiver packages;
    private final RejectedRowsCsv rejectedRows;
    private final CurrentViewer viewers;

    private final DownloadNames names;

    ImportController(
            ImportService imports,
            PackageReceiver packages,
            RejectedRowsCsv rejectedRows,
            CurrentViewer viewers,
            DownloadNames names) {
        this.names = names;
        this.packages = packages;
        this.imports = imports;
        this.rejectedRows = rejectedRows;
        this.viewers = viewers;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a file of reports",
            description =
                    "CSV (UTF-8, comma or semicolon), XLSX (first sheet) or JSON Lines with the canonical columns "
                            + "(docs/data-format.md). Re-importing a (source, report_id) replaces the report; a row that is the "
                            + "same as the stored report's counts as unchanged, a different one as updated. The index is "
                            + "refreshed before the response, so a query right after sees the batch. Limits: a file larger than "
                            + "athar.import.max-file-size is refused with 413; at the row past athar.import.max-rows the "
                            + "import stops with 400 naming that row and the batch (the rows before it are stored). Every "
                            + "upload is recorded in the audit log, and the reports record the signed-in user as importer. "
                            + "A partner's package (an OpenPGP message, .pgp) is decrypted, verified and imported under "
                            + "the sender's registered name, answered with a package member; a withdrawal notice removes "
                            + "the reports it names (docs/sharing.md). A refused package is a 400 package-refused "
                            + "problem with a reason, and nothing of it is stored.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content =
                                    @Content(
                                            schema =
                                                    @Schema(
                                                            oneOf = {
                                                                ImportResponse.class,
                                                                PackageImportResponse.class,
                                                                WithdrawalResponse.class
                                                            }),
                                            examples = @ExampleObject(value = """
                    {"batchId":"20261129041200-3f2a9c1e","received":4,"indexed":1,"updated":1,"unchanged":1,"rejected":1,
                     "errors":[{"row":3,"field":"governorate","message":"governorate 'Alepo' is not recognised (a typo?); write its English or Arabic name or its p-code (SY01–SY14), or leave it empty when unknown"}]}
                    """))))
    Object upload(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "Documenting organisation for rows without a source column value")
                    @RequestParam("source")
                    Optional<String> source,
            HttpServletRequest request)
            throws IOException {
        String name = Optional.ofNullable(file.getOriginalFilename())
                .filter(n -> !n.isBlank())
                .orElse("upload.csv");
        Viewer viewer = viewers.get();
        try (InputStream in = new BufferedInputStream(file.getInputStream())) {
            if (PackageFiles.looksLikePackage(in)) {
                Received r = packages.receive(viewer, request.getRemoteAddr(), in, name);
                if (r.withdrawal()) {
                    return new WithdrawalResponse(PackageInfo.of(r), r.removed(), r.notHeld());
                }
                ImportResult i = r.imported().orElseThrow();
                return new PackageImportResponse(
                        i.batchId(),
                        i.received(),
                        i.indexed(),
                        i.updated(),
                        i.unchanged(),
                        i.rejected(),
                        i.errors(),
                        PackageInfo.of(r));
            }
            // The signed-in user is the importer in each report's provenance and in the batch, as in the audit log.
            return ImportResponse.of(imports.importFile(
                    viewer,
                    request.getRemoteAddr(),
                    in,
                    name,
                    new ImportOptions(source, viewer.username(), false),
                    c -> {}));
        }
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The 50 most recent import batches, newest first")
    List<ImportBatch> batches() throws IOException {
        return imports.recentBatches();
    }

    @GetMapping(value = "/{batchId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One import batch with its counts and status")
    ResponseEntity<ImportBatch> batch(@PathVariable String batchId) throws IOException {
        return ResponseEntity.of(imports.batch(batchId));
    }

    @GetMapping(value = "/{batchId}/rejected.csv", produces = "text/csv")
    @Operation(
            summary =
                    "A batch's rejected rows as CSV with a reason column (in the asked language), to fix and re-import")
    ResponseEntity<StreamingResponseBody> rejected(
            @PathVariable String batchId,
            @Parameter(
                            description =
                                    "Language of the reason column: en or ar (default: the Accept-Language header, "
                                            + "else English)")
                    @RequestParam("lang")
                    Optional<String> lang,
            HttpServletRequest request)
            throws IOException {
        if (imports.batch(batchId).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        // Without a header the servlet would answer the server's own locale, which says nothing about the reader.
        Locale language = Messages.supported(lang.map(Locale::forLanguageTag)
                .orElse(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null ? request.getLocale() : Locale.ENGLISH));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        names.rejectedRows(batchId).contentDisposition())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out -> rejectedRows.write(batchId, language, out));
    }
}
