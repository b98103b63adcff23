package org.athar.dataset;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Facts about the data set as a whole that screens, charts, exports and briefings state beside their figures:
 * whether it holds synthetic demo data, which sources it holds, when an import last ended. Each call asks the engine
 * (no cache: an import or a restore changes the answers); {@link IOException} when the engine does not answer.
 */
@Service
public class DataSetFacts {

    private final DataSetStore store;

    DataSetFacts(DataSetStore store) {
        this.store = store;
    }

    /** Whether any stored report is synthetic demo data, which every screen and export must then say. */
    public boolean holdsSyntheticData() throws IOException {
        return store.anySynthetic();
    }

    /** The sources that have at least one stored report, by name. */
    public List<String> sources() throws IOException {
        return store.sources();
    }

    /** When the last import ended (completed, failed or interrupted), as the stored batches say; empty before any. */
    public Optional<Instant> lastImport() throws IOException {
        return store.lastBatchEnd();
    }

    /**
     * The id of the import batch that ended last, the data version a package names; empty before any import. Compare
     * it with the batch ids of the import history.
     */
    public Optional<String> lastBatchId() throws IOException {
        return store.lastBatchId();
    }
}
