package org.athar.linkage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The name frequencies linking weighs name agreements by, shared by the full re-link and batch linking. */
@Component
class CurrentFrequencies {

    private final ReportRecordStore reports;
    private volatile NameFrequencies frequencies;

    CurrentFrequencies(ReportRecordStore reports) {
        this.reports = reports;
    }

    /**
     * The name frequencies of the last full re-link, or of all reports read now when there are none yet or the
     * reports have grown by more than a tenth since (so a collection that grows by small imports keeps true weights).
     */
    NameFrequencies get() throws IOException {
        NameFrequencies f = frequencies;
        if (f == null || reports.reportCount() > f.names() * 1.1 + 100) {
            List<LinkRecord> names = new ArrayList<>();
            reports.scanRecords(new Interner(), names::add);
            f = NameFrequencies.of(names);
            frequencies = f;
        }
        return f;
    }

    /** The frequencies a full re-link computed from every report. */
    void set(NameFrequencies f) {
        frequencies = f;
    }
}
