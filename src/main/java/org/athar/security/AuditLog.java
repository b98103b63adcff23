package org.athar.security;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.athar.security.AuditEntry.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The append-only audit log: who did what, from where, and how it ended. One call per recorded action, made where the
 * action happens. Writes are synchronous. When the engine refuses an entry the failure is logged at ERROR (without
 * the details) and the policy is <b>fail closed</b>: an action that shows or changes data is recorded <i>before</i> it
 * is carried out and does not proceed ({@link AuditUnavailableException}, HTTP 503). Refusals (failed sign-in,
 * denied) and sign-out proceed whatever happens, as stopping them would protect nothing. See docs/security-audit.md.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditStore store;
    private final Clock clock;

    AuditLog(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records one entry; throws {@link AuditUnavailableException} if the engine does not take it. */
    public AuditEntry record(
            Viewer viewer, String clientAddress, AuditAction action, Outcome outcome, Map<String, String> details) {
        return record(viewer.username(), clientAddress, action, outcome, details);
    }

    /** As {@link #record(Viewer, String, AuditAction, Outcome, Map)}, for a user not signed in (yet). */
    public AuditEntry record(
            String username, String clientAddress, AuditAction action, Outcome outcome, Map<String, String> details) {
        AuditEntry entry = new AuditEntry(clock.instant(), username, clientAddress, action, outcome, details);
        try {
            store.append(entry);
            return entry;
        } catch (IOException | RuntimeException e) {
            // Never the details: they may hold a query a user typed.
            log.error(
                    "Audit entry NOT written ({} {} by {} from {}): {}",
                    entry.action().code(),
                    entry.outcome().code(),
                    entry.username(),
                    entry.clientAddress(),
                    e.getMessage());
            throw new AuditUnavailableException(
                    "The audit log could not record this " + action.code() + " ("
                            + e.getMessage()
                            + "), so it was not carried out; check that Elasticsearch accepts writes to "
                            + "the athar-audit index (disk space, read-only blocks) and try again",
                    e);
        }
    }

    /** A successful sign-in; call before the session starts (fail closed). */
    public void signedIn(String username, String clientAddress) {
        record(username, clientAddress, AuditAction.SIGN_IN, Outcome.SUCCESS, Map.of());
    }

    /** A refused sign-in ({@code reason} e.g. "bad_credentials", "throttled"; never the password); never throws. */
    public void signInFailed(String username, String clientAddress, String reason) {
        quietly(username, clientAddress, AuditAction.SIGN_IN, Outcome.FAILURE, Map.of("reason", reason));
    }

    /** A sign-out; never throws, as signing out must always work. */
    public void signedOut(Viewer viewer, String clientAddress) {
        quietly(viewer.username(), clientAddress, AuditAction.SIGN_OUT, Outcome.SUCCESS, Map.of());
    }

    /**
     * A search, before its results are shown: the query's parameters (e.g. {@code QueryParameters.format(query)}, the
     * text under {@code q}), never its results.
     */
    public void searched(Viewer viewer, String clientAddress, Map<String, ? extends Collection<String>> parameters) {
        record(viewer, clientAddress, AuditAction.SEARCH, Outcome.SUCCESS, joined(parameters));
    }

    /** A report page or API read of one report, before it is shown: its id only. */
    public void viewedReport(Viewer viewer, String clientAddress, String reportId) {
        record(viewer, clientAddress, AuditAction.REPORT_VIEW, Outcome.SUCCESS, Map.of("report_id", reportId));
    }

    /** An export, before its file is sent: its kind (e.g. "xlsx"), filters, disclosure profile and row count. */
    public void exported(
            Viewer viewer,
            String clientAddress,
            String kind,
            Map<String, ? extends Collection<String>> filters,
            String profile,
            long rows) {
        Map<String, String> details = joined(filters);
        details.put("kind", kind);
        details.put("profile", profile);
        details.put("rows", Long.toString(rows));
        record(viewer, clientAddress, AuditAction.EXPORT, Outcome.SUCCESS, details);
    }

    /**
     * Figures released under the {@code public} profile (API, Trends, charts, workbooks, briefings), before they are
     * sent: the filters and every figure, so that a reviewer can reconstruct what went out together.
     */
    public void publishedFigures(
            Viewer viewer,
            String clientAddress,
            String kind,
            Map<String, ? extends Collection<String>> filters,
            String figures) {
        Map<String, String> details = joined(filters);
        details.put("kind", kind);
        details.put("profile", "public");
        details.put("figures", figures);
        record(viewer, clientAddress, AuditAction.PUBLIC_FIGURES, Outcome.SUCCESS, details);
    }

    /** An export of the audit log itself (the CSV), before it is sent. */
    public void exportedAuditLog(Viewer viewer, String clientAddress, AuditFilter filter, long rows) {
        Map<String, String> details = new LinkedHashMap<>(filter.describe());
        details.put("kind", "audit_csv");
        details.put("rows", Long.toString(rows));
        record(viewer, clientAddress, AuditAction.EXPORT, Outcome.SUCCESS, details);
    }

    /**
     * A completed import. Its reports are stored by then (and its batch record says who imported what), so if this
     * entry cannot be written the exception says that the import itself succeeded.
     */
    public void imported(
            Viewer viewer,
            String clientAddress,
            String batchId,
            String fileName,
            long received,
            long indexed,
            long updated,
            long unchanged,
            long rejected) {
        try {
            record(
                    viewer,
                    clientAddress,
                    AuditAction.IMPORT,
                    Outcome.SUCCESS,
                    importDetails(Optional.of(batchId), fileName, received, indexed, updated, unchanged, rejected));
        } catch (AuditUnavailableException e) {
            throw new AuditUnavailableException(
                    "Import " + batchId + " of " + fileName + " completed (" + received
                            + " rows received, " + indexed + " new, " + updated + " updated, " + unchanged
                            + " unchanged, "
                            + rejected + " rejected) but "
                            + "the audit log could not record it; check that Elasticsearch accepts writes to the athar-audit "
                            + "index",
                    e.getCause());
        }
    }

    /**
     * An import that stopped or never started ({@code reason} a short code such as "unreadable_file", "row_limit",
     * never the file's content); never throws, the user already has the import's own error.
     */
    public void importFailed(
            Viewer viewer,
            String clientAddress,
            String fileName,
            Optional<String> batchId,
            String reason,
            long received,
            long indexed,
            long updated,
            long unchanged,
            long rejected) {
        Map<String, String> details = importDetails(batchId, fileName, received, indexed, updated, unchanged, rejected);
        details.put("reason", reason);
        quietly(viewer.username(), clientAddress, AuditAction.IMPORT, Outcome.FAILURE, details);
    }

    /**
     * A change to a user account, just after it is saved ({@code change} e.g. "roles_changed ANALYST", never a
     * password or token). The change stands either way, so if this entry cannot be written the exception says it was
     * saved; with {@code quiet} (changes made while signing in, such as a used recovery code) nothing is thrown at all.
     */
    public void changedUser(String actor, String clientAddress, String targetUsername, String change, boolean quiet) {
        Map<String, String> details = Map.of("target_user", targetUsername, "change", change);
        if (quiet) {
            quietly(actor, clientAddress, AuditAction.USER_CHANGE, Outcome.SUCCESS, details);
            return;
        }
        try {
            record(actor, clientAddress, AuditAction.USER_CHANGE, Outcome.SUCCESS, details);
        } catch (AuditUnavailableException e) {
            throw new AuditUnavailableException(
                    "The change to account '" + targetUsername + "' (" + change + ") was "
                            + "saved, but the audit log could not record it; check that Elasticsearch accepts writes to the "
                            + "athar-audit index",
                    e.getCause());
        }
    }

    /** A change of a setting, before it is applied (never pass a secret as {@code value}). */
    public void changedSetting(Viewer actor, String clientAddress, String setting, String value) {
        record(
                actor,
                clientAddress,
                AuditAction.SETTING_CHANGE,
                Outcome.SUCCESS,
                Map.of("setting", setting, "value", value));
    }

    /** An action refused for a missing permission; never throws, the refusal stands either way. */
    public void denied(Viewer viewer, String clientAddress, AuditAction action, Permission missing) {
        quietly(viewer.username(), clientAddress, action, Outcome.DENIED, Map.of("missing_permission", missing.name()));
    }

    /** Entries matching {@code filter}, newest first, for a viewer who may {@link Permission#ADMINISTER}. */
    public AuditPage find(Viewer viewer, AuditFilter filter, int offset, int limit) throws IOException {
        viewer.require(Permission.ADMINISTER);
        return store.find(filter, offset, limit);
    }

    public long count(Viewer viewer, AuditFilter filter) throws IOException {
        viewer.require(Permission.ADMINISTER);
        return store.count(filter);
    }

    /** Every entry matching {@code filter}, newest first, streamed (for the CSV export). */
    public void forEach(Viewer viewer, AuditFilter filter, Consumer<AuditEntry> each) throws IOException {
        viewer.require(Permission.ADMINISTER);
        store.forEach(filter, each);
    }

    private void quietly(
            String username, String clientAddress, AuditAction action, Outcome outcome, Map<String, String> details) {
        try {
            record(username, clientAddress, action, outcome, details);
        } catch (AuditUnavailableException e) {
            // Already logged at ERROR by record(); the action this entry describes stands either way.
        }
    }

    private static Map<String, String> importDetails(
            Optional<String> batchId,
            String fileName,
            long received,
            long indexed,
            long updated,
            long unchanged,
            long rejected) {
        Map<String, String> details = new LinkedHashMap<>();
        batchId.ifPresent(b -> details.put("batch_id", b));
        details.put("file_name", fileName);
        details.put("received", Long.toString(received));
        details.put("indexed", Long.toString(indexed));
        details.put("updated", Long.toString(updated));
        details.put("unchanged", Long.toString(unchanged));
        details.put("rejected", Long.toString(rejected));
        return details;
    }

    private static Map<String, String> joined(Map<String, ? extends Collection<String>> parameters) {
        Map<String, String> details = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!values.isEmpty()) {
                details.put(name, String.join(",", values));
            }
        });
        return details;
    }
}
