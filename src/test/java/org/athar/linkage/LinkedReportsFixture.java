package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
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
    private static final String L1 = "L1,سليمان عبد الرحيم %s,Sulayman Abd al-Rahim %s,male,%d,"
            + "%d-04-17,Aleppo,,,government,%s,Synthetic linkage fixture.\n";
    private static final String L2 = "L2,رابعة محمود %s,Rabia Mahmud %s,female,29,%d-09-03,Homs,,,"
            + "government,missing,Synthetic linkage fixture.\n";
    private static final String L3 =
            "L3,هاشم ياسين %s,Hashim Yasin %s,male,44,%d-01-20,Idleb,,," + "ISIS,missing,Synthetic linkage fixture.\n";
    /** Invented family names; each fixture of a test JVM takes its own, and its own years, so fixtures never link. */
    private static final String[][] FAMILIES = {
        {"القطيفاني", "al-Qutayfani"},
        {"الزعفراني", "al-Zafarani"},
        {"البرتقالي", "al-Burtuqali"},
        {"الصنوبري", "al-Sanawbari"},
        {"الخزامي", "al-Khuzami"},
        {"الياسميني", "al-Yasamini"}
    };

    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES =
            new java.util.concurrent.atomic.AtomicInteger();

    public final String sourceA;
    public final String sourceB;
    public final String sourceC;

    private final int n;

    public LinkedReportsFixture(String label) {
        n = INSTANCES.getAndIncrement();
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
        String l1a = String.format(Locale.ROOT, L1, family(0, 0), family(0, 1), 37, year(0), "missing");
        String l1b = String.format(Locale.ROOT, L1, family(0, 0), family(0, 1), 38, year(0), "detained");
        String l2 = String.format(Locale.ROOT, L2, family(1, 0), family(1, 1), year(1));
        String l3 = String.format(Locale.ROOT, L3, family(2, 0), family(2, 1), year(2));
        load(imports, sourceA, HEADER + l1a + l2 + l3, 3);
        load(imports, sourceB, HEADER + l1b, 1);
        load(imports, sourceC, HEADER + l2, 1);
    }

    /** The family name of person {@code person} (0: L1, 1: L2, 2: L3) in this fixture, Arabic (0) or Latin (1). */
    public String family(int person, int script) {
        return FAMILIES[(3 * n + person) % FAMILIES.length][script];
    }

    /** Years three apart for every person of every fixture (blocking compares reports at most 730 days apart). */
    private int year(int person) {
        return 1990 + 3 * ((3 * n + person) % 11);
    }

    private static void load(ImportService imports, String source, String csv, int rows) throws IOException {
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "linkage.csv",
                new ImportOptions(Optional.of(source), "linkage-test", true),
                c -> {});
        assertThat(r.rejected()).as("%s", r.errors()).isZero();
        assertThat(r.indexed() + r.updated() + r.unchanged()).isEqualTo(rows);
    }

    /**
     * Waits until the imports are linked (an import links its reports before it answers, unless a full re-link was
     * running: then they are linked right after it), and puts pair L1 in the review queue and pair L2 confirmed,
     * whatever the linker decided for them.
     */
    public void link(LinkageWorker linkage, LinkageReview review) {
        // The linker is one worker shared by the test JVM: a new Spring context that finds reports outside persons
        // (another test's bulk data) queues a full re-link of the whole shared index first, measured at about 4.5 min
        // on two cores with 23,000 reports. This waits for the queue; it times nothing.
        linkage.awaitIdle(Duration.ofMinutes(10));
        assertThat(linkage.status().running())
                .as("re-link: %s", linkage.status())
                .isFalse();
        Viewer admin = Viewer.system("linkage-fixture");
        set(review, admin, pendingPair(), Decision.PENDING);
        set(review, admin, confirmedPair(), Decision.CONFIRMED);
    }

    private static void set(LinkageReview review, Viewer admin, String pairId, Decision decision) {
        CandidatePair pair = review.pair(admin, pairId);
        if (pair.decision() != decision) {
            review.decide(admin, pairId, decision, "test fixture: start from a known decision");
        }
    }
}
