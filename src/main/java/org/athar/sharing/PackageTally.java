package org.athar.sharing;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.athar.export.SummaryWorkbook;
import org.athar.report.DatePrecision;
import org.athar.report.Place;
import org.athar.report.Report;

/**
 * The counts of a package's reports taken while they are written: by governorate, year of disappearance, perpetrator
 * and status. Bounded by the vocabularies and the years, never by the number of reports.
 */
final class PackageTally {

    static final String UNKNOWN = Place.UNKNOWN;

    private long total;
    private final Map<String, Long> governorates = new HashMap<>();
    private final Map<String, Long> perpetrators = new HashMap<>();
    private final Map<String, Long> statuses = new HashMap<>();
    private final TreeMap<Integer, Long> years = new TreeMap<>();
    private long undated;
    private final Map<String, Map<String, Long>> crossTab = new HashMap<>();

    void add(Report report) {
        total++;
        String governorate = report.place().governorate();
        String perpetrator = report.perpetrator().category().code();
        governorates.merge(governorate, 1L, Long::sum);
        perpetrators.merge(perpetrator, 1L, Long::sum);
        statuses.merge(report.status().code(), 1L, Long::sum);
        crossTab.computeIfAbsent(governorate, g -> new HashMap<>()).merge(perpetrator, 1L, Long::sum);
        if (report.disappearance().precision() != DatePrecision.UNKNOWN
                && report.disappearance().date().isPresent()) {
            years.merge(report.disappearance().date().get().getYear(), 1L, Long::sum);
        } else {
            undated++;
        }
    }

    long total() {
        return total;
    }

    /** Counts by governorate p-code, {@code unknown} last (the manifest's {@code countsByGovernorate}). */
    Map<String, Long> byGovernorate() {
        Map<String, Long> out = new TreeMap<>(
                (a, b) -> a.equals(UNKNOWN) ? (b.equals(UNKNOWN) ? 0 : 1) : b.equals(UNKNOWN) ? -1 : a.compareTo(b));
        out.putAll(governorates);
        return out;
    }

    /** Counts by year of disappearance, {@code unknown} last when the year is not known. */
    Map<String, Long> byYear() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        years.forEach((y, n) -> out.put(String.valueOf(y), n));
        if (undated > 0) {
            out.put(UNKNOWN, undated);
        }
        return out;
    }

    SummaryWorkbook.Counts summary() {
        return new SummaryWorkbook.Counts(total, governorates, perpetrators, statuses, years, undated, crossTab);
    }
}
