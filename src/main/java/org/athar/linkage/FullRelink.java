package org.athar.linkage;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.athar.engine.EngineIndices;
import org.athar.platform.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The full re-link: every report read and compared, every pair the linker keeps rewritten (reviewers' decisions are
 * kept), and the persons rebuilt in a new index that replaces the old one in one step. Runs on the linkage worker's
 * thread only.
 */
@Component
class FullRelink {

    private static final Logger log = LoggerFactory.getLogger(FullRelink.class);

    /** Told how many of the reports have been processed, as the re-link goes. */
    @FunctionalInterface
    interface Progress {
        void at(long processed, long total);
    }

    /** What a finished re-link kept: its pairs (the linker's and the reviewers') and the persons written. */
    record Outcome(long total, long pairs, long persons) {}

    private final ReportRecordStore reports;
    private final PairStore pairs;
    private final PersonStore persons;
    private final CurrentFrequencies frequencies;
    private final ModelStore models;
    private final Clock clock;
    private final Linker linker = new Linker(LinkagePolicy.DEFAULT);

    FullRelink(
            ReportRecordStore reports,
            PairStore pairs,
            PersonStore persons,
            CurrentFrequencies frequencies,
            ModelStore models,
            Clock clock) {
        this.reports = reports;
        this.pairs = pairs;
        this.persons = persons;
        this.frequencies = frequencies;
        this.models = models;
        this.clock = clock;
    }

