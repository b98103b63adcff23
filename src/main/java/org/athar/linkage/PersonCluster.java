package org.athar.linkage;

import java.util.List;

/**
 * One person: the reports linked to each other (directly or through others) by {@code auto} or {@code confirmed}
 * pairs. An unlinked report is a person of its own. {@code representative} is the report whose values are counted
 * (the counting rule, {@link CountingRule}); {@code disagreements} lists the fields the reports differ on.
 */
public record PersonCluster(
        String personId,
        List<String> reportIds,
        List<String> sources,
        String representative,
        List<Disagreement> disagreements) {

    public PersonCluster {
        reportIds = List.copyOf(reportIds);
        sources = List.copyOf(sources);
        disagreements = List.copyOf(disagreements);
    }

    /** A person id is the smallest report id of the cluster, prefixed so it is never mistaken for a report id. */
    public static String idFor(List<String> sortedReportIds) {
        return "p-" + sortedReportIds.get(0);
    }
}
