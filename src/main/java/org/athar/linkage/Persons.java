package org.athar.linkage;

import static org.athar.linkage.LinkageIo.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * The persons linkage found: the person a report belongs to, and how many persons each combination of sources
 * documents.
 */
@Service
public class Persons {

    private final PersonStore persons;
    private final ReportRecordStore reports;

    Persons(PersonStore persons, ReportRecordStore reports) {
        this.persons = persons;
        this.reports = reports;
    }

    /**
     * The person a report belongs to (a person of its own when unlinked); {@link PairNotFoundException} when no
     * report has the id. Requires {@code SEARCH}.
     */
    public PersonCluster personOf(Viewer viewer, String reportId) {
        viewer.require(Permission.SEARCH);
        Optional<PersonCluster> person = io(() -> persons.personHolding(reportId));
        if (person.isPresent()) {
            return person.get();
        }
        List<ObjectNode> report = io(() -> reports.reports(List.of(reportId)));
        if (report.isEmpty()) {
            throw new PairNotFoundException("No report has the id " + reportId);
        }
        return new PersonCluster(
                PersonCluster.idFor(List.of(reportId)),
                List.of(reportId),
                List.of(report.get(0).path("source").asText()),
                reportId,
                List.of());
    }

    /** How many persons each combination of sources documents. Requires {@code VIEW_TRENDS}. */
    public Overlap overlap(Viewer viewer) {
        viewer.require(Permission.VIEW_TRENDS);
        Map<String, Long> patterns = io(persons::patterns);
        TreeSet<String> sources = new TreeSet<>();
        List<Overlap.Pattern> out = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> e : patterns.entrySet()) {
            List<String> set = List.of(e.getKey().split(PersonDocument.SEPARATOR));
            sources.addAll(set);
            out.add(new Overlap.Pattern(set, e.getValue()));
            total += e.getValue();
        }
        out.sort(Comparator.comparingInt((Overlap.Pattern p) -> p.sources().size())
                .thenComparing(p -> String.join(PersonDocument.SEPARATOR, p.sources())));
        return new Overlap(List.copyOf(sources), total, out);
    }
}