    Outcome run(Instant started, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        long total = reports.reportCount();
        progress.at(0, total);
        List<String> orphans = new ArrayList<>(pairs.dropOrphans());
        orphans.addAll(persons.dropOrphans());
        if (!orphans.isEmpty()) {
            log.info("Deleted {} left unused by an earlier re-link that did not finish", orphans);
        }
        Interner interner = new Interner();
        List<LinkRecord> records = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, total + 16));
        reports.scanRecords(interner, r -> {
            records.add(r);
            if (records.size() % 10_000 == 0) {
                progress.at(records.size() / 2, total);
            }
        });
        records.sort(Comparator.comparing(LinkRecord::id));
        String[] ids = records.stream().map(LinkRecord::id).toArray(String[]::new);
        long read = System.nanoTime();
        NameFrequencies freq = NameFrequencies.of(records);
        frequencies.set(freq);
        Map<String, CandidatePair> human = new HashMap<>();
        List<ModelEstimator.Reviewed> reviewed = new ArrayList<>();
        for (CandidatePair p : pairs.humanDecisions()) {
            human.put(p.id(), p);
            int a = Arrays.binarySearch(ids, p.reportA());
            int b = Arrays.binarySearch(ids, p.reportB());
            if (a >= 0 && b >= 0 && (p.decision() == Decision.CONFIRMED || p.decision() == Decision.REJECTED)) {
                reviewed.add(new ModelEstimator.Reviewed(a, b, p.decision() == Decision.CONFIRMED));
            }
        }
        // The model is estimated afresh from all reports and every reviewer's decision, then stored for the
        // incremental linking of later imports.
        LinkageModel model = ModelEstimator.estimate(records, linker, reviewed, clock.instant());
        models.save(model);
        PairScorer scorer = new PairScorer(model, freq);
        long estimated = System.nanoTime();
        int n = records.size();
        List<Clusters.Edge> edges = new ArrayList<>();
        // Comparing is pure CPU and the engine is idle meanwhile: every core compares a share of the blocks.
        int workers = Runtime.getRuntime().availableProcessors();
        ThreadPoolTaskExecutor pool = Tasks.pool("athar-relink-compare", workers, Duration.ZERO);
        try {
            linker.pairs(
                    records,
                    scorer,
                    (a, b, score) -> edges.add(
                            new Clusters.Edge(a, b, score, linker.policy().decisionFor(score))),
                    done -> progress.at(n / 2 + done / 8, total),
                    pool,
                    workers);
        } finally {
            pool.shutdown();
        }
        long compared = System.nanoTime();
        List<Clusters.Edge> all = new ArrayList<>(edges.size() + human.size());
        for (Clusters.Edge e : edges) {
            if (!isHuman(human, ids, e)) {
                all.add(e);
            }
        }
        for (CandidatePair p : human.values()) {
            int a = Arrays.binarySearch(ids, p.reportA());
            int b = Arrays.binarySearch(ids, p.reportB());
            if (a >= 0 && b >= 0) {
                all.add(new Clusters.Edge(a, b, p.score(), p.decision()));
            }
        }
        Clusters clusters = Clusters.of(n, all);
        Set<Long> conflicts = new HashSet<>();
        for (Clusters.Edge e : clusters.conflicts()) {
            conflicts.add(((long) e.a() << 32) | e.b());
        }
        // Pairs: reviewers' decisions as stored and the linker's own go to a new index (the engine sends while the
        // next pairs are scored) that replaces the old one in one step; a failed run leaves the old pairs as they were.
        String run = "relink-" + started.toEpochMilli();
        Instant now = clock.instant();
        long kept = 0;
        String linksIndex = pairs.newIndex();
        try {
            try (LinkageBulk bulk = pairs.bulk()) {
                pairs.copyHumanDecisions(bulk, linksIndex);
                for (Clusters.Edge e : edges) {
                    if (isHuman(human, ids, e)) {
                        continue;
                    }
                    boolean conflict = conflicts.contains(((long) e.a() << 32) | e.b());
                    ScoredPair scored = scorer.score(records.get(e.a()), records.get(e.b()));
                    // The persons are the clusters: the pair's impact on the review queue is known already.
                    int joined = clusters.root(e.a()) == clusters.root(e.b())
                            ? clusters.sizeOf(e.a())
                            : clusters.sizeOf(e.a()) + clusters.sizeOf(e.b());
                    pairs.write(
                            bulk, linksIndex, AutomaticPairs.of(scored, conflict, now, linker.policy()), run, joined);
                    kept++;
                    if (kept % 20_000 == 0) {
                        // Writing the pairs is the eighth before the persons' quarter.
                        progress.at(n * 5L / 8 + kept * n / 8 / Math.max(1, edges.size()), total);
                    }
                }
            }
            pairs.usePairs(linksIndex);
        } catch (IOException | RuntimeException failed) {
            try {
                pairs.dropUnused(linksIndex);
            } catch (IOException | RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed); // the engine is likely gone: the first failure is what to report
            }
            throw failed;
        }
        long pairsWritten = System.nanoTime();
        PendingClosures closures = PendingClosures.of(records, all, clusters);
        // The pairs are written and the closures known: their memory goes to reading the reports for the persons.
        edges.clear();
        all.clear();
        long[] written = writePersons(records, ids, clusters, closures, progress, total);
        long end = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        log.info(String.format(
                Locale.ROOT,
                "Full re-link of %,d reports: model %s (%d iterations, %,d blocked pairs), %,d pairs kept (%,d"
                        + " conflicts sent to review), %,d persons; read %.1f s, model estimated %.1f s, compared %.1f s,"
                        + " pairs written %.1f s, persons written %.1f s, total %.1f s; heap in use %,d MB",
                n,
                model.isDefault() ? "default (" + model.note() + ")" : "estimated",
                model.iterations(),
                model.blockedPairs(),
                kept,
                conflicts.size(),
                written[0],
                (read - t0) / 1e9,
                (estimated - read) / 1e9,
                (compared - estimated) / 1e9,
                (pairsWritten - compared) / 1e9,
                (end - pairsWritten) / 1e9,
                (end - t0) / 1e9,
                (rt.totalMemory() - rt.freeMemory()) >> 20));
        return new Outcome(total, kept + human.size(), written[0]);
    }

    /** Whether a reviewer decided the pair {@code e} (only then is its id worth making). */
    private static boolean isHuman(Map<String, CandidatePair> human, String[] ids, Clusters.Edge e) {
        return !human.isEmpty() && human.containsKey(CandidatePair.idOf(ids[e.a()], ids[e.b()]));
    }

    /**
     * Persons and the merged clusters pending pairs would make: new indices, filled from a second read of the
     * reports, then both aliases move in one step. Returns the persons written and the reports read. The link
     * records are dropped ({@code records} is emptied) once the persons are made of them: a million of them take
     * hundreds of megabytes the second read needs.
     */
    private long[] writePersons(
            List<LinkRecord> records,
            String[] ids,
            Clusters clusters,
            PendingClosures closures,
            Progress progress,
            long total)
            throws IOException {
        int n = records.size();
        Map<String, PersonCluster> byRepresentative = new HashMap<>();
        BitSet inCluster = new BitSet(n);
        for (int[] group : clusters.groups()) {
            List<LinkRecord> members = new ArrayList<>(group.length);
            for (int i : group) {
                members.add(records.get(i));
                inCluster.set(i);
            }
            PersonCluster person = PersonDocument.clusterOf(members);
            byRepresentative.put(person.representative(), person);
        }
        Map<String, PendingClosures.Merged> mergedAt = new HashMap<>();
        Map<String, PersonCluster> closureAt = new HashMap<>();
        for (PendingClosures.Merged m : closures.merged()) {
            PersonCluster c = PendingClosures.clusterOf(m, records);
            mergedAt.put(c.representative(), m);
            closureAt.put(c.representative(), c);
        }
        records.clear();
        String index = persons.newIndex(EngineIndices.PERSONS);
        String closureIndex = persons.newIndex(EngineIndices.PERSON_CLOSURES);
        long[] written = {0, 0};
        // The engine writes persons while the next page of reports is read and turned into persons.
        try (LinkageBulk bulk = persons.bulk()) {
            reports.scanReports(doc -> {
                String id = doc.path("id").asText();
                int i = Arrays.binarySearch(ids, id);
                boolean pendingClosure = i >= 0 && closures.inMerged(i);
                // The merged cluster first: its document is a copy, the person's is the report itself.
                PendingClosures.Merged m = mergedAt.get(id);
                if (m != null) {
                    persons.write(
                            bulk,
                            closureIndex,
                            new ClosureDocument(closureAt.get(id), doc, m.personIds(), m.pendingPairs()));
                }
                PersonCluster person = byRepresentative.get(id);
                if (person != null) {
                    persons.write(bulk, index, new PersonDocument(person, doc, pendingClosure));
                    written[0]++;
                } else if (i < 0 || !inCluster.get(i)) {
                    persons.write(bulk, index, PersonDocument.single(doc, pendingClosure));
                    written[0]++;
                }
                written[1]++;
                if (written[1] % 10_000 == 0) {
                    progress.at(n * 3 / 4 + written[1] / 4, total);
                }
            });
        }
        persons.usePersons(index, closureIndex);
        return written;
    }
}
