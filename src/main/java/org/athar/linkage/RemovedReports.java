package org.athar.linkage;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps pairs and persons consistent after reports were deleted (a partner's withdrawal notice): the pairs naming
 * them go, and the persons they were part of are rebuilt from the reports that remain, so a person count never
 * includes a withdrawn report. Runs on the linkage worker's thread only.
 */
@Component
class RemovedReports {

    private static final Logger log = LoggerFactory.getLogger(RemovedReports.class);

    private final PairStore pairs;
    private final PersonLinking persons;

    RemovedReports(PairStore pairs, PersonLinking persons) {
        this.pairs = pairs;
        this.persons = persons;
    }

    void unlink(Collection<String> removed) throws IOException {
        if (removed.isEmpty()) {
            return;
        }
        // The reports linked to the removed ones are found through the pairs, so read those before deleting them.
        Set<String> touched = new HashSet<>(removed);
        for (CandidatePair p : pairs.involving(removed, List.of())) {
            touched.add(p.reportA());
            touched.add(p.reportB());
        }
        long gone = pairs.removeInvolving(removed);
        persons.relinkPersons(touched);
        log.info(
                "Unlinked {} removed reports: {} pairs removed, {} reports re-linked",
                removed.size(),
                gone,
                touched.size() - removed.size());
    }
}
