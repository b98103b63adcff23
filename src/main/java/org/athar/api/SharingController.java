package org.athar.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.athar.report.Gazetteer;
import org.athar.search.BadParameterException;
import org.athar.search.ReportQueryParser;
import org.athar.security.CurrentViewer;
import org.athar.security.Viewer;
import org.athar.sharing.LedgerEntry;
import org.athar.sharing.SharePackage;
import org.athar.sharing.Sharing;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/v1/sharing}: packages for partner institutions (drafts, sending, download), the ledger of what went
 * where, and withdrawal notices. Permissions and the audit are {@link Sharing}'s; this class parses and writes.
 */
@RestController
@RequestMapping(value = "/api/v1/sharing", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sharing", description = "Consent-aware packages for partner institutions, the ledger, withdrawal notices")
class SharingController {

    /** A package or withdrawal notice. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PackageResponse(
            String packageId,
            String kind,
            String recipient,
            String state,
            long reports,
            long withheldNoConsent,
            long withheldUnknownConsent,
            long withheldOtherRecipients,
            String sha256,
            String filter,
            Instant createdAt,
            String createdBy) {

        static PackageResponse of(SharePackage p) {
            return new PackageResponse(
                    p.packageId(),
                    p.kind().code(),
                    p.recipient(),
                    p.state().code(),
                    p.reports(),
                    p.withheldNoConsent(),
                    p.withheldUnknownConsent(),
                    p.withheldOtherRecipients(),
                    p.sha256(),
                    p.filter(),
                    p.createdAt(),
                    p.createdBy());
        }
    }

    /** One ledger entry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LedgerResponse(
            String packageId,
            String kind,
            Instant at,
            String by,
            String recipient,
            String recipientFingerprint,
            String filter,
            long reports,
            String sha256,
            String reason) {

        static LedgerResponse of(LedgerEntry e) {
            return new LedgerResponse(
                    e.packageId(),
                    e.kind().code(),
                    e.at(),
                    e.by(),
                    e.recipient(),
                    e.recipientFingerprint(),
                    e.filter(),
                    e.reports(),
                    e.sha256(),
                    e.reason().orElse(null));
        }
    }

    /** A withdrawal notice to send. */
    record WithdrawalRequest(String recipient, List<String> reportIds, String reason) {}

    /** A withdrawal notice sent. */
    record WithdrawalResponse(String packageId, String recipient, String kind, long reports, String sha256) {}

    private final Sharing sharing;
    private final Gazetteer gazetteer;
    private final CurrentViewer viewer;

    SharingController(Sharing sharing, Gazetteer gazetteer, CurrentViewer viewer) {
        this.sharing = sharing;
        this.gazetteer = gazetteer;
        this.viewer = viewer;
    }

    @PostMapping("/packages")
    @Operation(
            summary = "Prepare or send a package for a recipient (PREPARE_SHARE; sending needs SHARE)",
            description = "The reports of the search filters (as for GET /api/v1/reports) that the recipient may "
                    + "receive: consent_to_share yes and share_with 'any' or the recipient's name. With SHARE the "
                    + "package is written, signed, encrypted to the recipient's key and recorded in the ledger "
                    + "(state sent, sha256 of the .pgp file) unless draft=true; with PREPARE_SHARE only it is a draft "
                    + "(counts, no file) that an administrator sends. withheld* count the reports of the filters held "
                    + "back: no consent, consent unknown, consent for other recipients only.")
    @AcceptsQuery(QueryParameterSet.SHARING_PACKAGE)
    ResponseEntity<PackageResponse> prepare(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
            @Parameter(hidden = true) @RequestParam Optional<String> recipient,
            @Parameter(hidden = true) @RequestParam Optional<String> draft)
            throws IOException {
        ApiParameters.rejectUnknown(params, QueryParameterSet.SHARING_PACKAGE.own());
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>(params);
        filters.remove("recipient");
        filters.remove("draft");
        SharePackage p = sharing.prepare(
                viewer.get(),
                recipient.orElse(""),
                ReportQueryParser.parse(filters, gazetteer),
                draft.map(SharingController::bool).orElse(false));
        return ResponseEntity.created(URI.create("/api/v1/sharing/packages/" + p.packageId()))
                .body(PackageResponse.of(p));
    }

    @GetMapping("/packages")
    @Operation(summary = "Drafts, sent packages and withdrawal notices, newest first (PREPARE_SHARE)")
    List<PackageResponse> packages() {
        return sharing.packages(viewer.get()).stream().map(PackageResponse::of).toList();
    }

    @GetMapping("/packages/{id}")
    @Operation(summary = "One package or withdrawal notice (PREPARE_SHARE)")
    PackageResponse find(@PathVariable String id) {
        return sharing.find(viewer.get(), id).map(PackageResponse::of).orElseThrow(() -> noPackage(id));
    }

    @PostMapping("/packages/{id}/send")
    @Operation(
            summary = "Send a draft (SHARE)",
            description = "Selects the reports again with the draft's filter (consent may have changed since), "
                    + "writes, signs, encrypts and records the package. 409 if it was sent already.")
    PackageResponse send(@PathVariable String id) throws IOException {
        if (sharing.find(viewer.get(), id).isEmpty()) {
            throw noPackage(id);
        }
        return PackageResponse.of(sharing.send(viewer.get(), id, written -> {}));
    }

    @GetMapping(value = "/packages/{id}/download", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(
            summary = "The sealed file of a sent package or withdrawal notice (SHARE)",
            description = "One OpenPGP message (signed, then encrypted to the recipient's key): "
                    + "athar-package-<id>.pgp or athar-withdrawal-<id>.pgp; gpg --decrypt gives the ZIP.")
    ResponseEntity<StreamingResponseBody> download(@PathVariable String id) throws IOException {
        Sharing.Download file = sharing.download(viewer.get(), id)
                .orElseThrow(() -> new NotFoundException(
                        "id", "no sent package with id " + id + " has a file; drafts have none until sent"));
        StreamingResponseBody body = out -> {
            try (InputStream in = file.content()) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(file.bytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName())
                                .build()
                                .toString())
                .body(body);
    }

    @GetMapping("/ledger")
    @Operation(
            summary = "The sharing ledger, newest first (SHARE; with report, PREPARE_SHARE)",
            description = "Every package and withdrawal notice sent: to whom, when, by whom, the filter, how many "
                    + "reports and the SHA-256 of the sealed file. With report=<id> only the entries naming that "
                    + "report (the report page's 'Shared with').")
    List<LedgerResponse> ledger(
            @Parameter(description = "A report's id (32 hex digits): only the entries naming it.", example = "")
                    @RequestParam
                    Optional<String> report) {
        Viewer v = viewer.get();
        List<LedgerEntry> entries = report.filter(r -> !r.isBlank())
                .map(r -> sharing.sharedWith(v, r.strip()))
                .orElseGet(() -> sharing.ledger(v));
        return entries.stream().map(LedgerResponse::of).toList();
    }

    @GetMapping("/ledger/{packageId}/ids")
    @Operation(
            summary = "The report ids a ledger entry names (SHARE)",
            description = "{\"packageId\", \"reportIds\": [...]}: this installation's report ids, also for "
                    + "pseudonymised recipients; streamed, so a package of 1,000,000 reports is fine.")
    ResponseEntity<StreamingResponseBody> ids(@PathVariable String packageId) {
        Viewer v = viewer.get();
        if (sharing.ledgerEntry(v, packageId).isEmpty()) {
            throw new NotFoundException(
                    "packageId", "the ledger has no entry " + packageId + "; list it with GET /api/v1/sharing/ledger");
        }
        StreamingResponseBody body = out -> {
            try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
                json.writeStartObject();
                json.writeStringField("packageId", packageId);
                json.writeArrayFieldStart("reportIds");
                sharing.ledgerIds(v, packageId, id -> {
                    try {
                        json.writeString(id);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                json.writeEndArray();
                json.writeEndObject();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping(value = "/withdrawals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Send a withdrawal notice (SHARE)",
            description = "A small signed and encrypted package asking the recipient to delete the named reports "
                    + "(this installation's report ids, each of which the ledger must show was sent to that "
                    + "recipient), with a reason; recorded in the ledger as kind withdrawal. Download it with GET "
                    + "/api/v1/sharing/packages/{id}/download.")
    ResponseEntity<WithdrawalResponse> withdraw(@RequestBody WithdrawalRequest body) throws IOException {
        SharePackage notice = sharing.withdraw(viewer.get(), body.recipient(), body.reportIds(), body.reason());
        return ResponseEntity.created(URI.create("/api/v1/sharing/packages/" + notice.packageId()))
                .body(new WithdrawalResponse(
                        notice.packageId(),
                        notice.recipient(),
                        notice.kind().code(),
                        notice.reports(),
                        notice.sha256()));
    }

    private static boolean bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "" -> true;
            case "false" -> false;
            default -> throw new BadParameterException("draft", "draft '" + value + "' is not true or false");
        };
    }

    private static NotFoundException noPackage(String id) {
        return new NotFoundException(
                "id", "no sharing package with id " + id + "; list them with GET /api/v1/sharing/packages");
    }
}
