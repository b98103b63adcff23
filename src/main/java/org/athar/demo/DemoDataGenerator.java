package org.athar.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.athar.report.Gazetteer;

/** Writes synthetic, clearly labelled demo reports as import-ready CSV: the same bytes for the same seed and size. */
public final class DemoDataGenerator {

    /** The seed used when none is given: the demo file everyone sees is the same file. */
    public static final long DEFAULT_SEED = 20_110_315L;

    /** The columns of the demo file, in order. */
    public static final List<String> HEADER = Stream.concat(
                    Stream.of(
                            "report_id",
                            "source",
                            "victim_name",
                            "victim_name_latin",
                            "gender",
                            "age",
                            "occupation",
                            "disappeared_on",
                            "governorate",
                            "district",
                            "locality",
                            "latitude",
                            "longitude",
                            "perpetrator",
                            "perpetrator_detail",
                            "status",
                            "status_date",
                            "narrative"),
                    DemoConsent.HEADER.stream())
            .toList();

    /** How often the progress callback is told the number of rows written so far. */
    public static final long PROGRESS_EVERY = 10_000;

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

    // About 8 % of persons are reported by a second source; only linkable persons (~95 %) qualify.
    private static final double SECOND_REPORT_SHARE = 0.084;
    // A second report arrives up to this many rows later: apart enough not to sit next to the first, and the
    // queue of pending second reports stays at a few dozen entries however many rows are written.
    private static final int MAX_SECOND_REPORT_DELAY = 400;

    /** The linkage mode's default share of persons documented by more than one source (the own set's). */
    public static final double DEFAULT_SHARED_PERSONS = 0.25;

    private final long seed;
    private final DemoPlaces places;
    // Null in the default mode.
    private final LinkageShares shares;

    public DemoDataGenerator(long seed) {
        this(seed, new DemoPlaces(Gazetteer.load()), null);
    }

    private DemoDataGenerator(long seed, DemoPlaces places, LinkageShares shares) {
        this.seed = seed;
        this.places = places;
        this.shares = shares;
    }

    /**
     * The linkage mode, for measuring record linkage, with the own set's shares ({@link LinkageShares#OWN}) but
     * {@code sharedPersons} of the persons documented by two or three of the sources (each later report with
     * {@link DemoVariant}s); some persons are brothers or namesakes of others, and
     * {@link #write(Writer, long, LongConsumer, Consumer)} tells who each report is about. The default mode's output
     * does not change.
     */
    public DemoDataGenerator withLinkage(double sharedPersons) {
        if (!(sharedPersons >= 0 && sharedPersons <= 1)) {
            throw new IllegalArgumentException("the share of persons documented by more than one source must be "
                    + "between 0 and 1, got " + sharedPersons);
        }
        return withLinkage(LinkageShares.OWN.withSharedPersons(sharedPersons));
    }

    /**
     * The linkage mode with the given shares: {@link LinkageShares#OWN} (the project's evaluation set) or
     * {@link LinkageShares#SECOND} (the second set, after issue 22's held-out set). The seed is this generator's,
     * not {@link LinkageShares#seed()}.
     */
    public DemoDataGenerator withLinkage(LinkageShares shares) {
        return new DemoDataGenerator(seed, places, Objects.requireNonNull(shares, "shares"));
    }

    /** Whether this generator writes the linkage mode. */
    public boolean linkage() {
        return shares != null;
    }

    /** Writes the header and {@code n} rows to {@code out} (flushed, not closed); returns the rows written. */
    public long write(Writer out, long n) throws IOException {
        return write(out, n, written -> {});
    }

    /**
     * As {@link #write(Writer, long)}, telling {@code progress} the rows written so far every
     * {@value #PROGRESS_EVERY} rows and at the end.
     */
    public long write(Writer out, long n, LongConsumer progress) throws IOException {
        return writeAll(out, n, progress, truth -> {});
    }

