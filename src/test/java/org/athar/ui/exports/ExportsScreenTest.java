package org.athar.ui.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.analytics.DisclosureProfile;
import org.athar.export.ExportJobs;
import org.athar.export.ExportService;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportService;
import org.athar.search.Count;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;
import org.athar.security.AccessDeniedException;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.security.Viewer;
import org.athar.ui.SpringKaribu;
import org.athar.ui.search.SearchView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The Exports page server-side (Karibu) and its background jobs: an analyst's CSV runs with progress and ends in a
 * download link; advocacy staff see only the public workbook; Search opens the page with its filters; a job's file
 * goes to its owner once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class ExportsScreenTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportService imports;

    @Autowired
    SwitchableViewer viewer;

    @Autowired
    ExportJobs jobs;

    private final String source = "Exports UI " + UUID.randomUUID();

    @BeforeAll
    void load() {
        imports.importFile(
                new ByteArrayInputStream(("report_id,victim_name,governorate,perpetrator\n"
                                + "U1,Synthetic Screen One,Aleppo,government\nU2,Synthetic Screen Two,Homs,isis\n")
                        .getBytes(StandardCharsets.UTF_8)),
                "ui.csv",
                new ImportOptions(Optional.of(source), "test", true),
                c -> {});
    }

    private void signIn(Role role) {
        viewer.actAs(role);
        SpringKaribu.setUp(context, Set.of(role));
    }

    @AfterEach
    void signOut() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    private void open() {
        UI.getCurrent().navigate("exports", QueryParameters.simple(Map.of("source", source)));
    }

    @Test
    void an_analyst_exports_csv_as_a_background_job_and_gets_a_download_link_when_it_is_done() throws Exception {
        signIn(Role.ANALYST);
        open();
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("exports-csv")));
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(500);
        for (int i = 0;
                i < 100
                        && LocatorJ._find(Anchor.class, spec -> spec.withId("exports-download"))
                                .isEmpty();
                i++) {
            Thread.sleep(100);
            ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        }
        Anchor download = LocatorJ._get(Anchor.class, spec -> spec.withId("exports-download"));
        // Issue 18 #13: the file is named after its filters and the day (was the generic athar-records.csv).
        String name =
                "athar-records-" + source.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-"
                        + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".csv";
        assertThat(download.getText()).isEqualTo("Download " + name);
        assertThat(LocatorJ._get(Span.class, spec -> spec.withId("exports-status"))
                        .getText())
                .startsWith("Ready: " + name + " (2 records)");
        assertThat(LocatorJ._find(ProgressBar.class, spec -> spec.withId("exports-progress")))
                .as("hidden when done")
                .isEmpty();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void the_count_selector_offers_persons_or_reports_like_trends_and_the_workbook_counts_what_was_chosen()
            throws Exception {
        signIn(Role.ANALYST);
        open();
        @SuppressWarnings("unchecked")
        Select<Count> count = LocatorJ._get(Select.class, spec -> spec.withId("exports-count"));
        assertThat(count.getValue()).as("persons by default, as on Trends").isEqualTo(Count.PERSONS);
        assertThat(count.getListDataView().getItems().map(count.getItemLabelGenerator()::apply))
                .containsExactly("Persons (linked reports once)", "Reports");
        assertThat(count.getLabel()).isEqualTo("Count");
        count.setValue(Count.REPORTS);
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("exports-workbook")));
        for (int i = 0;
                i < 100
                        && LocatorJ._find(Anchor.class, spec -> spec.withId("exports-download"))
                                .isEmpty();
                i++) {
            Thread.sleep(100);
            ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        }
        String name = "athar-workbook-reports-"
                + source.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-"
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".xlsx";
        assertThat(LocatorJ._get(Anchor.class, spec -> spec.withId("exports-download"))
                        .getText())
                .isEqualTo("Download " + name);

        // Opened from a page that counts reports, the selector says reports.
        UI.getCurrent().navigate("exports", QueryParameters.simple(Map.of("source", source, "count", "reports")));
        @SuppressWarnings("unchecked")
        Select<Count> reopened = LocatorJ._get(Select.class, spec -> spec.withId("exports-count"));
        assertThat(reopened.getValue()).isEqualTo(Count.REPORTS);
    }

    @Test
    void advocacy_staff_see_only_the_public_workbook_and_why_records_are_not_offered() {
        signIn(Role.ADVOCACY);
        open();
        assertThat(LocatorJ._find(Button.class, spec -> spec.withId("exports-csv")))
                .isEmpty();
        assertThat(LocatorJ._find(Button.class, spec -> spec.withId("exports-jsonl")))
                .isEmpty();
        LocatorJ._get(Button.class, spec -> spec.withId("exports-workbook"));
        @SuppressWarnings("unchecked")
        Select<DisclosureProfile> profile = LocatorJ._get(Select.class, spec -> spec.withId("exports-profile"));
        assertThat(profile.getValue()).isEqualTo(DisclosureProfile.PUBLIC);
        assertThat(profile.isReadOnly()).isTrue();
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("exports-records-note"))
                        .getText())
                .contains("records (one row per report) are for administrators and analysts");
    }

    @Test
    void the_export_button_of_search_opens_the_exports_page_with_the_same_filters() {
        signIn(Role.WRITER);
        UI.getCurrent()
                .navigate(SearchView.class, QueryParameters.simple(Map.of("source", source, "perpetrator", "isis")));
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("open-exports")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("exports");
        assertThat(UI.getCurrent()
                        .getInternals()
                        .getActiveViewLocation()
                        .getQueryParameters()
                        .getParameters())
                .containsEntry("source", java.util.List.of(source))
                .containsEntry("perpetrator", java.util.List.of("isis"));
        assertThat(LocatorJ._find(Button.class, spec -> spec.withId("exports-csv")))
                .isEmpty();
    }

    @Test
    void a_jobs_file_goes_to_its_owner_once_and_a_role_without_records_cannot_start_one() throws Exception {
        Viewer analyst = new Viewer("job-owner", Set.of(Role.ANALYST));
        ReportQuery query =
                ReportQueryParser.parse(Map.of("source", java.util.List.of(source)), org.athar.report.Gazetteer.load());
        ExportJobs.Status s = jobs.start(
                analyst,
                "127.0.0.1",
                new ExportService.Request(
                        ExportService.Format.JSONL,
                        query,
                        java.util.Locale.ENGLISH,
                        Optional.empty(),
                        "http://athar.test/report/"));
        assertThat(s.total()).isEqualTo(2);
        for (int i = 0;
                i < 100 && jobs.status(analyst, s.id()).orElseThrow().state() == ExportJobs.State.RUNNING;
                i++) {
            Thread.sleep(50);
        }
        assertThat(jobs.status(analyst, s.id()).orElseThrow().state()).isEqualTo(ExportJobs.State.DONE);
        assertThat(jobs.status(new Viewer("someone-else", Set.of(Role.ADMIN)), s.id()))
                .isEmpty();
        assertThat(jobs.take(new Viewer("someone-else", Set.of(Role.ADMIN)), s.id()))
                .isEmpty();
        try (InputStream in = jobs.take(analyst, s.id()).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines())
                    .hasSize(2);
        }
        assertThat(jobs.take(analyst, s.id())).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.start(
                        new Viewer("w", Set.of(Role.WRITER)),
                        "127.0.0.1",
                        new ExportService.Request(
                                ExportService.Format.CSV,
                                query,
                                java.util.Locale.ENGLISH,
                                Optional.empty(),
                                "http://athar.test/report/")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
