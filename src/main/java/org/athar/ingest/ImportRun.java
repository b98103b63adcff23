package org.athar.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.athar.i18n.Text;
import org.athar.report.Provenance;
import org.athar.report.Report;

/**
 * One import from first row to last: validates rows in chunks, learns which reports already exist, and streams
 * reports and rejected rows to the engine; a row counts only once the engine has confirmed it.
 */
final class ImportRun {

    /** Rows a batch may have: external versions reserve this many per batch. */
    static final long MAX_ROWS = 10_000_000L;

    private static final int CHUNK = 500;
    private static final Duration BATCH_RECORD_EVERY = Duration.ofSeconds(5);

    /** What a row is, once the engine confirms it: a new report, a changed one, the same row again, or rejected. */
    private enum Kind {
        NEW,
        UPDATED,
        UNCHANGED,
        REJECTED
    }

    /** What the engine must confirm for one row. */
    private record Ticket(RawRow row, Kind kind) {}

    /** A valid row the engine would not store, with the engine's reason. */
    private record Refused(RawRow row, String reason) {}

    private final ImportStore store;
    private final RowValidator validator;
    private final RowValidator.BatchContext context;
    private final long versionBase;
    private final long maxRows;
    private final Consumer<ImportCounts> progress;
    private final Consumer<ImportCounts> record;
    private final LongHashSet seen = new LongHashSet();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final List<RowError> errors = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Refused> refused = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Instant lastRecorded = Instant.now();

    ImportRun(
            ImportStore store,
            RowValidator validator,
            RowValidator.BatchContext context,
            long versionBase,
            long maxRows,
            Consumer<ImportCounts> progress,
            Consumer<ImportCounts> record) {
        this.store = store;
        this.validator = validator;
        this.context = context;
        this.versionBase = versionBase;
        this.maxRows = maxRows;
        this.progress = progress;
        this.record = record;
    }

    /**
     * Reads every row and waits until the engine has confirmed each. When the file turns out unreadable part-way (an
     * {@link ImportFormatException}: a byte that is not UTF-8, a damaged sheet, too many rows) the rows before are
     * still confirmed, and then the exception is thrown; {@link #counts()} says what was stored.
     */
    ImportResult execute(RowSource rows) throws IOException {
        ImportFormatException stopped = null;
        try (ImportStore.Writer<Ticket> ingester = store.writer(new Listener())) {
            try {
                readAll(rows, ingester);
            } catch (ImportFormatException e) {
                stopped = e;
            }
        }
        failIfEngineFailed();
        writeRefusedToQuarantine();
        failIfEngineFailed();
        if (stopped != null) {
            throw stopped;
        }
        return new ImportResult(
                context.batchId(),
                received.get(),
                indexed.get(),
                updated.get(),
                unchanged.get(),
                rejected.get(),
                List.copyOf(errors),
                List.of());
    }

    /** What the engine has confirmed so far. */
    ImportCounts counts() {
        return new ImportCounts(received.get(), indexed.get(), updated.get(), unchanged.get(), rejected.get());
    }

    private void readAll(RowSource rows, ImportStore.Writer<Ticket> ingester) throws IOException {
        List<Pending> chunk = new ArrayList<>(CHUNK);
        try {
            for (Optional<RawRow> next = rows.next(); next.isPresent(); next = rows.next()) {
                RawRow row = next.get();
                if (received.get() >= maxRows) {
                    throw new RowLimitException(
                            Text.of("import.error.row-limit", row.number(), maxRows, "athar.import.max-rows"));
                }
                if (row.number() >= MAX_ROWS) {
                    throw new RowLimitException(Text.of("import.error.too-many-rows", String.valueOf(MAX_ROWS)));
                }
                received.incrementAndGet();
                RowValidator.Outcome outcome = validator.validate(row, context);
                if (outcome instanceof RowValidator.Accepted a) {
                    chunk.add(new Pending(row, a.report()));
                } else if (outcome instanceof RowValidator.Rejected r) {
                    reject(ingester, row, r.errors());
                }
                if (chunk.size() == CHUNK) {
                    send(ingester, chunk);
                }
            }
        } finally {
            // Rows read before the file turned out unreadable are stored too, so the counts add up.
            send(ingester, chunk);
        }
    }

    /** The file has more rows than one import may take. */
    static final class RowLimitException extends ImportFormatException {

        RowLimitException(Text reason) {
            super(reason);
        }
    }

    private record Pending(RawRow row, Report report) {}