    /**
     * As {@link #write(Writer, long, LongConsumer)}, telling {@code truth} who each row is about, in row order. Only
     * the linkage mode knows; the default mode throws {@link IllegalStateException}.
     */
    public long write(Writer out, long n, LongConsumer progress, Consumer<DemoTruth> truth) throws IOException {
        if (!linkage()) {
            throw new IllegalStateException("only the linkage mode of the demo generator says who each report is "
                    + "about: use withLinkage(share) first");
        }
        return writeAll(out, n, progress, truth);
    }

    private long writeAll(Writer out, long n, LongConsumer progress, Consumer<DemoTruth> truth) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("the number of demo reports must be 0 or more, got " + n);
        }
        // All state is made here, so every call with the same seed and n writes the same bytes.
        SplittableRandom random = new SplittableRandom(seed);
        BufferedWriter buffered = new BufferedWriter(out, 1 << 16);
        CSVPrinter printer = new CSVPrinter(buffered, FORMAT); // not closed: that would close the caller's writer
        long written;
        if (linkage()) {
            DemoLinkedRows linked = new DemoLinkedRows(places, shares, n, random);
            written = writeRows(printer, n, progress, row -> {
                DemoLinkedRows.Row next = linked.next();
                truth.accept(next.truth());
                return next.values();
            });
        } else {
            DefaultRows rows = new DefaultRows(random);
            written = writeRows(printer, n, progress, rows::row);
        }
        printer.flush();
        if (written % PROGRESS_EVERY != 0) {
            progress.accept(written);
        }
        return written;
    }

    private long writeRows(CSVPrinter printer, long n, LongConsumer progress, LongFunction<String[]> rows)
            throws IOException {
        long written = 0;
        for (long row = 0; row < n; row++) {
            printer.printRecord((Object[]) DemoConsent.append(seed, rows.apply(row)));
            written++;
            if (written % PROGRESS_EVERY == 0) {
                progress.accept(written);
            }
        }
        return written;
    }

    /** The default mode: about 8 % of persons get a second report by another source a few hundred rows later. */
    private final class DefaultRows {
        private final SplittableRandom random;
        private final DemoRows rows;
        private final Map<DemoSource, Long> lastId = new EnumMap<>(DemoSource.class);
        private final PriorityQueue<Pending> pending =
                new PriorityQueue<>(Comparator.comparingLong(Pending::dueRow).thenComparingLong(Pending::sequence));

        DefaultRows(SplittableRandom random) {
            this.random = random;
            this.rows = new DemoRows(random);
        }

        String[] row(long row) {
            Pending due = pending.peek();
            if (due != null && due.dueRow() <= row) {
                pending.poll();
                return rows.row(due.person(), due.source(), nextId(due.source(), lastId, random), true);
            }
            DemoPerson person = DemoPerson.draw(places, random);
            DemoSource source = DemoSource.SHARES.pick(random);
            String[] values = rows.row(person, source, nextId(source, lastId, random), false);
            if (person.linkable() && random.nextDouble() < SECOND_REPORT_SHARE) {
                long dueRow = row + 1 + random.nextInt(MAX_SECOND_REPORT_DELAY);
                pending.add(new Pending(dueRow, row, person, otherSource(source, random)));
            }
            return values;
        }
    }

    /** The source's next id; numbers skip now and then, as ids of withdrawn or merged cases do. */
    static String nextId(DemoSource source, Map<DemoSource, Long> lastId, SplittableRandom random) {
        long step = random.nextDouble() < 0.1 ? 2 + random.nextInt(3) : 1;
        long id = lastId.merge(source, step, Long::sum);
        String digits = Long.toString(id);
        return source.idPrefix() + "-" + (digits.length() < 6 ? "000000".substring(digits.length()) : "") + digits;
    }

    private static DemoSource otherSource(DemoSource first, SplittableRandom random) {
        DemoSource other;
        do {
            other = DemoSource.SHARES.pick(random);
        } while (other == first);
        return other;
    }

    /** A second report of {@code person} by {@code source}, to be written at row {@code dueRow}. */
    private record Pending(long dueRow, long sequence, DemoPerson person, DemoSource source) {}
}
