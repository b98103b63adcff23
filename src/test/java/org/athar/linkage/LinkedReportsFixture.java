package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.security.Viewer;

/**
 * Five synthetic reports in three sources of their own (unique names, so reports of other tests on the shared
 * engine never mix in): person L1 is in sources A and B (the two reports differ in age and status), person L2 in A
 * and C, person L3 only in A. After {@link #link}, pair L1 waits for review and pair L2 is confirmed, so A
 * documents 3 persons, B 1, C 1, and A and C share one. The linker scores both pairs about 19 (automatic).
 */
public final class LinkedReportsFixture {

    private static final String HEADER = "report_id,victim_name,victim_name_latin,gender,age,disappeared_on,"
            + "governorate,district,locality,perpetrator,status,narrative\n";
    private static final String L1 = "L1,سليمان عبد الرحيم القطيفاني,Sulayman Abd al-Rahim al-Qutayfani,male,%d,"
            + "2013-04-17,Aleppo,,,government,%s,Synthetic linkage fixture.\n";
    private static final String L2 = "L2,رابعة محمود الزعفراني,Rabia Mahmud al-Zafarani,female,29,2014-09-03,Homs,,,"
            + "government,missing,Synthetic linkage fixture.\n";
    private static final String L3 = "L3,هاشم ياسين البرتقالي,Hashim Yasin al-Burtuqali,male,44,2016-01-20,Idleb,,,"
            + "ISIS,missing,Synthetic linkage fixture.\n";

    public final String sourceA;
    public final String sourceB;
    public final String sourceC;

    public LinkedReportsFixture(String label) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        sourceA = label + " A " + tag;
        sourceB = label + " B " + tag;
        sourceC = label + " C " + tag;
    }

    public String report(String source, String reportId) {
        return Report.idFor(source, reportId);
    }

    /** The pair of person L1 (A and B): waiting for review after {@link #link}. */
    public String pendingPair() {
        return CandidatePair.idOf(report(sourceA, "L1"), report(sourceB, "L1"));
    }

    /** The pair of person L2 (A and C): confirmed after {@link #link}. */
    public String confirmedPair() {
        return CandidatePair.idOf(report(sourceA, "L2"), report(sourceC, "L2"));
    }

    public void importInto(ImportService imports) throws IOException {
        load(imports, sourceA, HEADER + L1.formatted(37, "missing") + L2 + L3, 3);
        load(imports, sourceB, HEADER + L1.formatted(38, "detained"), 1);
        load(imports, sourceC, HEADER + L2, 1);
    }

    private static void load(ImportService imports, String source, String csv, int rows) throws IOException {
        ImportResult r = imports.importFile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "linkage.csv", new ImportOptions(Optional.of(source), "linkage-test", true), c -> { });
        assertThat(r.rejected()).as("%s", r.errors()).isZero();
        assertThat(r.indexed() + r.updated()).isEqualTo(rows);
    }

    /**
     * Waits until the imports are linked (an import links its reports before it answers, unless a full re-link was
     * running: then they are linked right after it), and puts pair L1 in the review queue and pair L2 confirmed,
     * whatever the linker decided for them.
     */
    public void link(LinkageService linkage) {
        linkage.awaitIdle(Duration.ofMinutes(3));
        assertThat(linkage.status().running()).as("re-link: %s", linkage.status()).isFalse();
        Viewer admin = Viewer.system("linkage-fixture");
        set(linkage, admin, pendingPair(), Decision.PENDING);
        set(linkage, admin, confirmedPair(), Decision.CONFIRMED);
    }

    private static void set(LinkageService linkage, Viewer admin, String pairId, Decision decision) {
        CandidatePair pair = linkage.pair(admin, pairId);
        if (pair.decision() != decision) {
            linkage.decide(admin, pairId, decision, "test fixture: start from a known decision");
        }
    }
}
