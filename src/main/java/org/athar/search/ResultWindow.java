package org.athar.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.athar.report.Report;
import org.athar.report.VisibleReport;
import org.athar.security.Permission;
import org.athar.security.Viewer;

/**
 * The results of one search as a lazy grid reads them: rows at any offset, however deep, in the order of the sort
 * with the report id as tie-breaker, all from one point-in-time (so scrolling never repeats or skips a report while
 * reports are imported), each row redacted for the viewer. Opened by {@link ReportSearch#open}; close it when the
 * query or sort changes or the screen goes away. Offset paging stops at the engine's 10,000th hit; this walks on with
 * {@code search_after}, remembering where each page ended so that a jump reads on from the nearest known position.
 */
public final class ResultWindow implements AutoCloseable {

    /** Positions kept at most (about 100 bytes each); past that a jump may walk a little further. */
    private static final int MAX_POSITIONS = 100_000;

    private final SearchStore store;
    private final Viewer viewer;
    private final ReportQuery query;
    private final ReportSort sort;
    /** Offset → the sort values of the hit just before it (empty at offset 0). */
    private final TreeMap<Long, Optional<SearchStore.Position>> positions = new TreeMap<>();

    private String pit;
    private long total;
    private boolean closed;

    ResultWindow(SearchStore store, Viewer viewer, ReportQuery query, ReportSort sort) throws IOException {
        this.store = store;
        this.viewer = viewer;
        this.query = query;
        this.sort = sort;
        open();
    }

    private void open() throws IOException {
        pit = store.openPointInTime();
        positions.clear();
        positions.put(0L, Optional.empty());
        try {
            total = read(Optional.empty(), 0, false, true).total();
        } catch (IOException | RuntimeException e) {
            store.closePointInTime(pit);
            throw e;
        }
    }

    /** How many reports the search selects (exact, counted in the same point-in-time the rows come from). */
    public synchronized long total() {
        return total;
    }

    public ReportQuery query() {
        return query;
    }

    public ReportSort sort() {
        return sort;
    }

    /**
     * Up to {@code limit} rows from {@code offset} on, as the viewer may see them; fewer (or none) past the end.
     * When the result set expired while the screen stood idle it is opened again: the rows then come from the index
     * as it is now.
     */
    public synchronized List<VisibleReport> rows(long offset, int limit) throws IOException {
        viewer.require(Permission.SEARCH);
        if (closed) {
            throw new IllegalStateException("this result window is closed; open a new one for the search");
        }
        if (offset < 0 || limit < 1) {
            return List.of();
        }
        int size = Math.min(limit, SearchStore.MAX_WINDOW);
        List<Report> found;
        try {
            found = walk(offset, size);
        } catch (SearchStore.ExpiredPit expired) {
            open();
            found = walk(offset, size);
        }
        return found.stream().map(r -> IdentityRules.visible(viewer, r)).toList();
    }

    private List<Report> walk(long offset, int size) throws IOException {
        Map.Entry<Long, Optional<SearchStore.Position>> start = positions.floorEntry(offset);
        long at = start.getKey();
        Optional<SearchStore.Position> after = start.getValue();
        // Skip ahead reading positions only (no report bodies), at most the engine's window per request.
        while (at < offset) {
            int skip = (int) Math.min(offset - at, SearchStore.MAX_WINDOW);
            SearchStore.PitPage page = read(after, skip, false, false);
            if (page.read() == 0) {
                return List.of();
            }
            at += page.read();
            after = page.end();
            remember(at, after);
            if (page.read() < skip) {
                return List.of();
            }
        }
        SearchStore.PitPage page = read(after, size, true, false);
        remember(offset + page.read(), page.end());
        return page.hits();
    }

    private SearchStore.PitPage read(Optional<SearchStore.Position> after, int size, boolean sources, boolean count)
            throws IOException {
        SearchStore.PitPage page = store.pitPage(pit, query, sort, after, size, sources, count);
        pit = page.pit();
        return page;
    }

    private void remember(long offset, Optional<SearchStore.Position> end) {
        if (end.isPresent() && (positions.size() < MAX_POSITIONS || positions.containsKey(offset))) {
            positions.put(offset, end);
        }
    }

    /** Frees the point-in-time; further reads are refused. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            store.closePointInTime(pit);
        }
    }
}
