package org.athar.linkage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One document of {@code athar-person-closures}: the person that {@code personIds} would become if every pending pair
 * joining them were confirmed, stored like a person (the representative's report, counted by {@link CountingRule}) so
 * the same filters count it, with the {@code pendingPairs} that would merge them.
 */
record ClosureDocument(
        PersonCluster closure, ObjectNode representativeReport, List<String> personIds, int pendingPairs) {

    /** Closure ids never look like a person id ({@code p-…}) or a report id. */
    static final String ID_PREFIX = "c-";

    ClosureDocument {
        personIds = List.copyOf(personIds);
    }

    PersonDocument asPerson() {
        return new PersonDocument(closure, representativeReport);
    }
}
