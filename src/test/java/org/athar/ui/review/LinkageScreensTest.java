package org.athar.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Direction;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athar.AtharIntegrationTest;
import org.athar.i18n.Messages;
import org.athar.ingest.ImportService;
import org.athar.linkage.CandidatePair;
import org.athar.linkage.Decision;
import org.athar.linkage.LinkageReview;
import org.athar.linkage.LinkageWorker;
import org.athar.linkage.LinkedReportsFixture;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.security.Viewer;
import org.athar.ui.SpringKaribu;
import org.athar.ui.search.PersonView;
import org.athar.ui.search.ReportView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The record linkage screens server-side (Karibu) on the real engine with five crafted reports: Review shows a pair
 * side by side with the differing rows marked, the keys C, R, S and U confirm, reject, skip and undo (in English and
 * Arabic) while the page counts the session's decisions, a decided pair is sent back with a note; Overlap
 * shows the persons of each source; a report links to all reports of its person; Admin starts a re-link; and the
 * screens read in Arabic, right to left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class LinkageScreensTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportService imports;

    @Autowired
    LinkageWorker linkage;

    @Autowired
    LinkageReview review;

    @Autowired
    SwitchableViewer viewer;

    private final LinkedReportsFixture fixture = new LinkedReportsFixture("Linkage UI");

    @BeforeAll
    void reportsLinked() throws Exception {
        long started = System.nanoTime();
        fixture.importInto(imports);
        fixture.link(linkage, review);
        System.out.printf(
                "LinkageScreensTest: import and linking took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @BeforeEach
    void knownDecisions() {
        linkage.awaitIdle(java.time.Duration.ofMinutes(10));
        Viewer admin = Viewer.system("test");
        if (review.pair(admin, fixture.pendingPair()).decision() != Decision.PENDING) {
            review.decide(admin, fixture.pendingPair(), Decision.PENDING, "test: back to the queue");
        }
    }

    private void signIn(Role role) {
        viewer.actAs(role);
        SpringKaribu.setUp(context, Set.of(role));
    }

    private static void arabic() {
        UI ui = UI.getCurrent();
        ui.setLocale(Messages.ARABIC);
        ui.getSession().setLocale(Messages.ARABIC);
        ui.setDirection(Direction.RIGHT_TO_LEFT);
    }

    @AfterEach
    void closeBrowserSession() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    private static String page() {
        return PrettyPrintTreeKt.toPrettyTree(UI.getCurrent());
    }

    @SuppressWarnings("unchecked")
    private static Grid<CandidatePair> queue() {
        return LocatorJ._get(Grid.class, spec -> spec.withId("review-queue"));
    }

    /** Opens Review on the fixture's pending pair, as a link to it does (other tests' pairs may fill the queue). */
    private void openPendingPair() {
        UI.getCurrent().navigate("review", QueryParameters.simple(Map.of("pair", fixture.pendingPair())));
        assertThat(LocatorJ._get(Span.class, spec -> spec.withId("review-score"))
                        .getText())
                .contains("Waiting for review");
        assertThat(LocatorJ._get(RouterLink.class, spec -> spec.withId("review-report-b"))
                        .getText())
                .isEqualTo("Report B: L1");
        assertThat(LocatorJ._get(RouterLink.class, spec -> spec.withId("review-report-b"))
                        .getHref())
                .as("the link opens the report page (made by route, not by the report view's class)")
                .startsWith("report/");
    }

    private static Div row(String field) {
        return LocatorJ._get(Div.class, spec -> spec.withId("compare-" + field));
    }

    @Test
    void review_shows_the_pair_side_by_side_and_marks_the_rows_where_the_reports_differ() {
        signIn(Role.ANALYST);
        openPendingPair();

        long pending = review.count(Viewer.system("test"), Decision.PENDING);
        assertThat(LocatorJ._get(Tab.class, spec -> spec.withId("review-tab-pending"))
                        .getLabel())
                .isEqualTo("To review (" + pending + ")");
        assertThat(row("age").hasClassName("athar-differs")).as("37 and 38").isTrue();
        assertThat(row("status").hasClassName("athar-differs"))
                .as("missing and detained")
                .isTrue();
        assertThat(row("name").hasClassName("athar-differs")).isFalse();
        assertThat(row("date").hasClassName("athar-differs")).isFalse();
        assertThat(row("governorate").hasClassName("athar-differs")).isFalse();
        assertThat(page())
                .contains(
                        "سليمان عبد الرحيم " + fixture.family(0, 0),
                        "Missing",
                        "Detained",
                        fixture.sourceA,
                        fixture.sourceB,
                        "Confirm (C)",
                        "Reject (R)");
        @SuppressWarnings("unchecked")
        Grid<org.athar.linkage.Feature> features = LocatorJ._get(Grid.class, spec -> spec.withId("review-features"));
        List<String> firstCells = java.util.stream.IntStream.range(0, GridKt._size(features))
                .mapToObj(i -> GridKt._getFormattedRow(features, i).get(0))
                .toList();
        assertThat(firstCells).contains("Family name", "Date of disappearance", "Governorate");
    }

    @Test
    void the_key_c_confirms_the_pair_and_send_back_with_a_note_returns_it_to_the_queue() {
        signIn(Role.ANALYST);
        openPendingPair();

        ShortcutsKt.fireShortcut(Key.KEY_C);

        Viewer admin = Viewer.system("test");
        CandidatePair confirmed = review.pair(admin, fixture.pendingPair());
        assertThat(confirmed.decision()).isEqualTo(Decision.CONFIRMED);
        assertThat(confirmed.last().by()).isEqualTo("test-analyst");
        assertThat(NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text", ""))
                .contains("Confirmed: the two reports now count as one person.");

        LocatorJ._get(Tabs.class, spec -> spec.withId("review-tabs"))
                .setSelectedTab(LocatorJ._get(Tab.class, spec -> spec.withId("review-tab-confirmed")));
        Grid<CandidatePair> grid = queue();
        List<CandidatePair> confirmedPairs = GridKt._findAll(grid);
        assertThat(confirmedPairs).extracting(CandidatePair::decision).containsOnly(Decision.CONFIRMED);
        assertThat(confirmedPairs)
                .extracting(CandidatePair::score)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        int row = confirmedPairs.stream().map(CandidatePair::id).toList().indexOf(fixture.pendingPair());
        if (row >= 0) {
            GridKt._clickItem(grid, row);
        } else {
            UI.getCurrent().navigate("review", QueryParameters.simple(Map.of("pair", fixture.pendingPair())));
        }
        assertThat(LocatorJ._get(Span.class, spec -> spec.withId("review-score"))
                        .getText())
                .contains("Confirmed");
        LocatorJ._get(Button.class, spec -> spec.withId("review-back")).click();
        TextArea note = LocatorJ._get(TextArea.class, spec -> spec.withId("review-note"));
        assertThat(note.isInvalid()).as("sending a decision back needs a note").isTrue();
        assertThat(review.pair(admin, fixture.pendingPair()).decision()).isEqualTo(Decision.CONFIRMED);

        note.setValue("looked again: different ages");
        LocatorJ._get(Button.class, spec -> spec.withId("review-back")).click();
        CandidatePair back = review.pair(admin, fixture.pendingPair());
        assertThat(back.decision()).isEqualTo(Decision.PENDING);
        assertThat(back.last().note()).isEqualTo("looked again: different ages");
    }

    private static String throughput() {
        return LocatorJ._get(Span.class, spec -> spec.withId("review-throughput"))
                .getText();
    }

    @Test
    void the_keys_confirm_undo_reject_and_skip_and_the_page_counts_the_decisions_and_the_pairs_waiting() {
        Viewer admin = Viewer.system("test");
        // A second pending pair, so S has a pair to skip to (the fixture's confirmed pair, confirmed again after).
        review.decide(admin, fixture.confirmedPair(), Decision.PENDING, "test: a second pair to review");
        try {
            signIn(Role.ANALYST);
            openPendingPair();
            long waiting = review.count(admin, Decision.PENDING);
            assertThat(throughput())
                    .isEqualTo("No decisions yet this session · 0.0 a minute · " + waiting + " pairs waiting");
            assertThat(LocatorJ._find(Button.class, spec -> spec.withId("review-undo")))
                    .as("nothing to undo yet: U is not shown")
                    .isEmpty();
            assertThat(LocatorJ._get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("review-keys"))
                            .getText())
                    .startsWith("Keys: C confirm · R reject")
                    .contains("S skip", "U undo your last decision");

            ShortcutsKt.fireShortcut(Key.KEY_C);
            assertThat(review.pair(admin, fixture.pendingPair()).decision()).isEqualTo(Decision.CONFIRMED);
            assertThat(throughput())
                    .matches("1 decision this session · \\d+\\.\\d a minute · " + (waiting - 1) + " pairs? waiting");

            ShortcutsKt.fireShortcut(Key.KEY_U);
            CandidatePair undone = review.pair(admin, fixture.pendingPair());
            assertThat(undone.decision()).isEqualTo(Decision.PENDING);
            assertThat(undone.last().by()).isEqualTo("test-analyst");
            assertThat(undone.last().note()).as("the rules ask for a note").isEqualTo("Undone by the reviewer (key U)");
            assertThat(undone.history())
                    .extracting(e -> e.decision())
                    .as("the audit trail keeps the confirmation and its undoing")
                    .endsWith(Decision.CONFIRMED, Decision.PENDING);
            assertThat(current().map(CandidatePair::id))
                    .as("the undone pair is shown again")
                    .contains(fixture.pendingPair());
            assertThat(throughput()).startsWith("No decisions yet this session").endsWith(waiting + " pairs waiting");

            ShortcutsKt.fireShortcut(Key.KEY_R);
            assertThat(review.pair(admin, fixture.pendingPair()).decision()).isEqualTo(Decision.REJECTED);
            assertThat(throughput()).startsWith("1 decision this session");
            ShortcutsKt.fireShortcut(Key.KEY_U);
            assertThat(review.pair(admin, fixture.pendingPair()).decision()).isEqualTo(Decision.PENDING);

            int before = review.pair(admin, fixture.pendingPair()).history().size();
            ShortcutsKt.fireShortcut(Key.KEY_S);
            assertThat(current().map(CandidatePair::id).orElseThrow()).isNotEqualTo(fixture.pendingPair());
            CandidatePair skipped = review.pair(admin, fixture.pendingPair());
            assertThat(skipped.decision()).as("skip stores nothing").isEqualTo(Decision.PENDING);
            assertThat(skipped.history()).hasSize(before);
            assertThat(throughput()).startsWith("No decisions yet this session");
        } finally {
            review.decide(admin, fixture.confirmedPair(), Decision.CONFIRMED, "test: confirmed again");
        }
    }

    private static java.util.Optional<CandidatePair> current() {
        return LocatorJ._get(ReviewView.class).current();
    }

    @Test
    void the_keys_work_and_are_listed_when_the_page_is_in_arabic() {
        signIn(Role.ANALYST);
        arabic();
        UI.getCurrent().navigate("review", QueryParameters.simple(Map.of("pair", fixture.pendingPair())));
        assertThat(page()).contains("المفاتيح: C تأكيد", "U التراجع عن قرارك الأخير", "القرارات في هذه الجلسة: 0");

        ShortcutsKt.fireShortcut(Key.KEY_C);
        Viewer admin = Viewer.system("test");
        assertThat(review.pair(admin, fixture.pendingPair()).decision()).isEqualTo(Decision.CONFIRMED);
        assertThat(throughput()).startsWith("القرارات في هذه الجلسة: 1 ·");
        ShortcutsKt.fireShortcut(Key.KEY_U);
        assertThat(review.pair(admin, fixture.pendingPair()).decision()).isEqualTo(Decision.PENDING);
        assertThat(review.pair(admin, fixture.pendingPair()).last().note()).isEqualTo("تراجع عنه المراجع (المفتاح U)");
    }

    @Test
    void review_reads_in_arabic() {
        signIn(Role.ANALYST);
        arabic();
        UI.getCurrent().navigate("review", QueryParameters.simple(Map.of("pair", fixture.pendingPair())));
        assertThat(page()).contains("مراجعة الروابط", "تأكيد (C)", "رفض (R)", "لماذا قد يكونان الشخص نفسه", "الحالة");
        @SuppressWarnings("unchecked")
        Grid<org.athar.linkage.Feature> features = LocatorJ._get(Grid.class, spec -> spec.withId("review-features"));
        assertThat(java.util.stream.IntStream.range(0, GridKt._size(features))
                        .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(features, i)))
                        .toList())
                .anyMatch(row -> row.startsWith("الكنية | متطابق | +"));
        assertThat(row("status").hasClassName("athar-differs")).isTrue();
    }

    @Test
    void overlap_shows_persons_documented_only_by_and_shared_for_each_source_in_english_and_arabic() {
        signIn(Role.WRITER);
        UI.getCurrent().navigate("overlap");
        @SuppressWarnings("unchecked")
        Grid<String> table = LocatorJ._get(Grid.class, spec -> spec.withId("overlap-table"));
        List<String> sources = GridKt._findAll(table);
        List<String> a = GridKt._getFormattedRow(table, sources.indexOf(fixture.sourceA));
        assertThat(a.subList(0, 3)).containsExactly(fixture.sourceA, "3", "2");
        assertThat(a.get(3 + sources.indexOf(fixture.sourceC))).isEqualTo("1");
        assertThat(a.get(3 + sources.indexOf(fixture.sourceB))).isEqualTo("0");
        assertThat(LocatorJ._get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("overlap-persons"))
                        .getText())
                .startsWith("These figures count persons, not reports");
        assertThat(LocatorJ._get(Anchor.class, spec -> spec.withId("overlap-download"))
                        .getHref())
                .isEqualTo("api/v1/linkage/overlap.xlsx?lang=en");
        assertThat(LocatorJ._get(Div.class, spec -> spec.withId("overlap-bars"))
                        .getChildren()
                        .count())
                .isEqualTo(sources.size() + 1);

        SpringKaribu.tearDown();
        signIn(Role.WRITER);
        arabic();
        UI.getCurrent().navigate("overlap");
        assertThat(page()).contains("تداخل المصادر", "هذه الأرقام تعدّ أشخاصًا لا بلاغات", "في هذا المصدر وحده");
    }

    @Test
    void a_report_links_to_all_reports_of_its_person_grouped_by_source_and_a_writer_sees_no_names() {
        signIn(Role.ANALYST);
        String c = fixture.report(fixture.sourceC, "L2");
        UI.getCurrent().navigate(ReportView.class, c);
        assertThat(LocatorJ._get(RouterLink.class, spec -> spec.withId("report-person"))
                        .getText())
                .isEqualTo("All reports of this person (2)");
        UI.getCurrent().navigate(PersonView.class, c);
        assertThat(page())
                .contains(
                        "One person: 2 reports from 2 sources",
                        fixture.sourceA + " (1)",
                        fixture.sourceC + " (1)",
                        "رابعة محمود " + fixture.family(1, 0));
        assertThat(LocatorJ._find(
                        RouterLink.class,
                        spec -> spec.withId("person-report-" + fixture.report(fixture.sourceA, "L2"))))
                .hasSize(1);

        SpringKaribu.tearDown();
        signIn(Role.WRITER);
        UI.getCurrent().navigate(PersonView.class, c);
        assertThat(page()).contains("Report L2").doesNotContain("رابعة", "Rabia");
        UI.getCurrent().navigate(ReportView.class, fixture.report(fixture.sourceA, "L3"));
        assertThat(LocatorJ._get(
                                com.vaadin.flow.component.html.Paragraph.class,
                                spec -> spec.withId("report-person-alone"))
                        .getText())
                .isEqualTo("No other report is linked to this person.");
    }

    @Test
    void only_reviewers_have_the_review_menu_entry_and_the_admin_starts_a_relink_with_a_progress_bar() {
        signIn(Role.WRITER);
        UI.getCurrent().navigate("overlap");
        assertThat(page()).contains("Overlap of sources").doesNotContain("Review links");

        SpringKaribu.tearDown();
        signIn(Role.ADMIN);
        UI.getCurrent().navigate("admin");
        assertThat(page()).contains("Review links", "Re-link all reports");
        LocatorJ._get(Button.class, spec -> spec.withId("relink-start")).click();
        String status =
                LocatorJ._get(Span.class, spec -> spec.withId("relink-status")).getText();
        assertThat(status).matches("(Re-linking: .* reports read|Last re-link done: .*)");
        if (linkage.status().running()) {
            assertThat(UI.getCurrent().getPollInterval()).isEqualTo(1000);
        }
        linkage.awaitIdle(java.time.Duration.ofMinutes(10));
    }

    @Test
    @SuppressWarnings("unchecked")
    void trends_counts_persons_by_default_says_so_and_switches_to_reports() {
        signIn(Role.ANALYST);
        UI.getCurrent().navigate("trends");
        com.vaadin.flow.component.select.Select<org.athar.search.Count> counting =
                LocatorJ._get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("trends-count"));
        assertThat(counting.getValue()).isEqualTo(org.athar.search.Count.PERSONS);
        String persons =
                LocatorJ._get(Span.class, spec -> spec.withId("trends-scope")).getText();
        // While pairs await review the persons figure carries its range: "15 persons (11–15 depending on …) in scope".
        assertThat(persons).contains("persons").contains("in scope");
        LocatorJ._setValue(counting, org.athar.search.Count.REPORTS); // as a user's choice (from the client)
        String reports =
                LocatorJ._get(Span.class, spec -> spec.withId("trends-scope")).getText();
        assertThat(reports).contains("reports in scope");
        // The fixture's linked reports make fewer persons than reports.
        assertThat(firstNumber(persons)).isLessThan(firstNumber(reports));
    }

    private static long firstNumber(String text) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("[0-9][0-9,]*").matcher(text);
        assertThat(m.find()).as("a number in %s", text).isTrue();
        return Long.parseLong(m.group().replace(",", ""));
    }
}
