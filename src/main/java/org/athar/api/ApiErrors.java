package org.athar.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.athar.backup.BackupException;
import org.athar.briefing.BriefingNotFoundException;
import org.athar.engine.EngineStatus;
import org.athar.ingest.ImportFailedException;
import org.athar.ingest.ImportFormatException;
import org.athar.ingest.ImportLimits;
import org.athar.ingest.ImportStoppedException;
import org.athar.linkage.PairNotFoundException;
import org.athar.search.BadParameterException;
import org.athar.search.IdentitySearchRefusedException;
import org.athar.security.AccessDeniedException;
import org.athar.security.AuditUnavailableException;
import org.athar.security.InvalidUserException;
import org.athar.security.NoSuchUserException;
import org.athar.security.UserConflictException;
import org.athar.security.UserStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns failures into JSON a script can act on: what went wrong and, where it applies, which parameter. Unexpected
 * failures answer a fixed sentence; their text and stack trace go to the server log only.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    static final String ENGINE_UNAVAILABLE = "the search engine (Elasticsearch) is not answering, so Athar cannot "
            + "read or store reports right now; nothing stored is lost and Athar reconnects by itself when the engine "
            + "is back (GET /actuator/health says UP); try again in a minute";

    private final ImportLimits limits;
    private final EngineStatus engine;

    ApiErrors(ImportLimits limits, EngineStatus engine) {
        this.limits = limits;
        this.engine = engine;
    }

    @ExceptionHandler(ImportStoppedException.class)
    ResponseEntity<Map<String, String>> stoppedImport(ImportStoppedException e) {
        return ResponseEntity.badRequest()
                .body(Map.of("error", e.getMessage(), "parameter", "file", "batchId", e.batchId()));
    }

    @ExceptionHandler(ImportFormatException.class)
    ResponseEntity<Map<String, String>> unreadableFile(ImportFormatException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage(), "parameter", "file"));
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<Map<String, String>> badParameter(BadParameterException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage(), "parameter", e.parameter()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, String>> missingPart(MissingServletRequestPartException e) {
        return ResponseEntity.badRequest()
                .body(Map.of(
                        "error",
                        "multipart field '" + e.getRequestPartName() + "' is required",
                        "parameter",
                        e.getRequestPartName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missingParameter(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest()
                .body(Map.of(
                        "error",
                        "parameter '" + e.getParameterName() + "' is required",
                        "parameter",
                        e.getParameterName()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(Map.of(
                        "error",
                        "the file is larger than "
                                + limits.maxFileSizeText()
                                + ", the largest upload Athar accepts (setting athar.import.max-file-size); "
                                + "split it into smaller files or ask an administrator to raise the limit",
                        "parameter",
                        "file"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Map.of("error", e.getMessage(), "permission", e.missing().name()));
    }

    @ExceptionHandler(ChartRenderSlots.Busy.class)
    ResponseEntity<Map<String, String>> tooManyRenders(ChartRenderSlots.Busy e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", "5")
                .body(Map.of("error", ChartRenderSlots.Busy.MESSAGE));
    }

    @ExceptionHandler(AuditUnavailableException.class)
    ResponseEntity<Map<String, String>> auditUnavailable(AuditUnavailableException e) {
        // AuditLog has logged the failure at ERROR already.
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage()));
    }

    /** The role lacks a permission; the message names it and nothing the caller sent. */
    /** Free text or sorting by name for a role that does not see names; the refused text is not echoed. */
    @ExceptionHandler(IdentitySearchRefusedException.class)
    ResponseEntity<Map<String, String>> identitiesWithheld(IdentitySearchRefusedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Map.of("error", e.getMessage(), "parameter", e.parameter()));
    }

    @ExceptionHandler(ImportFailedException.class)
    ResponseEntity<Map<String, String>> engineFailed(ImportFailedException e) {
        log.warn("Import failed: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(InvalidUserException.class)
    ResponseEntity<Map<String, String>> invalidUser(InvalidUserException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage(), "parameter", e.field()));
    }

    @ExceptionHandler(UserConflictException.class)
    ResponseEntity<Map<String, String>> conflict(UserConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(NoSuchUserException.class)
    ResponseEntity<Map<String, String>> noSuchUser(NoSuchUserException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", e.getMessage(), "parameter", "username"));
    }

    @ExceptionHandler(BriefingNotFoundException.class)
    ResponseEntity<Map<String, String>> noSuchBriefing(BriefingNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage(), "parameter", "id"));
    }

    @ExceptionHandler(ReportNotFoundException.class)
    ResponseEntity<Map<String, String>> noSuchReport(ReportNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage(), "parameter", "id"));
    }

    @ExceptionHandler(PairNotFoundException.class)
    ResponseEntity<Map<String, String>> noSuchPair(PairNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage(), "parameter", "id"));
    }

    @ExceptionHandler(UserStoreException.class)
    ResponseEntity<Map<String, String>> usersUnavailable(UserStoreException e) {
        log.warn("User index unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", "the user index did not " + "answer; try again in a minute"));
    }

    @ExceptionHandler(BackupException.class)
    ResponseEntity<Map<String, String>> backup(BackupException e) {
        return switch (e.kind()) {
            case NOT_CONFIGURED ->
                ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(Map.of("error", e.getMessage(), "setting", "athar.backup.repository"));
            case NOT_FOUND ->
                ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage(), "parameter", "name"));
            case NOT_CONFIRMED ->
                ResponseEntity.badRequest().body(Map.of("error", e.getMessage(), "parameter", "confirm"));
            case INVALID_NAME -> ResponseEntity.badRequest().body(Map.of("error", e.getMessage(), "parameter", "name"));
            case CONFLICT -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
            case FAILED -> {
                log.warn("Backup or restore failed: {}", e.getMessage());
                yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage()));
            }
        };
    }

    /**
     * A parameter (or header) holds a character the server refuses, such as NUL: a 400 naming the parameter as the
     * client wrote it, with a fixed sentence that does not repeat the character.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Map<String, String>> rejectedRequest(RequestRejectedException e, HttpServletRequest request) {
        log.info("Refused a request with a character the firewall does not accept: {}", e.getMessage());
        return ApiParameters.refusedParameter(request.getQueryString())
                .map(name -> ResponseEntity.badRequest()
                        .body(Map.of(
                                "error",
                                "a parameter's name or value holds a "
                                        + "character Athar does not accept (a control character such as NUL); remove it and send "
                                        + "the request again",
                                "parameter",
                                name)))
                .orElseGet(() -> ResponseEntity.badRequest()
                        .body(Map.of(
                                "error",
                                "the request holds a character "
                                        + "Athar does not accept (a control character such as NUL) in a parameter or a header; "
                                        + "remove it and send the request again")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadableBody(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest()
                .body(Map.of(
                        "error",
                        "the request body is not the JSON this endpoint " + "expects; see /api-docs.html",
                        "parameter",
                        "body"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            // Spring's own (405, 406, 415, …): its status and its fixed sentence, nothing from inside.
            String detail = known.getBody().getDetail();
            return ResponseEntity.status(known.getStatusCode())
                    .body(Map.of("error", detail == null ? known.getStatusCode().toString() : detail));
        }
        if (!engine.isAvailable()) {
            // Whatever broke, it broke because the engine is down: say so instead of "internal error".
            log.warn("API request failed while the engine is down: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", ENGINE_UNAVAILABLE));
        }
        if (e instanceof IOException) {
            log.warn("I/O failure answering an API request: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("error", "the search engine or " + "the connection failed; try again in a minute"));
        }
        log.error("Unexpected failure answering an API request", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Map.of(
                        "error",
                        "an internal error " + "occurred; an administrator finds the details in the server log"));
    }
}
