package org.athar.api;

import jakarta.servlet.http.HttpServletRequest;
import org.athar.backup.BackupException;
import org.athar.briefing.BriefingNotFoundException;
import org.athar.ingest.ImportFailedException;
import org.athar.ingest.ImportFormatException;
import org.athar.ingest.ImportStoppedException;
import org.athar.linkage.NoteRequiredException;
import org.athar.linkage.OverlapTooLargeException;
import org.athar.linkage.PairNotFoundException;
import org.athar.linkage.RelinkRunningException;
import org.athar.platform.ProblemKind;
import org.athar.platform.Problems;
import org.athar.search.BadParameterException;
import org.athar.search.IdentitySearchRefusedException;
import org.athar.security.AccessDeniedException;
import org.athar.security.AuditUnavailableException;
import org.athar.security.InvalidUserException;
import org.athar.security.NoSuchUserException;
import org.athar.security.UserConflictException;
import org.athar.security.UserStoreException;
import org.athar.sharing.PackageNotDraftException;
import org.athar.sharing.PackageNotFoundException;
import org.athar.sharing.PackageRefusedException;
import org.athar.sharing.RegistrationConflictException;
import org.athar.sharing.RegistrationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns Athar's own failures in the API's controllers into problem details a script can act on (docs/api.md): what
 * went wrong, what to do next and, where it applies, which parameter. Asked before {@link HttpErrors}, which answers
 * Spring's own failures and everything unexpected.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    static final String OVERLAP_TOO_LARGE = "the persons are documented by more than 10,000 combinations of sources, "
            + "more than the overlap of sources can list; count persons by source instead (GET /api/v1/stats/source)";

    static final String RELINK_RUNNING = "a full re-link of all reports is running, and linkage changes wait for it; "
            + "send the request again when GET /api/v1/linkage/relink answers a state other than running";

    static final String NOTE_FOR_CHANGE =
            "a note is required to change a reviewer's decision: send {\"decision\": …, \"note\": \"why\"}, "
                    + "for the next reviewer";

    static final String NOTE_FOR_REJECTING_AUTO =
            "a note is required to reject a link the linker made automatically: send {\"decision\": \"rejected\", "
                    + "\"note\": \"why\"}, for the next reviewer";

    static final String PACKAGE_NOT_DRAFT = "only a draft can be sent, and this package was sent already (or is being "
            + "sent now); prepare a new package with POST /api/v1/sharing/packages";

    @ExceptionHandler(ImportStoppedException.class)
    ResponseEntity<ProblemDetail> stoppedImport(ImportStoppedException e, HttpServletRequest request) {
        ProblemDetail problem = bad(ProblemKind.IMPORT_STOPPED, e.getMessage(), "file");
        problem.setProperty("batchId", e.batchId());
        return Problems.answer(problem, request);
    }

    @ExceptionHandler(ImportFormatException.class)
    ResponseEntity<ProblemDetail> unreadableFile(ImportFormatException e, HttpServletRequest request) {
        return Problems.answer(bad(ProblemKind.FILE_UNREADABLE, e.getMessage(), "file"), request);
    }

    /** A refused package: a fixed sentence per reason (the detail may name what the sender wrote), nothing stored. */
    @ExceptionHandler(PackageRefusedException.class)
    ResponseEntity<ProblemDetail> packageRefused(PackageRefusedException e, HttpServletRequest request) {
        ProblemDetail problem = bad(ProblemKind.PACKAGE_REFUSED, refusal(e.reason()), "file");
        problem.setProperty("reason", e.reason().code());
        return Problems.answer(problem, request);
    }

    static String refusal(PackageRefusedException.Reason reason) {
        String sentence = switch (reason) {
            case NOT_A_PACKAGE ->
                "the file is not an Athar package (an OpenPGP message holding a package ZIP); "
                        + "check that you uploaded the .pgp file the partner sent";
            case NOT_FOR_THIS_INSTALLATION ->
                "the package is encrypted to another installation's key; ask the "
                        + "sender to register this installation's public key (GET /api/v1/admin/keys/public) as the "
                        + "recipient and send it again";
            case UNSIGNED ->
                "the package is not signed, so its sender cannot be verified; ask the sender for a "
                        + "package made by Athar";
            case UNKNOWN_SENDER ->
                "the package is signed by a key no registered sender has; register the "
                        + "partner (POST /api/v1/admin/senders) after checking its fingerprint with them, then "
                        + "upload it again";
            case BAD_SIGNATURE ->
                "the package's signature does not verify: it was changed after signing or "
                        + "signed by someone else than it claims; ask the sender for a fresh copy";
            case TAMPERED ->
                "the package was changed or damaged after it was encrypted; ask the sender for a " + "fresh copy";
            case CHECKSUM_MISMATCH ->
                "a file in the package differs from the checksum its manifest states, or "
                        + "the package holds files its manifest does not list; ask the sender for a fresh copy";
            case UNSUPPORTED_VERSION ->
                "the package is in a format version this Athar does not read; update "
                        + "Athar or ask the sender for a version 1 package";
            case PSEUDONYMISED ->
                "the package is pseudonymised (no names), and Athar needs names to link "
                        + "records; ask the sender to register this installation as an identity recipient";
        };
        return sentence + "; nothing of it was stored";
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameterException e, HttpServletRequest request) {
        return Problems.answer(bad(ProblemKind.BAD_PARAMETER, e.getMessage(), e.parameter()), request);
    }

    /** The role lacks a permission; the message names it and nothing the caller sent. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, ProblemKind.PERMISSION_MISSING, e.getMessage());
        problem.setProperty("permission", e.missing().name());
        return Problems.answer(problem, request);
    }

    /** Free text or sorting by name for a role that does not see names; the refused text is not echoed. */
    @ExceptionHandler(IdentitySearchRefusedException.class)
    ResponseEntity<ProblemDetail> identitiesWithheld(IdentitySearchRefusedException e, HttpServletRequest request) {
        return Problems.answer(
                Problems.naming(
                        Problems.of(HttpStatus.FORBIDDEN, ProblemKind.IDENTITY_WITHHELD, e.getMessage()),
                        e.parameter()),
                request);
    }

    @ExceptionHandler(ChartRenderSlots.Busy.class)
    ResponseEntity<ProblemDetail> tooManyRenders(ChartRenderSlots.Busy e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return Problems.answer(
                Problems.of(HttpStatus.TOO_MANY_REQUESTS, ProblemKind.BUSY, ChartRenderSlots.Busy.MESSAGE),
                request,
                headers);
    }

    @ExceptionHandler(AuditUnavailableException.class)
    ResponseEntity<ProblemDetail> auditUnavailable(AuditUnavailableException e, HttpServletRequest request) {
        // AuditLog has logged the failure at ERROR already.
        return Problems.answer(
                Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemKind.AUDIT_UNAVAILABLE, e.getMessage()), request);
    }

    @ExceptionHandler(ImportFailedException.class)
    ResponseEntity<ProblemDetail> engineFailed(ImportFailedException e, HttpServletRequest request) {
        log.warn("Import failed: {}", e.getMessage());
        return Problems.answer(
                Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemKind.ENGINE_UNAVAILABLE, e.getMessage()), request);
    }

    @ExceptionHandler(InvalidUserException.class)
    ResponseEntity<ProblemDetail> invalidUser(InvalidUserException e, HttpServletRequest request) {
        return Problems.answer(bad(ProblemKind.BAD_PARAMETER, e.getMessage(), e.field()), request);
    }

    @ExceptionHandler(RegistrationException.class)
    ResponseEntity<ProblemDetail> invalidPartner(RegistrationException e, HttpServletRequest request) {
        return Problems.answer(bad(ProblemKind.BAD_PARAMETER, e.getMessage(), e.field()), request);
    }

    @ExceptionHandler(RegistrationConflictException.class)
    ResponseEntity<ProblemDetail> partnerConflict(RegistrationConflictException e, HttpServletRequest request) {
        return Problems.answer(
                Problems.naming(Problems.of(HttpStatus.CONFLICT, ProblemKind.CONFLICT, e.getMessage()), e.field()),
                request);
    }

    @ExceptionHandler(UserConflictException.class)
    ResponseEntity<ProblemDetail> conflict(UserConflictException e, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.CONFLICT, ProblemKind.CONFLICT, e.getMessage()), request);
    }

    @ExceptionHandler(NoSuchUserException.class)
    ResponseEntity<ProblemDetail> noSuchUser(NoSuchUserException e, HttpServletRequest request) {
        return Problems.answer(notFound(e.getMessage(), "username"), request);
    }

    @ExceptionHandler(BriefingNotFoundException.class)
    ResponseEntity<ProblemDetail> noSuchBriefing(BriefingNotFoundException e, HttpServletRequest request) {
        return Problems.answer(notFound(e.getMessage(), "id"), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> nothingHasTheId(NotFoundException e, HttpServletRequest request) {
        return Problems.answer(notFound(e.getMessage(), e.parameter()), request);
    }

    @ExceptionHandler(PairNotFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPair(PairNotFoundException e, HttpServletRequest request) {
        return Problems.answer(notFound(e.getMessage(), "id"), request);
    }

    /** Decisions and re-links wait for a running re-link; a fixed sentence, nothing from inside the linker. */
    @ExceptionHandler(RelinkRunningException.class)
    ResponseEntity<ProblemDetail> relinkRunning(RelinkRunningException e, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.CONFLICT, ProblemKind.LINKAGE_CONFLICT, RELINK_RUNNING), request);
    }

    /** The overlap table has a row per combination of sources; past 10,000 it cannot be listed (fixed sentence). */
    @ExceptionHandler(OverlapTooLargeException.class)
    ResponseEntity<ProblemDetail> overlapTooLarge(OverlapTooLargeException e, HttpServletRequest request) {
        return Problems.answer(
                Problems.of(HttpStatus.CONFLICT, ProblemKind.LINKAGE_CONFLICT, OVERLAP_TOO_LARGE), request);
    }

    @ExceptionHandler(NoteRequiredException.class)
    ResponseEntity<ProblemDetail> noteRequired(NoteRequiredException e, HttpServletRequest request) {
        String sentence = e.changesReviewersDecision() ? NOTE_FOR_CHANGE : NOTE_FOR_REJECTING_AUTO;
        return Problems.answer(bad(ProblemKind.BAD_PARAMETER, sentence, "note"), request);
    }

    @ExceptionHandler(PackageNotFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPackage(PackageNotFoundException e, HttpServletRequest request) {
        return Problems.answer(notFound(e.getMessage(), "id"), request);
    }

    /** A package that was sent (or is being sent) is never sent again; a fixed sentence. */
    @ExceptionHandler(PackageNotDraftException.class)
    ResponseEntity<ProblemDetail> notADraft(PackageNotDraftException e, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.CONFLICT, ProblemKind.CONFLICT, PACKAGE_NOT_DRAFT), request);
    }

    @ExceptionHandler(UserStoreException.class)
    ResponseEntity<ProblemDetail> usersUnavailable(UserStoreException e, HttpServletRequest request) {
        log.warn("User index unavailable: {}", e.getMessage());
        return Problems.answer(
                Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemKind.ENGINE_UNAVAILABLE,
                        "the user index did not answer; try again in a minute"),
                request);
    }

    @ExceptionHandler(BackupException.class)
    ResponseEntity<ProblemDetail> backup(BackupException e, HttpServletRequest request) {
        ProblemDetail problem = switch (e.kind()) {
            case NOT_CONFIGURED -> {
                ProblemDetail p =
                        Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemKind.BACKUP_NOT_CONFIGURED, e.getMessage());
                p.setProperty("setting", "athar.backup.repository");
                yield p;
            }
            case NOT_FOUND -> notFound(e.getMessage(), "name");
            case NOT_CONFIRMED -> bad(ProblemKind.BAD_PARAMETER, e.getMessage(), "confirm");
            case INVALID_NAME -> bad(ProblemKind.BAD_PARAMETER, e.getMessage(), "name");
            case CONFLICT -> Problems.of(HttpStatus.CONFLICT, ProblemKind.CONFLICT, e.getMessage());
            case FAILED -> {
                log.warn("Backup or restore failed: {}", e.getMessage());
                yield Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemKind.BACKUP_FAILED, e.getMessage());
            }
        };
        return Problems.answer(problem, request);
    }

    private static ProblemDetail bad(ProblemKind kind, String sentence, String parameter) {
        return Problems.naming(Problems.of(HttpStatus.BAD_REQUEST, kind, sentence), parameter);
    }

    private static ProblemDetail notFound(String sentence, String parameter) {
        return Problems.naming(Problems.of(HttpStatus.NOT_FOUND, ProblemKind.NOT_FOUND, sentence), parameter);
    }
}
