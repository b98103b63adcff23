package org.athar.sharing;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Reads the sharing ledger: entries, and report ids only through the entry that names their attempt, so ids left by a
 * send that failed before its entry was written are never taken for sent.
 */
@Component
class Ledger {

    private final LedgerStore store;

    Ledger(LedgerStore store) {
        this.store = store;
    }

    List<LedgerEntry> newestFirst() {
        return store.newestFirst();
    }

    Optional<LedgerEntry> entry(String packageId) {
        return store.find(packageId).map(LedgerStore.Stored::entry);
    }

    /** Hands every report id of the entry to {@code each}, in chunk order; false if there is no such entry. */
    boolean forEachId(String packageId, Consumer<String> each) {
        Optional<LedgerStore.Stored> stored = store.find(packageId);
        stored.ifPresent(s -> store.forEachId(packageId, s.attempt(), each));
        return stored.isPresent();
    }

    /** The entries (packages and withdrawals) naming {@code reportId}, newest first. */
    List<LedgerEntry> naming(String reportId) {
        Map<String, Optional<LedgerStore.Stored>> entries = new HashMap<>();
        return store.chunksNaming(List.of(reportId), Optional.empty(), Optional.empty()).stream()
                .map(c -> committed(c, entries))
                .flatMap(Optional::stream)
                .distinct()
                .sorted(Comparator.comparing(LedgerEntry::at).reversed())
                .toList();
    }

    /** Those of {@code reportIds} that a package recorded in the ledger sent to {@code recipient}. */
    Set<String> sentTo(Recipient recipient, Collection<String> reportIds) {
        Map<String, Optional<LedgerStore.Stored>> entries = new HashMap<>();
        Set<String> sent = new HashSet<>();
        for (LedgerStore.Chunk c :
                store.chunksNaming(reportIds, Optional.of(LedgerKind.PACKAGE), Optional.of(recipient.name()))) {
            if (committed(c, entries).isPresent()) {
                sent.addAll(c.reportIds());
            }
        }
        return sent;
    }

    private Optional<LedgerEntry> committed(LedgerStore.Chunk chunk, Map<String, Optional<LedgerStore.Stored>> cache) {
        return cache.computeIfAbsent(chunk.packageId(), store::find)
                .filter(s -> s.attempt().equals(chunk.attempt()))
                .map(LedgerStore.Stored::entry);
    }
}
