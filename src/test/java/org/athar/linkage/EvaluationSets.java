package org.athar.linkage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athar.demo.DemoDataGenerator;
import org.athar.demo.DemoTruth;
import org.athar.demo.LinkageShares;
import org.athar.ingest.CsvReports;
import org.athar.report.Report;

/**
 * The synthetic sets record linkage is measured on (docs/linkage.md, "Evaluation" and "The second evaluation set"):
 * written by the demo generator's linkage mode, turned into reports by Athar's own CSV reader and validator as an
 * import would (without the engine), with the truth of who each report is about.
 */
public final class EvaluationSets {

    private EvaluationSets() {}

    /** The project's own set ({@link LinkageShares#OWN}): {@code reports} reports written with {@code seed}. */
    public static EvaluationSet own(int reports, long seed) {
        return make(LinkageShares.OWN, reports, seed);
    }

    /** The second set ({@link LinkageShares#SECOND}) at its default size (3,108 reports) with {@code seed}. */
    public static EvaluationSet second(long seed) {
        return make(LinkageShares.SECOND, LinkageShares.SECOND.defaultReports(), seed);
    }

    /** The second set as the documentation measures it: its default size and its own seed. */
    public static EvaluationSet second() {
        return second(LinkageShares.SECOND.seed());
    }

    /** A set with any shares, for measuring at another size. */
    public static EvaluationSet make(LinkageShares shares, int reports, long seed) {
        try {
            long started = System.nanoTime();
            StringWriter csv = new StringWriter();
            List<DemoTruth> truth = new ArrayList<>();
            new DemoDataGenerator(seed).withLinkage(shares).write(csv, reports, done -> {}, truth::add);
            double generateSeconds = seconds(started);
            long importing = System.nanoTime();
            List<Report> read = CsvReports.read(
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                    shares.name() + "-evaluation.csv");
            double importSeconds = seconds(importing);
            if (read.size() != reports) {
                throw new IllegalStateException("only " + read.size() + " of " + reports + " synthetic rows of the "
                        + shares.name() + " set passed Athar's validator; the demo generator writes rows the "
                        + "importer refuses: write the set with the jar (docs/linkage.md) and import it to see why");
            }
            Map<String, DemoTruth> byId = new HashMap<>();
            for (DemoTruth t : truth) {
                byId.put(Report.idFor(t.source(), t.reportId()), t);
            }
            List<DemoTruth> inOrder = new ArrayList<>(read.size());
            Map<String, String> personOf = new LinkedHashMap<>();
            for (Report report : read) {
                DemoTruth t = byId.get(report.id());
                if (t == null) {
                    throw new IllegalStateException("no truth line for report " + report.id());
                }
                inOrder.add(t);
                personOf.put(report.id(), t.person());
            }
            List<LinkRecord> records = read.stream().map(LinkRecord::of).toList();
            return new EvaluationSet(
                    shares.name(),
                    seed,
                    List.copyOf(read),
                    records,
                    List.copyOf(inOrder),
                    Collections.unmodifiableMap(personOf),
                    generateSeconds,
                    importSeconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
