package org.athar.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes the report ids of a package as they are written and records them in the ledger {@link LedgerStore#CHUNK} at a
 * time, so a package of 1,000,000 reports never holds more than one chunk of ids in memory.
 */
final class LedgerIds implements Consumer<String> {

    private final LedgerStore ledger;
    private final String packageId;
    private final String attempt;
    private final LedgerKind kind;
    private final String recipient;
    private final List<String> buffer = new ArrayList<>(LedgerStore.CHUNK);
    private int chunk;
    private long count;

    LedgerIds(LedgerStore ledger, String packageId, String attempt, LedgerKind kind, String recipient) {
        this.ledger = ledger;
        this.packageId = packageId;
        this.attempt = attempt;
        this.kind = kind;
        this.recipient = recipient;
    }

    @Override
    public void accept(String reportId) {
        buffer.add(reportId);
        count++;
        if (buffer.size() == LedgerStore.CHUNK) {
            flush();
        }
    }

    /** Records what is buffered; call once the package is written. */
    void flush() {
        if (!buffer.isEmpty()) {
            ledger.createIds(packageId, attempt, kind, recipient, chunk++, buffer);
            buffer.clear();
        }
    }

    /** How many ids were taken. */
    long count() {
        return count;
    }
}
