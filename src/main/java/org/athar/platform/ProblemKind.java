package org.athar.platform;

import java.net.URI;
import java.util.Locale;

/**
 * The kinds of API error a script can tell apart by their {@code type}, {@code urn:athar:problem:<kind>}: a small
 * stable set, listed in docs/api.md. An error without a kind of its own (405, 406, 415, 500) has the type
 * {@code about:blank} and says everything with its status.
 */
public enum ProblemKind {
    /** A parameter, body member or field has a value Athar does not accept; {@code parameter} names it. */
    BAD_PARAMETER("A parameter is not accepted"),
    /** The request body is not the JSON the endpoint expects. */
    UNREADABLE_BODY("The request body cannot be read"),
    /** An uploaded file cannot be read as a CSV, XLSX or JSON Lines file of reports. */
    FILE_UNREADABLE("The uploaded file cannot be read"),
    /** An import stopped at a row and stored nothing of the file; {@code batchId} names the import. */
    IMPORT_STOPPED("The import stopped"),
    /** A partner's package was refused (tampered, unsigned, unknown sender, …); {@code reason} says why. */
    PACKAGE_REFUSED("The package was refused"),
    /** An upload is larger than the largest Athar accepts. */
    UPLOAD_TOO_LARGE("The upload is too large"),
    /** No credentials, or credentials that were not accepted. */
    SIGN_IN_REQUIRED("Sign-in required"),
    /** Too many failed sign-ins: wait {@code Retry-After} seconds. */
    SIGN_IN_THROTTLED("Sign-in slowed down"),
    /** The sign-in is not complete (one-time code or two-step set-up pending). */
    SIGN_IN_INCOMPLETE("Sign-in not complete"),
    /** None of the caller's roles grants what the request needs; {@code permission} names it when known. */
    PERMISSION_MISSING("Permission missing"),
    /** A change sent with the browser's session cookie lacks the CSRF token. */
    CSRF_TOKEN_MISSING("CSRF token missing"),
    /** Free text or sorting by name for a role that does not see names. */
    IDENTITY_WITHHELD("Names are withheld from this role"),
    /** No API endpoint has this address. */
    UNKNOWN_ADDRESS("Unknown API address"),
    /** The address is right but nothing has the id or name asked for. */
    NOT_FOUND("Not found"),
    /** The request conflicts with what is stored (a user or backup of that name exists, …). */
    CONFLICT("Conflict"),
    /** A full re-link of all reports is running; linkage changes wait for it. */
    LINKAGE_CONFLICT("A re-link is running"),
    /** Too many requests of this kind at once from this user; try again after {@code Retry-After}. */
    BUSY("Busy"),
    /** Elasticsearch (or the connection to it) does not answer; nothing stored is lost. */
    ENGINE_UNAVAILABLE("Search engine unavailable"),
    /** The audit log cannot be written, so the action that needs an entry is refused (fail closed). */
    AUDIT_UNAVAILABLE("Audit log unavailable"),
    /** Backups need a snapshot repository; {@code setting} names the setting. */
    BACKUP_NOT_CONFIGURED("Backups are not configured"),
    /** A backup or restore failed in the engine. */
    BACKUP_FAILED("Backup or restore failed");

    private static final String PREFIX = "urn:athar:problem:";

    private final String title;

    ProblemKind(String title) {
        this.title = title;
    }

    /** The kind as written in the type, e.g. {@code bad-parameter}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code urn:athar:problem:<kind>}. */
    public URI type() {
        return URI.create(PREFIX + code());
    }

    /** The same short summary for every error of this kind (RFC 9457 {@code title}). */
    public String title() {
        return title;
    }
}
