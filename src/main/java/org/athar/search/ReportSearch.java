package org.athar.search;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.athar.platform.Futures;
import org.athar.platform.Tasks;
import org.athar.report.VisibleReport;
import org.athar.security.AuditAction;
import org.athar.security.AuditLog;
import org.athar.security.ClientAddress;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Report search as a viewer may use it: every method takes the viewer and enforces its permissions, so a screen or
 * controller that forgets a check still cannot receive a name. Without {@link Permission#SEARCH} every method stops
 * with {@link org.athar.security.AccessDeniedException}; without {@link Permission#SEE_IDENTITIES} free text and
 * sorting by name are refused ({@link IdentitySearchRefusedException}), reports come without names, Latin names,
 * localities and narratives, suggestions are empty and nothing is highlighted. Filters, facets, counts, dates and
 * paging work for both.
 */
@Service
public class ReportSearch {

    /** The largest page {@link #search} serves. */
    public static final int MAX_PAGE_SIZE = SearchStore.MAX_PAGE_SIZE;
    /** The largest page {@link #scan} reads per engine request (below the engine's max_result_window). */
    public static final int MAX_SCAN_PAGE = 10_000;

    private final SearchStore store;
    private final AuditLog audit;
    /** Writes a first page's audit entry while its query runs (the page is returned only once the entry is stored). */
    private final ThreadPoolTaskExecutor auditWriter = Tasks.elastic("athar-search-audit", Duration.ofSeconds(10));

    ReportSearch(SearchStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @PreDestroy
    void stop() {
        auditWriter.shutdown();
    }

    /** One page; without a cursor the first, with one the page after it (same query and sort, or a 400). */
    public SearchPage search(Viewer viewer, ReportQuery query, ReportSort sort, int size, Optional<String> cursor)
            throws IOException {
        check(viewer, query, sort);
        Future<?> audited = cursor.isEmpty() ? searched(viewer, query, sort) : CompletableFuture.completedFuture(null);
        SearchStore.Found found;
        try {
            found = store.search(query, sort, size, cursor);
        } finally {
            awaitAudit(audited);
        }
        return new SearchPage(
                found.total(),
                found.imprecise(),
                found.hits().stream().map(r -> IdentityRules.visible(viewer, r)).toList(),
                found.next());
    }

    /**
     * The results of a search for a lazy grid: every row reachable by offset, from one point-in-time, each redacted
     * for the viewer. Opening it is the search (recorded in the audit log); close it when done.
     */
    public ResultWindow open(Viewer viewer, ReportQuery query, ReportSort sort) throws IOException {
        check(viewer, query, sort);
        Future<?> audited = searched(viewer, query, sort);
        try {
            return new ResultWindow(store, viewer, query, sort);
        } finally {
            awaitAudit(audited);
        }
    }

    /** One window of results by offset, read from a result set opened for it alone (see {@link #open}). */
    public List<VisibleReport> window(Viewer viewer, ReportQuery query, ReportSort sort, int offset, int limit)
            throws IOException {
        check(viewer, query, sort);
        Future<?> audited = offset == 0 ? searched(viewer, query, sort) : CompletableFuture.completedFuture(null);
        try (ResultWindow results = new ResultWindow(store, viewer, query, sort)) {
            return results.rows(offset, limit);
        } finally {
            awaitAudit(audited);
        }
    }

    /** One report, recorded in the audit log (its id) before it is returned. */
    public Optional<VisibleReport> find(Viewer viewer, String id) throws IOException {
        require(viewer, Permission.SEARCH, AuditAction.REPORT_VIEW);
        Optional<VisibleReport> found = store.find(id).map(r -> IdentityRules.visible(viewer, r));
        if (found.isPresent()) {
            audit.viewedReport(viewer, ClientAddress.current(), id);
        }
        return found;
    }

    /** Per facet, how many reports each value has under the query (see {@link SearchStore#facets}). */
    public Map<Facet, Map<String, Long>> facets(Viewer viewer, ReportQuery query) throws IOException {
        check(viewer, query);
        return store.facets(query);
    }

    /**
     * Names and localities that begin like what the user is typing; none for a viewer who may not see identities
     * (every suggestion is a name or a locality).
     */
    public List<String> suggest(Viewer viewer, String typed, int max) throws IOException {
        viewer.require(Permission.SEARCH);
        return IdentityRules.seesIdentities(viewer) ? store.suggest(typed, max) : List.of();
    }

    public long count(Viewer viewer, ReportQuery query) throws IOException {
        check(viewer, query);
        return store.count(query);
    }

    /**
     * Every report the query selects, as {@code viewer} may receive it, for an export of records: needs
     * {@link Permission#EXPORT_RECORDS}; free text is refused as for {@link #search} to a viewer who does not see
     * identities, and every report passes through the same redaction. {@code pageSize} reports are read per engine
     * request (up to {@link #MAX_SCAN_PAGE}). Returns how many were handed to {@code each}.
     */
    public long scan(Viewer viewer, ReportQuery query, int pageSize, Consumer<VisibleReport> each) throws IOException {
        viewer.require(Permission.EXPORT_RECORDS);
        IdentityRules.requireAllowed(viewer, query);
        if (pageSize < 1 || pageSize > MAX_SCAN_PAGE) {
            throw new IllegalArgumentException(
                    "a scan reads 1 to " + MAX_SCAN_PAGE + " reports per request, not " + pageSize);
        }
        return store.scan(query, pageSize, r -> each.accept(IdentityRules.visible(viewer, r)));
    }

    /** How many reports an export of records for {@code viewer} holds (as {@link #scan} will hand over). */
    public long countForExport(Viewer viewer, ReportQuery query) throws IOException {
        viewer.require(Permission.EXPORT_RECORDS);
        IdentityRules.requireAllowed(viewer, query);
        return store.count(query);
    }

    /** The versioned index the reports are read from now, which exports name as their data version. */
    public String dataIndex(Viewer viewer) throws IOException {
        viewer.require(Permission.EXPORT_AGGREGATES);
        return store.reportsIndex();
    }

    /** How many reports the query's date range leaves out as too imprecise or undated (0 without a range). */
    public long imprecise(Viewer viewer, ReportQuery query) throws IOException {
        check(viewer, query);
        return store.imprecise(query);
    }

    /**
     * {@code text} with the words {@code query} matched marked, for the screens; one unmarked run for a viewer who
     * may not see identities (highlighting is only ever about names and narratives).
     */
    public List<Highlights.Segment> highlights(Viewer viewer, String text, QueryText query, boolean isName) {
        viewer.require(Permission.SEARCH);
        if (!IdentityRules.seesIdentities(viewer)) {
            return text.isEmpty() ? List.of() : List.of(new Highlights.Segment(text, false));
        }
        return Highlights.of(text, query, isName);
    }

    private static void check(Viewer viewer, ReportQuery query) {
        viewer.require(Permission.SEARCH);
        IdentityRules.requireAllowed(viewer, query);
    }

    /** As {@link #check(Viewer, ReportQuery)} for a search that shows results: a refusal is recorded. */
    private void check(Viewer viewer, ReportQuery query, ReportSort sort) {
        require(viewer, Permission.SEARCH, AuditAction.SEARCH);
        try {
            IdentityRules.requireAllowed(viewer, query);
            IdentityRules.requireAllowed(viewer, sort);
        } catch (IdentitySearchRefusedException e) {
            audit.denied(viewer, ClientAddress.current(), AuditAction.SEARCH, Permission.SEE_IDENTITIES);
            throw e;
        }
    }

    private void require(Viewer viewer, Permission permission, AuditAction action) {
        if (!viewer.can(permission)) {
            audit.denied(viewer, ClientAddress.current(), action, permission);
            viewer.require(permission);
        }
    }

    /**
     * The first page of a query's results is about to be shown: its query and filters go to the audit log (never
     * its results); further pages of the same query are not new searches.
     */
    private Future<?> searched(Viewer viewer, ReportQuery query, ReportSort sort) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(ReportQueryParser.format(query));
        parameters.put("sort", List.of(sort.code()));
        String clientAddress = ClientAddress.current(); // read on the request's thread
        return auditWriter.submit(() -> audit.searched(viewer, clientAddress, parameters));
    }

    /**
     * Waits for the first page's audit entry: when it could not be stored, the page is not returned (the audit
     * log's {@link org.athar.security.AuditUnavailableException} reaches the caller, as if written first).
     */
    private static void awaitAudit(Future<?> audited) {
        Futures.awaitUnchecked(audited, "the audit entry of a search was written");
    }
}
