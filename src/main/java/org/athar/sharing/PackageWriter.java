package org.athar.sharing;

import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.athar.search.ReportQuery;
import org.springframework.stereotype.Component;

/**
 * Writes the ZIP of one package (not its encryption): the reports matching the filters that are shareable with the
 * recipient, streamed from one point-in-time scan, with README, records, CSV, summary workbook and manifest. The
 * format is in docs/sharing.md.
 */
@Component
public class PackageWriter {

    /**
     * Writes the package to {@code zip} (left open); hands each written report's document id to {@code sentIds}.
     * Failures to read or write are {@link java.io.UncheckedIOException}s.
     */
    public PackageContents write(OutputStream zip, PackageSpec spec, Consumer<String> sentIds, LongConsumer progress) {
        throw new UnsupportedOperationException("not yet written (issue 21, branch i21-format)");
    }

    /** Writes a withdrawal notice to {@code zip} (left open). */
    public PackageContents writeWithdrawal(OutputStream zip, WithdrawalSpec spec) {
        throw new UnsupportedOperationException("not yet written (issue 21, branch i21-format)");
    }

    /** How many reports a package to {@code recipient} with these filters would carry, and hold back. */
    public SharePreview preview(Recipient recipient, ReportQuery query) {
        throw new UnsupportedOperationException("not yet written (issue 21, branch i21-format)");
    }
}
