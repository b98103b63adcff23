package org.athar.linkage;

import java.util.List;
import java.util.Map;
import org.athar.demo.DemoTruth;
import org.athar.report.Report;

/**
 * A synthetic evaluation set for record linkage, made by {@link EvaluationSets}: the reports as an import stores them
 * (Athar's own reader and validator, every row accepted), their {@link LinkRecord}s, and who each report is about.
 *
 * @param name {@code own} or {@code second}
 * @param seed the seed the demo generator wrote it with
 * @param reports the reports, in file order
 * @param records {@code LinkRecord.of(report)} for each report, in the same order
 * @param truth the truth line of each report, in the same order (variants and look-alike relation included)
 * @param personOf the synthetic person of each report, by the stored report id ({@link Report#id()}, which is
 *     {@link LinkRecord#id()}); two reports are about the same person exactly when their persons are equal
 * @param generateSeconds time spent writing the CSV
 * @param importSeconds time spent reading and validating it
 */
public record EvaluationSet(
        String name,
        long seed,
        List<Report> reports,
        List<LinkRecord> records,
        List<DemoTruth> truth,
        Map<String, String> personOf,
        double generateSeconds,
        double importSeconds) {

    /** How many different persons the reports are about (what a perfect linker would count). */
    public long persons() {
        return personOf.values().stream().distinct().count();
    }
}
