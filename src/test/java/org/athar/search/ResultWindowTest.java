package org.athar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportService;
import org.athar.report.VisibleReport;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.security.Viewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The grid's result window on the real engine: a point-in-time that expired while the screen stood idle is opened
 * again without the user noticing, and a closed window frees its point-in-time and serves nothing more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class ResultWindowTest extends AtharIntegrationTest {

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ImportService imports;

    private final String source = "Result Window Test " + UUID.randomUUID();
    private final Viewer analyst = new Viewer("analyst", Set.of(Role.ANALYST));

    /** The engine access of the application, noting each point-in-time it opens. */
    private final class Recording extends SearchStore {
        final List<String> opened = new ArrayList<>();

        Recording() {
            super(client);
        }

        @Override
        String openPointInTime() throws IOException {
            String pit = super.openPointInTime();
            opened.add(pit);
            return pit;
        }
    }

    @BeforeAll
    void importFixtures() throws IOException {
        RedactionFixture.importInto(imports, source);
    }

    private ReportQuery ofSource() {
        ReportQuery all = ReportQuery.all();
        return new ReportQuery(
                all.text(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(source),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void an_expired_result_set_is_opened_again_and_serves_the_same_rows() throws IOException {
        Recording store = new Recording();
        try (ResultWindow window = new ResultWindow(store, analyst, ofSource(), ReportSort.DATE_ASC)) {
            List<String> before =
                    window.rows(1, 2).stream().map(VisibleReport::reportId).toList();
            assertThat(before).containsExactly("RD2", "RD3");

            // As if the keep-alive had passed: the engine no longer knows the point-in-time.
            client.closePointInTime(c -> c.id(store.opened.get(0)));

            assertThat(window.rows(1, 2)).extracting(VisibleReport::reportId).isEqualTo(before);
            assertThat(store.opened).as("a second point-in-time was opened").hasSize(2);
            assertThat(window.total()).isEqualTo(3);
        }
    }

    @Test
    void a_closed_window_frees_its_point_in_time_and_serves_nothing_more() throws IOException {
        Recording store = new Recording();
        ResultWindow window = new ResultWindow(store, analyst, ofSource(), ReportSort.DATE_DESC);
        assertThat(window.rows(0, 10)).extracting(VisibleReport::reportId).containsExactly("RD3", "RD2", "RD1");

        window.close();

        assertThatThrownBy(() -> window.rows(0, 10)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.pitPage(
                        store.opened.get(0), ofSource(), ReportSort.DATE_DESC, Optional.empty(), 1, true, false))
                .as("the engine forgot the point-in-time")
                .isInstanceOf(SearchStore.ExpiredPit.class);
    }
}
