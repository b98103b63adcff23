package org.athar.sharing;

import java.io.IOException;
import java.util.function.Consumer;
import org.athar.report.Report;
import org.athar.search.ReportQuery;

/**
 * Where a package's reports come from: the engine, read from one point-in-time ({@link ShareableReportStore}). An
 * interface so the package writer can also be driven by a synthetic selection without the engine, which is how its
 * heap bound is measured (PackageStreamingTest).
 */
interface ShareableReports {

    /** The reports of one query for one recipient, read from one point-in-time. */
    interface Selection {

        /** How many reports the recipient may receive. */
        long shareable() throws IOException;

        Withheld withheld() throws IOException;

        /** Hands every shareable report over, in the same order at each call; returns how many. */
        long forEach(Consumer<Report> each) throws IOException;
    }

    /** Work done on a selection. */
    @FunctionalInterface
    interface Work<R> {
        R run(Selection selection) throws IOException;
    }

    /** Runs {@code work} on the selection of {@code query} for {@code recipientName} at one point in time. */
    <R> R select(ReportQuery query, String recipientName, Work<R> work) throws IOException;

    /** The counts without a point-in-time: what a package would carry now. */
    SharePreview preview(ReportQuery query, String recipientName) throws IOException;
}
