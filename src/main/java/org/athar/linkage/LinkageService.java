package org.athar.linkage;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.athar.ingest.BatchImported;
import org.athar.security.AuditAction;
import org.athar.security.AuditEntry.Outcome;
import org.athar.security.AuditLog;
import org.athar.security.ClientAddress;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Record linkage as the rest of Athar uses it: the review queue, decisions, persons, the overlap of sources and the
 * full re-link. Reports are never modified: pairs live in {@code athar-links}, persons in {@code athar-persons}.
 *
 * <p>All linkage work (a full re-link, the linking of an imported batch, the persons a decision changes) runs on one
 * background thread, one job after the other, so two jobs never write the same pairs or persons at once.
 */
@Service
public class LinkageService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LinkageService.class);
    /** A batch larger than this share of all reports (and than {@link #INCREMENTAL_MIN}) is linked by a full re-link. */
    static final double INCREMENTAL_SHARE = 0.25;

    static final int INCREMENTAL_MAX = 50_000;
    /** A batch up to this size is always linked incrementally, before the import answers. */
    static final int INCREMENTAL_MIN = 5_000;

    private static final int BLOCK_QUERIES = 200;
    private static final int BLOCK_SIZE = 200;
    private static final String SEPARATOR = "\u001f";

    private final LinkageStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Linker linker = new Linker(LinkagePolicy.DEFAULT);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "athar-linkage");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<RelinkStatus> status = new AtomicReference<>(RelinkStatus.idle());
    private volatile NameFrequencies frequencies;
    /** Set when a large import ended while a full re-link ran: one more full re-link follows. */
    private boolean relinkAgain;

    LinkageService(LinkageStore store, AuditLog audit, ObjectProvider<Clock> clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public LinkagePolicy policy() {
        return linker.policy();
    }

    // --- reading

    /**
     * Pairs with the given decision, highest score first ({@code from} is an offset, at most 10,000). Requires
     * {@code REVIEW_LINKS}.
     */
    public List<CandidatePair> queue(Viewer viewer, Decision decision, int from, int size) {
        viewer.require(Permission.REVIEW_LINKS);
        if (from < 0 || size < 1 || from + size > 10_000) {
            throw new IllegalArgumentException(
                    "from must be 0 or more and from + size at most 10000 (got from " + from + ", size " + size + ")");
        }
        return io(() -> store.queue(decision, from, size));
    }

    /** How many pairs have the decision. Requires {@code REVIEW_LINKS}. */
    public long count(Viewer viewer, Decision decision) {
        viewer.require(Permission.REVIEW_LINKS);
        return io(() -> store.count(decision));
    }

    /** One pair; {@link PairNotFoundException} when no pair has the id. Requires {@code REVIEW_LINKS}. */
    public CandidatePair pair(Viewer viewer, String pairId) {
        viewer.require(Permission.REVIEW_LINKS);
        return io(() -> store.pair(pairId))
                .orElseThrow(() -> new PairNotFoundException(
                        "No candidate pair has the id " + pairId + "; pairs are listed by GET /api/v1/linkage/pairs"));
    }

    /** The pairs (any decision) that involve the report, highest score first. Requires {@code REVIEW_LINKS}. */
    public List<CandidatePair> pairsOf(Viewer viewer, String reportId) {
        viewer.require(Permission.REVIEW_LINKS);
        List<CandidatePair> pairs = new ArrayList<>(io(() -> store.involving(List.of(reportId), List.of())));
        pairs.sort(Comparator.comparingDouble(CandidatePair::score).reversed().thenComparing(CandidatePair::id));
        return pairs;
    }

    /**
     * The person a report belongs to (a person of its own when unlinked); {@link PairNotFoundException} when no
     * report has the id. Requires {@code SEARCH}.
     */
    public PersonCluster personOf(Viewer viewer, String reportId) {
        viewer.require(Permission.SEARCH);
        Optional<ObjectNode> person = io(() -> store.personHolding(reportId));
        if (person.isPresent()) {
            return cluster(person.get());
        }
        List<ObjectNode> report = io(() -> store.reports(List.of(reportId)));
        if (report.isEmpty()) {
            throw new PairNotFoundException("No report has the id " + reportId);
        }
        return new PersonCluster(
                PersonCluster.idFor(List.of(reportId)),
                List.of(reportId),
                List.of(report.get(0).path("source").asText()),
                reportId,
                List.of());
    }

    /** How many persons each combination of sources documents. Requires {@code VIEW_TRENDS}. */
    public Overlap overlap(Viewer viewer) {
        viewer.require(Permission.VIEW_TRENDS);
        Map<String, Long> patterns = io(store::patterns);
        TreeSet<String> sources = new TreeSet<>();
        List<Overlap.Pattern> out = new ArrayList<>();
        long persons = 0;
        for (Map.Entry<String, Long> e : patterns.entrySet()) {
            List<String> set = List.of(e.getKey().split(SEPARATOR));
            sources.addAll(set);
            out.add(new Overlap.Pattern(set, e.getValue()));
            persons += e.getValue();
        }
        out.sort(Comparator.comparingInt((Overlap.Pattern p) -> p.sources().size())
                .thenComparing(p -> String.join(SEPARATOR, p.sources())));
        return new Overlap(List.copyOf(sources), persons, out);
    }

    /** The last full re-link's progress or outcome. */
    public RelinkStatus status() {
        return status.get();
    }

    // --- deciding

    /**
     * Records a reviewer's decision: {@code CONFIRMED}, {@code REJECTED}, or {@code PENDING} to send a pair back
     * to the queue. Persons are updated at once, the decision is audited ({@code link_decision}) and kept in the
     * pair's history. A note is required to reject an automatic link and to change a reviewer's decision.
     * {@link IllegalArgumentException} for {@code AUTO}; {@link IllegalStateException} while a full re-link runs.
     * Requires {@code REVIEW_LINKS}.
     */
    public CandidatePair decide(Viewer viewer, String pairId, Decision decision, String note) {
        viewer.require(Permission.REVIEW_LINKS);
        if (decision == Decision.AUTO) {
            throw new IllegalArgumentException(
                    "decision must be confirmed, rejected or pending; auto is the " + "linker's own");
        }
        if (status.get().running()) {
            throw new IllegalStateException("A full re-link is running; decisions are taken again when it has "
                    + "finished (see GET /api/v1/linkage/relink)");
        }
        String text = note == null ? "" : note.strip();
        String address = ClientAddress.current();
        CandidatePair before = pair(viewer, pairId);
        if (text.isEmpty()
                && ((decision == Decision.REJECTED && before.decision() == Decision.AUTO)
                        || before.decision().isHuman() && before.decision() != decision)) {
            throw new IllegalArgumentException("a note is required to "
                    + (before.decision().isHuman()
                            ? "change a reviewer's decision"
                            : "reject a link the linker made automatically")
                    + ": say why, for the next reviewer");
        }
        List<DecisionEvent> history = new ArrayList<>(before.history());
        history.add(new DecisionEvent(decision, viewer.username(), clock.instant(), text));
        CandidatePair after = new CandidatePair(
                before.id(),
                before.reportA(),
                before.reportB(),
                before.sourceA(),
                before.sourceB(),
                before.score(),
                before.features(),
                decision,
                history);
        run(() -> {
            store.savePairs(List.of(after), "decision", true);
            relinkPersons(Set.of(after.reportA(), after.reportB()));
            return null;
        });
        audit.record(
                viewer,
                address,
                AuditAction.LINK_DECISION,
                Outcome.SUCCESS,
                Map.of(
                        "pair",
                        pairId,
                        "from",
                        before.decision().code(),
                        "to",
                        decision.code(),
                        "score",
                        Double.toString(before.score())));
        return after;
    }

    // --- linking

    /**
     * Starts a full re-link in the background (reviewers' decisions are kept); the status while it runs. Refused
     * with {@link IllegalStateException} while one is running. Requires {@code ADMINISTER}.
     */
    public RelinkStatus relink(Viewer viewer) {
        viewer.require(Permission.ADMINISTER);
        String address = ClientAddress.current();
        RelinkStatus started = start();
        audit.record(viewer, address, AuditAction.RELINK, Outcome.SUCCESS, Map.of("phase", "started"));
        return started;
    }

    private synchronized RelinkStatus start() {
        if (status.get().running()) {
            throw new IllegalStateException("A full re-link is already running ("
                    + status.get().processed() + " of " + status.get().total() + " reports); wait for it to finish");
        }
        RelinkStatus running = new RelinkStatus(
                "running", 0, 0, Optional.of(clock.instant()), Optional.empty(), 0, 0, Optional.empty());
        status.set(running);
        worker.submit(this::fullRelinkQuietly);
        return running;
    }

    /**
     * Links the reports an import stored before the import answers, so figures counting persons include them at
     * once. A batch larger than a quarter of all reports (or than {@value #INCREMENTAL_MAX}) is linked by a full
     * re-link in the background instead; its progress is {@link #status()}.
     */
    @EventListener
    public void onBatchImported(BatchImported batch) {
        if (batch.stored() == 0) {
            return;
        }
        try {
            long total = store.reportCount();
            if (batch.stored() > INCREMENTAL_MAX
                    || (batch.stored() > INCREMENTAL_MIN && batch.stored() > total * INCREMENTAL_SHARE)) {
                synchronized (this) {
                    if (!status.get().running()) {
                        status.set(new RelinkStatus(
                                "running",
                                0,
                                total,
                                Optional.of(clock.instant()),
                                Optional.empty(),
                                0,
                                0,
                                Optional.empty()));
                        worker.submit(this::fullRelinkQuietly);
                    } else {
                        // The running re-link may have read the reports before this batch: run once more after it.
                        relinkAgain = true;
                    }
                }
            } else if (status.get().running()) {
                worker.submit(() -> linkBatchQuietly(batch.batchId())); // after the re-link; the import does not wait
            } else {
                run(() -> {
                    linkBatch(batch.batchId());
                    return null;
                });
            }
        } catch (IOException | RuntimeException e) {
            log.error(
                    "Linking import {} failed ({}); a full re-link (Admin, or POST /api/v1/linkage/relink) "
                            + "brings persons up to date",
                    batch.batchId(),
                    e.toString());
        }
    }

    private void linkBatchQuietly(String batchId) {
        try {
            linkBatch(batchId);
        } catch (IOException | RuntimeException e) {
            log.error("Linking import {} failed ({}); a full re-link brings persons up to date", batchId, e.toString());
        }
    }

    /** At start: when the persons do not account for every report (an upgrade, a crash), re-link everything. */
    @EventListener(ApplicationReadyEvent.class)
    public void checkAtStart() {
        worker.submit(() -> {
            try {
                long reports = store.reportCount();
                long inPersons = store.reportsInPersons();
                if (reports != inPersons && !status.get().running()) {
                    log.info("Persons account for {} of {} reports; re-linking all reports", inPersons, reports);
                    status.set(new RelinkStatus(
                            "running",
                            0,
                            reports,
                            Optional.of(clock.instant()),
                            Optional.empty(),
                            0,
                            0,
                            Optional.empty()));
                    fullRelinkQuietly();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not check the persons against the reports at start: {}", e.toString());
            }
        });
    }

    /** Waits until every linkage job submitted so far has run (for tests and the demo loader). */
    public void awaitIdle(Duration timeout) {
        Future<?> marker = worker.submit(() -> {});
        try {
            marker.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("linkage did not finish within " + timeout, e);
        }
    }

    private void fullRelinkQuietly() {
        fullRelinkOnce();
        synchronized (this) {
            if (relinkAgain) {
                relinkAgain = false;
                status.set(new RelinkStatus(
                        "running", 0, 0, Optional.of(clock.instant()), Optional.empty(), 0, 0, Optional.empty()));
                worker.submit(this::fullRelinkQuietly);
            }
        }
    }

    private void fullRelinkOnce() {
        Instant started = status.get().startedAt().orElse(clock.instant());
        try {
            fullRelink(started);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            log.error("The full re-link failed: {}", e.toString(), e);
            RelinkStatus s = status.get();
            status.set(new RelinkStatus(
                    "failed",
                    s.processed(),
                    s.total(),
                    Optional.of(started),
                    Optional.of(clock.instant()),
                    0,
                    0,
                    Optional.of(e.getMessage() == null ? e.toString() : e.getMessage())));
        }
    }

    private void fullRelink(Instant started) throws IOException {
        long t0 = System.nanoTime();
        long total = store.reportCount();
        progress(0, total);
        LinkageStore.Interner interner = new LinkageStore.Interner();
        List<LinkRecord> records = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, total + 16));
        store.scanRecords(LinkageStore.all(), interner, r -> {
            records.add(r);
            if (records.size() % 10_000 == 0) {
                progress(records.size() / 2, total);
            }
        });
        records.sort(Comparator.comparing(LinkRecord::id));
        String[] ids = records.stream().map(LinkRecord::id).toArray(String[]::new);
        long read = System.nanoTime();
        NameFrequencies freq = NameFrequencies.of(records);
        frequencies = freq;
        PairScorer scorer = new PairScorer(freq);
        int n = records.size();
        List<Clusters.Edge> edges = new ArrayList<>();
        linker.pairs(
                records,
                null,
                scorer,
                (a, b, score) ->
                        edges.add(new Clusters.Edge(a, b, score, linker.policy().decisionFor(score))),
                done -> progress(n / 2 + done / 4, total));
        long compared = System.nanoTime();
        Map<String, CandidatePair> human = new HashMap<>();
        for (CandidatePair p : store.humanDecisions()) {
            human.put(p.id(), p);
        }
        List<Clusters.Edge> all = new ArrayList<>(edges.size() + human.size());
        for (Clusters.Edge e : edges) {
            if (!human.containsKey(CandidatePair.idOf(ids[e.a()], ids[e.b()]))) {
                all.add(e);
            }
        }
        for (CandidatePair p : human.values()) {
            int a = java.util.Arrays.binarySearch(ids, p.reportA());
            int b = java.util.Arrays.binarySearch(ids, p.reportB());
            if (a >= 0 && b >= 0) {
                all.add(new Clusters.Edge(
                        a, b, p.score(), p.decision() == Decision.PENDING ? Decision.PENDING : p.decision()));
            }
        }
        Clusters clusters = Clusters.of(n, all);
        Set<Long> conflicts = new HashSet<>();
        for (Clusters.Edge e : clusters.conflicts()) {
            conflicts.add(((long) e.a() << 32) | e.b());
        }
        // Pairs: the linker's own, written in place with this run's id; then the earlier run's leftovers go.
        String run = "relink-" + started.toEpochMilli();
        Instant now = clock.instant();
        List<CandidatePair> buffer = new ArrayList<>();
        long kept = 0;
        for (Clusters.Edge e : edges) {
            String id = CandidatePair.idOf(ids[e.a()], ids[e.b()]);
            if (human.containsKey(id)) {
                continue;
            }
            boolean conflict = conflicts.contains(((long) e.a() << 32) | e.b());
            buffer.add(automatic(scorer.score(records.get(e.a()), records.get(e.b())), conflict, now));
            kept++;
            if (buffer.size() >= 2_000) {
                store.savePairs(buffer, run, false);
                buffer.clear();
            }
        }
        store.savePairs(buffer, run, true);
        store.removeStaleAutomaticPairs(run, Optional.empty());
        long pairsWritten = System.nanoTime();
        // Persons: a new index, filled from a second read of the reports, then the alias moves in one step.
        Map<String, PersonInfo> byRepresentative = new HashMap<>();
        BitSet inCluster = new BitSet(n);
        for (int[] group : clusters.groups()) {
            List<LinkRecord> members = new ArrayList<>(group.length);
            for (int i : group) {
                members.add(records.get(i));
                inCluster.set(i);
            }
            byRepresentative.put(CountingRule.representative(members).id(), info(members));
        }
        String index = store.newPersonsIndex();
        List<ObjectNode> persons = new ArrayList<>();
        long[] written = {0, 0};
        store.scanReports(LinkageStore.all(), doc -> {
            String id = doc.path("id").asText();
            int i = java.util.Arrays.binarySearch(ids, id);
            PersonInfo info = byRepresentative.get(id);
            if (info != null) {
                persons.add(personDoc(doc, info));
            } else if (i < 0 || !inCluster.get(i)) {
                persons.add(personDoc(doc, single(doc)));
            }
            written[1]++;
            if (persons.size() >= 2_000) {
                io(() -> {
                    store.savePersons(index, persons, false);
                    return null;
                });
                written[0] += persons.size();
                persons.clear();
                progress(n * 3 / 4 + written[1] / 4, total);
            }
        });
        store.savePersons(index, persons, false);
        written[0] += persons.size();
        store.usePersons(index);
        long end = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        log.info(String.format(
                java.util.Locale.ROOT,
                "Full re-link of %,d reports: %,d pairs kept (%,d conflicts sent"
                        + " to review), %,d persons; read %.1f s, compared %.1f s, pairs written %.1f s, persons written %.1f s,"
                        + " total %.1f s; heap in use %,d MB",
                n,
                kept,
                conflicts.size(),
                written[0],
                (read - t0) / 1e9,
                (compared - read) / 1e9,
                (pairsWritten - compared) / 1e9,
                (end - pairsWritten) / 1e9,
                (end - t0) / 1e9,
                (rt.totalMemory() - rt.freeMemory()) >> 20));
        status.set(new RelinkStatus(
                "done",
                total,
                total,
                Optional.of(started),
                Optional.of(clock.instant()),
                kept + human.size(),
                written[0],
                Optional.empty()));
    }

    private void progress(long processed, long total) {
        RelinkStatus s = status.get();
        if (s.running()) {
            status.set(new RelinkStatus(
                    "running",
                    Math.min(processed, total),
                    total,
                    s.startedAt(),
                    Optional.empty(),
                    0,
                    0,
                    Optional.empty()));
        }
    }

    private CandidatePair automatic(ScoredPair p, boolean conflict, Instant now) {
        Decision d = conflict ? Decision.PENDING : linker.policy().decisionFor(p.score());
        String note = conflict
                ? "linking would join two reports a reviewer kept apart; review it"
                : d == Decision.AUTO
                        ? "score " + p.score() + " at or above "
                                + linker.policy().auto()
                        : "score " + p.score() + " between " + linker.policy().review() + " and "
                                + linker.policy().auto();
        return new CandidatePair(
                p.id(),
                p.a().id(),
                p.b().id(),
                p.a().source(),
                p.b().source(),
                p.score(),
                p.features(),
                d,
                List.of(new DecisionEvent(d, LinkageStore.ATHAR, now, note)));
    }

    /** Links the reports of one batch: candidates for its reports only, then the persons they touch. */
    void linkBatch(String batchId) throws IOException {
        long t0 = System.nanoTime();
        LinkageStore.Interner interner = new LinkageStore.Interner();
        List<LinkRecord> fresh = new ArrayList<>();
        store.scanRecords(LinkageStore.batch(batchId), interner, fresh::add);
        if (fresh.isEmpty()) {
            return;
        }
        Set<String> freshIds = new HashSet<>();
        fresh.forEach(r -> freshIds.add(r.id()));
        Map<String, LinkRecord> candidates = new LinkedHashMap<>();
        for (int i = 0; i < fresh.size(); i += BLOCK_QUERIES) {
            List<LinkRecord> chunk = fresh.subList(i, Math.min(fresh.size(), i + BLOCK_QUERIES));
            List<Query> queries = new ArrayList<>();
            for (LinkRecord r : chunk) {
                List<String> words = new ArrayList<>(r.name());
                words.addAll(r.latin());
                queries.add(LinkageStore.blockOf(r, String.join(" ", new TreeSet<>(words))));
            }
            for (List<LinkRecord> found : store.block(queries, BLOCK_SIZE, interner)) {
                for (LinkRecord c : found) {
                    if (!freshIds.contains(c.id())) {
                        candidates.putIfAbsent(c.id(), c);
                    }
                }
            }
        }
        List<LinkRecord> records = new ArrayList<>(fresh);
        records.addAll(candidates.values());
        BitSet isFresh = new BitSet();
        isFresh.set(0, fresh.size());
        PairScorer scorer = new PairScorer(frequencies());
        List<ScoredPair> found = new ArrayList<>();
        linker.pairs(
                records,
                isFresh,
                scorer,
                (a, b, s) -> found.add(scorer.score(records.get(a), records.get(b))),
                done -> {});
        Map<String, CandidatePair> existing = new HashMap<>();
        for (CandidatePair p : store.involving(freshIds, List.of())) {
            existing.put(p.id(), p);
        }
        String run = "batch-" + batchId;
        Instant now = clock.instant();
        List<CandidatePair> write = new ArrayList<>();
        for (ScoredPair p : found) {
            CandidatePair before = existing.get(p.id());
            if (before == null || LinkageStore.ATHAR.equals(before.last().by())) {
                write.add(automatic(p, false, now)); // a reviewer's decision is never overwritten
            }
        }
        // Pairs the linker made earlier that still hold are rewritten with this run's id, so only stale ones go.
        store.savePairs(write, run, true);
        store.removeStaleAutomaticPairs(run, Optional.of(freshIds));
        relinkPersons(freshIds);
        log.info(
                "Linked import {}: {} reports, {} candidates from the engine, {} pairs kept, in {} ms",
                batchId,
                fresh.size(),
                candidates.size(),
                found.size(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Rebuilds the persons of {@code reportIds} and of every report linked to them (directly or through others):
     * the connected pairs are read from the engine, clustered, and their person documents replaced.
     */
    private void relinkPersons(Set<String> reportIds) throws IOException {
        Set<String> component = new HashSet<>(reportIds);
        Set<String> frontier = new HashSet<>(reportIds);
        Map<String, CandidatePair> links = new HashMap<>();
        while (!frontier.isEmpty()) {
            Set<String> next = new HashSet<>();
            for (CandidatePair p : store.involving(frontier, List.of(Decision.AUTO, Decision.CONFIRMED))) {
                if (links.putIfAbsent(p.id(), p) == null) {
                    for (String id : List.of(p.reportA(), p.reportB())) {
                        if (component.add(id)) {
                            next.add(id);
                        }
                    }
                }
            }
            frontier = next;
        }
        List<CandidatePair> rejected = store.involving(component, List.of(Decision.REJECTED));
        List<ObjectNode> docs = store.reports(component);
        LinkageStore.Interner interner = new LinkageStore.Interner();
        List<LinkRecord> records = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, ObjectNode> byId = new HashMap<>();
        for (ObjectNode d : docs) {
            LinkRecord r = LinkageStore.record(d, interner);
            index.put(r.id(), records.size());
            records.add(r);
            byId.put(r.id(), d);
        }
        List<Clusters.Edge> edges = new ArrayList<>();
        for (CandidatePair p : links.values()) {
            edgeOf(p, index).ifPresent(edges::add);
        }
        for (CandidatePair p : rejected) {
            edgeOf(p, index).ifPresent(edges::add);
        }
        Clusters clusters = Clusters.of(records.size(), edges);
        List<CandidatePair> toReview = new ArrayList<>();
        Instant now = clock.instant();
        for (Clusters.Edge e : clusters.conflicts()) {
            CandidatePair p = links.get(CandidatePair.idOf(
                    records.get(e.a()).id(), records.get(e.b()).id()));
            if (p != null && p.decision() == Decision.AUTO) {
                List<DecisionEvent> history = new ArrayList<>(p.history());
                history.add(new DecisionEvent(
                        Decision.PENDING,
                        LinkageStore.ATHAR,
                        now,
                        "linking would join two reports a reviewer kept apart; review it"));
                toReview.add(new CandidatePair(
                        p.id(),
                        p.reportA(),
                        p.reportB(),
                        p.sourceA(),
                        p.sourceB(),
                        p.score(),
                        p.features(),
                        Decision.PENDING,
                        history));
            }
        }
        store.savePairs(toReview, "conflict", true);
        List<ObjectNode> persons = new ArrayList<>();
        BitSet grouped = new BitSet();
        for (int[] group : clusters.groups()) {
            List<LinkRecord> members = new ArrayList<>();
            for (int i : group) {
                members.add(records.get(i));
                grouped.set(i);
            }
            LinkRecord rep = CountingRule.representative(members);
            persons.add(personDoc(byId.get(rep.id()), info(members)));
        }
        for (int i = 0; i < records.size(); i++) {
            if (!grouped.get(i)) {
                ObjectNode d = byId.get(records.get(i).id());
                persons.add(personDoc(d, single(d)));
            }
        }
        Set<String> keep = new HashSet<>();
        persons.forEach(p -> keep.add(p.path("person").path("id").asText()));
        store.savePersons(org.athar.engine.EngineIndices.PERSONS, persons, true);
        store.removePersonsOf(component, keep);
    }

    private static Optional<Clusters.Edge> edgeOf(CandidatePair p, Map<String, Integer> index) {
        Integer a = index.get(p.reportA());
        Integer b = index.get(p.reportB());
        return a == null || b == null
                ? Optional.empty()
                : Optional.of(new Clusters.Edge(a, b, p.score(), p.decision()));
    }

    /**
     * The name frequencies of the last full re-link, or of all reports read now when there are none yet or the
     * reports have grown by more than a tenth since (so a collection that grows by small imports keeps true weights).
     */
    private NameFrequencies frequencies() throws IOException {
        NameFrequencies f = frequencies;
        if (f == null || store.reportCount() > f.names() * 1.1 + 100) {
            List<LinkRecord> names = new ArrayList<>();
            LinkageStore.Interner interner = new LinkageStore.Interner();
            store.scanRecords(LinkageStore.all(), interner, names::add);
            f = NameFrequencies.of(names);
            frequencies = f;
        }
        return f;
    }

    // --- persons

    /** What a person document says beyond its representative's report. */
    private record PersonInfo(List<String> reportIds, List<String> sources, List<Disagreement> disagreements) {}

    private static PersonInfo info(List<LinkRecord> members) {
        LinkRecord rep = CountingRule.representative(members);
        return new PersonInfo(
                members.stream().map(LinkRecord::id).sorted().toList(),
                members.stream().map(LinkRecord::source).distinct().sorted().toList(),
                CountingRule.disagreements(members, rep));
    }

    private static PersonInfo single(JsonNode report) {
        return new PersonInfo(
                List.of(report.path("id").asText()),
                List.of(report.path("source").asText()),
                List.of());
    }

    private ObjectNode personDoc(ObjectNode report, PersonInfo info) {
        ObjectNode doc = report.deepCopy();
        if (info.sources().size() > 1) {
            ArrayNode sources = doc.putArray("source");
            info.sources().forEach(sources::add);
        }
        ObjectNode person = doc.putObject("person");
        person.put("id", PersonCluster.idFor(info.reportIds()));
        ArrayNode ids = person.putArray("report_ids");
        info.reportIds().forEach(ids::add);
        ArrayNode sources = person.putArray("sources");
        info.sources().forEach(sources::add);
        person.put("pattern", String.join(SEPARATOR, info.sources()));
        person.put("size", info.reportIds().size());
        person.put("representative", report.path("id").asText());
        ArrayNode fields = person.putArray("disagreement_fields");
        info.disagreements().forEach(d -> fields.add(d.field()));
        person.set("disagreements", store.json().valueToTree(info.disagreements()));
        return doc;
    }

    private PersonCluster cluster(ObjectNode doc) {
        JsonNode p = doc.path("person");
        List<String> ids = new ArrayList<>();
        p.path("report_ids").forEach(n -> ids.add(n.asText()));
        List<String> sources = new ArrayList<>();
        p.path("sources").forEach(n -> sources.add(n.asText()));
        List<Disagreement> disagreements = new ArrayList<>();
        for (JsonNode d : p.path("disagreements")) {
            List<String> values = new ArrayList<>();
            d.path("values").forEach(v -> values.add(v.asText()));
            disagreements.add(new Disagreement(
                    d.path("field").asText(), values, d.path("counted").asText()));
        }
        return new PersonCluster(
                p.path("id").asText(), ids, sources, p.path("representative").asText(), disagreements);
    }

    // --- plumbing

    @FunctionalInterface
    private interface IoCall<T> {
        T call() throws IOException;
    }

    private static <T> T io(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Elasticsearch did not answer a linkage request (" + e.getMessage()
                            + "); check that the engine is up (GET /actuator/health) and try again",
                    e);
        }
    }

    /** Runs {@code job} on the linkage thread and waits for it, so it never overlaps another linkage job. */
    private <T> T run(IoCall<T> job) {
        Future<T> f = worker.submit(job::call);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for linkage", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(
                        "Elasticsearch did not answer a linkage request (" + io.getMessage()
                                + "); check that the engine is up (GET /actuator/health) and try again",
                        io);
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
