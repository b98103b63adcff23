package org.athar.linkage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One document of {@code athar-persons}: the person, and the report of its representative as stored. The report is
 * kept as the engine returned it, untouched, because statistics count persons with the same query as reports;
 * linkage never reads it. {@link PersonStore} writes the two as one document.
 */
record PersonDocument(PersonCluster person, ObjectNode representativeReport) {

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
        String id = report.path("id").asText();
        return new PersonDocument(
                new PersonCluster(
                        PersonCluster.idFor(List.of(id)),
                        List.of(id),
                        List.of(report.path("source").asText()),
                        id,
                        List.of()),
                report);
    }

    /** The sources joined by {@link #SEPARATOR}: what the overlap of sources counts persons by. */
    String pattern() {
        return String.join(SEPARATOR, person.sources());
    }
}
