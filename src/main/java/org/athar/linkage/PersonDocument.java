package org.athar.linkage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One document of {@code athar-persons}: the person, and the report of its representative as stored. The report is
 * kept as the engine returned it, untouched, because statistics count persons with the same query as reports;
 * linkage never reads it. {@link PersonStore} writes the two as one document. {@code pendingClosure}: pending pairs
 * would merge this person with another ({@link PendingClosures}); the figure if they were confirmed counts the merged
 * person ({@link ClosureDocument}) instead.
 */
record PersonDocument(PersonCluster person, ObjectNode representativeReport, boolean pendingClosure) {

    /** A person that no pending pair would merge with another. */
    PersonDocument(PersonCluster person, ObjectNode representativeReport) {
        this(person, representativeReport, false);
    }

    /** Joins a person's sources into its pattern key (the exact set of sources documenting it). */
    static final String SEPARATOR = "\u001f";

    /** The person of linked reports {@code members}, before its representative's report is read. */
    static PersonCluster clusterOf(List<LinkRecord> members) {
        LinkRecord rep = CountingRule.representative(members);
        List<String> ids = members.stream().map(LinkRecord::id).sorted().toList();
        return new PersonCluster(
                PersonCluster.idFor(ids),
                ids,
                members.stream().map(LinkRecord::source).distinct().sorted().toList(),
                rep.id(),
                CountingRule.disagreements(members, rep));
    }

    /** An unlinked report: a person of its own. */
    static PersonDocument single(ObjectNode report) {
        return single(report, false);
    }

    static PersonDocument single(ObjectNode report, boolean pendingClosure) {
        String id = report.path("id").asText();
        return new PersonDocument(
                new PersonCluster(
                        PersonCluster.idFor(List.of(id)),
                        List.of(id),
                        List.of(report.path("source").asText()),
                        id,
                        List.of()),
                report,
                pendingClosure);
    }

    /** The sources joined by {@link #SEPARATOR}: what the overlap of sources counts persons by. */
    String pattern() {
        return String.join(SEPARATOR, person.sources());
    }
}