    private void send(ImportStore.Writer<Ticket> ingester, List<Pending> chunk) throws IOException {
        failIfEngineFailed();
        if (chunk.isEmpty()) {
            return;
        }
        List<String> firstSeen = new ArrayList<>();
        boolean[] first = new boolean[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            first[i] = seen.add(key(chunk.get(i).report().id()));
            if (first[i]) {
                firstSeen.add(chunk.get(i).report().id());
            }
        }
        Map<String, ImportStore.StoredRow> stored = store.stored(firstSeen);
        for (int i = 0; i < chunk.size(); i++) {
            Pending p = chunk.get(i);
            // A later row of a report this file has already written is an update of it.
            Kind kind = !first[i]
                    ? Kind.UPDATED
                    : Optional.ofNullable(stored.get(p.report().id()))
                            .map(s -> sameRow(p, s) ? Kind.UNCHANGED : Kind.UPDATED)
                            .orElse(Kind.NEW);
            // Unchanged rows are written too: the report gets this batch's provenance, a legacy digest the keyed one.
            ingester.report(p.report(), versionBase + p.row().number(), new Ticket(p.row(), kind));
        }
        chunk.clear();
        report();
    }

    /**
     * Whether the row is the one the stored report was made from: its digest in the stored report's scheme (the plain
     * SHA-256 for reports imported before digests were keyed) equals the stored digest.
     */
    private static boolean sameRow(Pending p, ImportStore.StoredRow stored) {
        if (stored.synthetic() != p.report().synthetic()) {
            return false;
        }
        String digest = Provenance.KEYED.equals(stored.hashScheme())
                ? p.report().provenance().contentHash()
                : RowDigest.legacy(p.row());
        return digest.equals(stored.contentHash());
    }

    private void reject(ImportStore.Writer<Ticket> ingester, RawRow row, List<RowError> rowErrors) {
        if (errors.size() < ImportService.MAX_ERRORS_LISTED) {
            errors.addAll(rowErrors);
        }
        ingester.quarantine(
                context.batchId(),
                context.fileName(),
                row,
                rowErrors,
                context.importedAt(),
                new Ticket(row, Kind.REJECTED));
    }

    private void report() {
        ImportCounts counts = counts();
        progress.accept(counts);
        if (Instant.now().isAfter(lastRecorded.plus(BATCH_RECORD_EVERY))) {
            lastRecorded = Instant.now();
            record.accept(counts);
        }
    }

    // Rows the engine refused (a mapping it could not take) go to quarantine after the bulk stream is closed.
    private void writeRefusedToQuarantine() throws IOException {
        if (refused.isEmpty()) {
            return;
        }
        try (ImportStore.Writer<Ticket> ingester = store.writer(new Listener())) {
            for (Refused r = refused.poll(); r != null; r = refused.poll()) {
                reject(
                        ingester,
                        r.row(),
                        List.of(RowError.of(r.row().number(), "row", Text.of("import.error.refused", r.reason()))));
            }
        }
    }

    private void failIfEngineFailed() {
        Throwable t = failure.get();
        if (t != null) {
            throw new ImportFailedException(
                    "The engine stopped accepting writes after " + (indexed.get() + updated.get() + unchanged.get())
                            + " reports and " + rejected.get() + " rejected rows were confirmed (" + t.getMessage()
                            + "). Those are stored; re-running the same file is safe and completes the import.",
                    t);
        }
    }

    private static long key(String id) {
        byte[] bytes = HexFormat.of().parseHex(id.substring(0, 16));
        return ByteBuffer.wrap(bytes).getLong();
    }

    private final class Listener implements ImportStore.Confirmations<Ticket> {

        @Override
        public void answered(Ticket t, Optional<ImportStore.Refusal> refusal) {
            boolean stored = refusal.isEmpty() || refusal.get().supersededByLaterRow();
            if (!stored && refusal.get().engineTrouble()) {
                // Not the row's fault: the import stops (the row is not counted) and a re-run stores it.
                failure.compareAndSet(
                        null,
                        new IOException("the engine refused a write with status "
                                + refusal.get().status() + " (" + refusal.get().type() + ": "
                                + refusal.get().reason() + ")"));
                return;
            }
            if (t.kind() == Kind.REJECTED) {
                if (stored) {
                    rejected.incrementAndGet();
                } else {
                    failure.compareAndSet(
                            null,
                            new IllegalStateException("quarantine write refused for row "
                                    + t.row().number() + ": " + refusal.get().reason()));
                }
            } else if (stored) {
                (switch (t.kind()) {
                            case NEW -> indexed;
                            case UNCHANGED -> unchanged;
                            default -> updated;
                        })
                        .incrementAndGet();
            } else {
                refused.add(new Refused(
                        t.row(), refusal.get().type() + ": " + refusal.get().reason()));
            }
        }

        @Override
        public void failed(List<Ticket> tickets, Throwable cause) {
            failure.compareAndSet(null, cause);
        }
    }
}
