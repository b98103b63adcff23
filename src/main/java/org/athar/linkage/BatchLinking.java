package org.athar.linkage;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Links the reports of one import batch: candidates for its reports only (blocking in the engine), then the persons
 * they touch. Runs on the linkage worker's thread only.
 */
@Component
class BatchLinking {

    private static final Logger log = LoggerFactory.getLogger(BatchLinking.class);
    private static final int BLOCK_QUERIES = 200;
    private static final int BLOCK_SIZE = 200;

    private final ReportRecordStore reports;
    private final PairStore pairs;
    private final PersonLinking persons;
    private final CurrentFrequencies frequencies;
    private final ModelStore models;
    private final Clock clock;
    private final Linker linker = new Linker(LinkagePolicy.DEFAULT);

    BatchLinking(
            ReportRecordStore reports,
            PairStore pairs,
            PersonLinking persons,
            CurrentFrequencies frequencies,
            ModelStore models,
            Clock clock) {
        this.models = models;
        this.reports = reports;
        this.pairs = pairs;
        this.persons = persons;
        this.frequencies = frequencies;
        this.clock = clock;
    }

    void linkBatch(String batchId) throws IOException {
        long t0 = System.nanoTime();
        Interner interner = new Interner();
        List<LinkRecord> fresh = new ArrayList<>();
        reports.scanBatch(batchId, interner, fresh::add);
        if (fresh.isEmpty()) {
            return;
        }
        Set<String> freshIds = new HashSet<>();
        fresh.forEach(r -> freshIds.add(r.id()));
        Map<String, LinkRecord> candidates = new LinkedHashMap<>();
        for (int i = 0; i < fresh.size(); i += BLOCK_QUERIES) {
            List<LinkRecord> chunk = fresh.subList(i, Math.min(fresh.size(), i + BLOCK_QUERIES));
            for (List<LinkRecord> found : reports.candidatesOf(chunk, BLOCK_SIZE, interner)) {
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
        // The model of the last full re-link (or the default one before any): incremental linking never estimates.
        // The name combinations of the reports compared count too: the last full re-link has not seen this batch.
        PairScorer scorer = new PairScorer(models.current(), frequencies.get().withLocal(records));
        List<ScoredPair> found = new ArrayList<>();
        linker.pairs(
                records,
                isFresh,
                scorer,
                (a, b, s) -> found.add(scorer.score(records.get(a), records.get(b))),
                done -> {});
        Map<String, CandidatePair> existing = new HashMap<>();
        for (CandidatePair p : pairs.involving(freshIds, List.of())) {
            existing.put(p.id(), p);
        }
        String run = "batch-" + batchId;
        Instant now = clock.instant();
        List<CandidatePair> write = new ArrayList<>();
        for (ScoredPair p : found) {
            CandidatePair before = existing.get(p.id());
            if (before == null || PairStore.ATHAR.equals(before.last().by())) {
                // a reviewer's decision is never overwritten
                write.add(AutomaticPairs.of(p, false, now, linker.policy()));
            }
        }
        // Pairs the linker made earlier that still hold are rewritten with this run's id, so only stale ones go.
        pairs.savePairs(write, run, true);
        pairs.removeStaleAutomaticPairs(run, Optional.of(freshIds));
        persons.relinkPersons(freshIds);
        log.info(
                "Linked import {}: {} reports, {} candidates from the engine, {} pairs kept, in {} ms",
                batchId,
                fresh.size(),
                candidates.size(),
                found.size(),
                (System.nanoTime() - t0) / 1_000_000);
    }
}
