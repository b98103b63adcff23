package org.athar.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.search.RedactionFixture;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.ui.SpringKaribu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The Search and report screens as each role sees them, server-side (Karibu): a WRITER has no text field, no name
 * column and no name anywhere on screen, even when a shared link carries a name; an ANALYST sees the names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class SearchScreensRedactionTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportService imports;

    @Autowired
    SwitchableViewer viewer;

    @Autowired
    ObjectMapper json;

    private final String source = "Redaction UI Test " + UUID.randomUUID();

    @BeforeAll
    void importFixtures() throws IOException {
        RedactionFixture.importInto(imports, source);
    }

    /** A fresh UI session for {@code role}: views read the viewer when they are built, as after signing in. */
    private void signIn(Role role) {
        viewer.actAs(role);
        SpringKaribu.setUp(context, java.util.Set.of(role));
    }

    @AfterEach
    void closeBrowserSession() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    private void openSearch(Map<String, String> parameters) {
        UI.getCurrent().navigate("", QueryParameters.simple(parameters));
    }

    @SuppressWarnings("unchecked")
    private Grid<org.athar.report.VisibleReport> grid() {
        return LocatorJ._get(Grid.class, spec -> spec.withId("search-results"));
    }

    /** The component tree with every text and attribute (labels, titles, placeholders), as Karibu prints it. */
    private static String page() {
        return PrettyPrintTreeKt.toPrettyTree(UI.getCurrent());
    }

    /** Everything the screen shows as text: the page, open notifications, every grid row, the browser title. */
    private byte[] screen() throws IOException {
        StringBuilder all = new StringBuilder(page());
        for (Notification n : NotificationsKt.getNotifications()) {
            all.append('\n').append(n.getElement().getProperty("text", ""));
        }
        LocatorJ._find(Grid.class).forEach(g -> {
            for (int i = 0; i < GridKt._size(g.getDataCommunicator()); i++) {
                all.append('\n')
                        .append(String.join(
                                " | ", Objects.requireNonNullElse(GridKt._getFormattedRowOrNull(g, i), List.of())));
            }
        });
        all.append('\n').append(UI.getCurrent().getInternals().getTitle());
        all.append('\n')
                .append(new String(
                        json.writeValueAsBytes(LocatorJ._find(Grid.class).stream()
                                .flatMap(g -> GridKt._findAll(g).stream())
                                .toList()),
                        StandardCharsets.UTF_8));
        return all.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_writer_sees_the_reports_without_a_text_field_a_name_column_or_any_name() throws IOException {
        signIn(Role.WRITER);
        openSearch(Map.of("source", source));

        assertThat(LocatorJ._find(TextField.class, spec -> spec.withId("search-text")))
                .isEmpty();
        assertThat(LocatorJ._get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("search-withheld"))
                        .getText())
                .isEqualTo("Names and narratives are withheld for your role");
        Grid<org.athar.report.VisibleReport> grid = grid();
        assertThat(grid.getColumnByKey("name")).isNull();
        assertThat(GridKt._size(grid.getDataCommunicator())).isEqualTo(3);
        RedactionFixture.assertNoIdentityIn("the Search screen of a WRITER", screen());
    }

    @Test
    void a_link_with_a_name_and_a_name_sort_shows_a_writer_the_filtered_reports_and_neither_the_name()
            throws IOException {
        signIn(Role.WRITER);
        openSearch(Map.of("source", source, "q", "Orvandel Baqshish", "sort", "name"));

        assertThat(GridKt._size(grid().getDataCommunicator()))
                .as("the text is dropped, the filter kept")
                .isEqualTo(3);
        assertThat(NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text", ""))
                .contains("Free-text search looks into names and narratives, which your role does not see; use the "
                        + "filters.");
        RedactionFixture.assertNoIdentityIn("the Search screen of a WRITER opened from a link with a name", screen());
    }

    @Test
    void a_writer_opening_a_report_reads_withheld_instead_of_name_locality_and_narrative() throws IOException {
        signIn(Role.WRITER);
        for (String reportId : List.of("RD1", "RD2", "RD3")) {
            UI.getCurrent()
                    .navigate(
                            ReportView.class,
                            Report.idFor(source, reportId),
                            QueryParameters.simple(Map.of("q", "Quillwort")));

            assertThat(page()).contains("Withheld for your role", "Report " + reportId);
            RedactionFixture.assertNoIdentityIn("the report page of " + reportId + " for a WRITER", screen());
        }
    }

    @Test
    void a_writer_s_report_page_shows_no_row_digest_where_an_analyst_s_shows_it() throws IOException {
        signIn(Role.ANALYST);
        UI.getCurrent().navigate(ReportView.class, Report.idFor(source, "RD1"));
        String analystPage = page();
        java.util.regex.Matcher digest =
                java.util.regex.Pattern.compile("[0-9a-f]{64}").matcher(analystPage);
        assertThat(digest.find()).as("the analyst's page shows the row digest").isTrue();
        assertThat(analystPage).contains("Content hash");
        String stored = digest.group();
        SpringKaribu.tearDown();

        signIn(Role.WRITER);
        UI.getCurrent().navigate(ReportView.class, Report.idFor(source, "RD1"));
        String writerScreen = new String(screen(), StandardCharsets.UTF_8);
        assertThat(writerScreen).contains("Report RD1").doesNotContain(stored).doesNotContain("Content hash");
        assertThat(java.util.regex.Pattern.compile("[0-9a-f]{64}")
                        .matcher(writerScreen)
                        .find())
                .isFalse();
    }

    @Test
    void an_analyst_sees_the_name_column_the_names_and_the_narrative() throws IOException {
        signIn(Role.ANALYST);
        openSearch(Map.of("source", source));
        Grid<org.athar.report.VisibleReport> grid = grid();
        assertThat(grid.getColumnByKey("name")).isNotNull();
        assertThat(LocatorJ._find(TextField.class, spec -> spec.withId("search-text")))
                .hasSize(1);
        RedactionFixture.assertAllIdentitiesIn("the Search screen of an ANALYST", screen());

        UI.getCurrent().navigate(ReportView.class, Report.idFor(source, "RD3"));
        assertThat(page()).contains("نوفل الطرنجاني", "Marbleford", "حي الشوكران");
    }
}
