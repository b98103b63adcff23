package org.athar.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.athar.i18n.Text;
import org.athar.platform.Tasks;
import org.athar.report.Provenance;
import org.athar.report.Report;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * One import from first row to last: validates rows in chunks, learns which reports already exist, and streams
 * reports and rejected rows to the engine; a row counts only once the engine has confirmed it.
 */
final class ImportRun {

    /** Rows a batch may have: external versions reserve this many per batch. */
    static final long MAX_ROWS = 10_000_000L;

    private static final int CHUNK = 500;

    /** Threads that validate rows and make documents beside the one that reads and sends: all but one core. */
    private static final int CHECKERS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    /** Sources an import counts its stored reports of; beyond, every row of a new source is looked up. */
    private static final int MAX_SOURCES_COUNTED = 100;

    private static final Duration BATCH_RECORD_EVERY = Duration.ofSeconds(5);

    /** What a row is, once the engine confirms it: a new report, a changed one, the same row again, or rejected. */
    private enum Kind {
        /** The first row of a report in this file, not stored before as far as the import knows. */
        FIRST,
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
    private final Map<String, Boolean> sourcesHeld = new HashMap<>();
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
        ThreadPoolTaskExecutor checkers = Tasks.pool("athar-import-check", CHECKERS, Duration.ZERO);
        Deque<Future<List<Checked>>> checking = new ArrayDeque<>();
        List<RawRow> chunk = new ArrayList<>(CHUNK);
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
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    checking.add(check(checkers, chunk));
                    chunk = new ArrayList<>(CHUNK);
                    while (checking.size() > CHECKERS) {
                        send(ingester, checked(checking.poll()));
                    }
                }
            }
        } finally {
            // Rows read before the file turned out unreadable are stored too, so the counts add up.
            try {
                if (!chunk.isEmpty()) {
                    checking.add(check(checkers, chunk));
                }
                while (!checking.isEmpty()) {
                    send(ingester, checked(checking.poll()));
                }
            } finally {
                checkers.shutdown();
            }
        }
    }

    /**
     * Validates a chunk of rows and turns the valid ones into the engine's JSON on another thread, while this one
     * reads the next rows and sends the chunks before: the import's own work shares the cores with the engine's.
     */
    private Future<List<Checked>> check(ThreadPoolTaskExecutor checkers, List<RawRow> chunk) {
        return checkers.submit(() -> {
            List<Checked> out = new ArrayList<>(chunk.size());
            for (RawRow row : chunk) {
                RowValidator.Outcome outcome = validator.validate(row, context);
                out.add(new Checked(
                        row, outcome, outcome instanceof RowValidator.Accepted a ? store.document(a.report()) : null));
            }
            return out;
        });
    }

    private static List<Checked> checked(Future<List<Checked>> chunk) throws IOException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the import was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("checking rows failed: " + e.getCause(), e.getCause());
        }
    }

    /** The file has more rows than one import may take. */
    static final class RowLimitException extends ImportFormatException {

        RowLimitException(Text reason) {
            super(reason);
        }
    }

    /** A row once validated: its outcome and, when valid, the document to write. */
    private record Checked(RawRow row, RowValidator.Outcome outcome, ImportStore.Document document) {}

    private void send(ImportStore.Writer<Ticket> ingester, List<Checked> chunk) throws IOException {
        failIfEngineFailed();
        List<String> lookUp = new ArrayList<>();
        boolean[] first = new boolean[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            if (chunk.get(i).outcome() instanceof RowValidator.Accepted a) {
                String id = chunk.get(i).document().id();
                first[i] = seen.add(key(id));
                if (first[i] && mayBeStored(a.report().source())) {
                    lookUp.add(id);
                }
            }
        }
        Map<String, ImportStore.StoredRow> stored = store.stored(lookUp);
        for (int i = 0; i < chunk.size(); i++) {
            Checked c = chunk.get(i);
            if (c.outcome() instanceof RowValidator.Rejected r) {
                reject(ingester, c.row(), r.errors());
                continue;
            }
            Report report = ((RowValidator.Accepted) c.outcome()).report();
            // A later row of a report this file has already written is an update of it; a first row is new or an
            // update as the engine answers, unless the stored report was made from this very row.
            Kind kind = !first[i]
                    ? Kind.UPDATED
                    : Optional.ofNullable(stored.get(c.document().id()))
                            .map(s -> sameRow(c.row(), report, s) ? Kind.UNCHANGED : Kind.UPDATED)
                            .orElse(Kind.FIRST);
            // Unchanged rows are written too: the report gets this batch's provenance, a legacy digest the keyed one.
            ingester.report(c.document(), versionBase + c.row().number(), new Ticket(c.row(), kind));
        }
        report();
    }

    /** Whether reports of this source may be stored already: it held some when this import first met it. */
    private boolean mayBeStored(String source) throws IOException {
        Boolean held = sourcesHeld.get(source);
        if (held == null) {
            held = sourcesHeld.size() >= MAX_SOURCES_COUNTED || store.holdsSource(source);
            sourcesHeld.put(source, held);
        }
        return held;
    }

    /**
     * Whether the row is the one the stored report was made from: its digest in the stored report's scheme (the plain
     * SHA-256 for reports imported before digests were keyed) equals the stored digest.
     */
    private static boolean sameRow(RawRow row, Report report, ImportStore.StoredRow stored) {
        if (stored.synthetic() != report.synthetic()) {
            return false;
        }
        String digest = Provenance.KEYED.equals(stored.hashScheme())
                ? report.provenance().contentHash()
                : RowDigest.legacy(row);
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
        public void answered(Ticket t, Optional<ImportStore.Refusal> refusal, boolean created) {
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
                            // Written over a stored report: another import of the same source stored it meanwhile.
                            case FIRST -> refusal.isEmpty() && !created ? updated : indexed;
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
