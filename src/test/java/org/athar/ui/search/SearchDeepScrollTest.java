package org.athar.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.linkage.LinkageWorker;
import org.athar.report.Report;
import org.athar.report.VisibleReport;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.ui.SpringKaribu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The Search grid reaches every result, not only the engine's first 10,000: 12,400 reports of one source, read
 * through the grid's own data provider at any offset and in a full walk, each row the report the sort puts there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class SearchDeepScrollTest extends AtharIntegrationTest {

    private static final int REPORTS = 12_400;
    private static final String[] SYLLABLES = {
        "ba", "do", "ki", "lu", "ma", "ne", "po", "qa", "ri", "su", "ta", "vo", "we", "xi", "yo", "za", "fe", "gu",
        "hi", "jo"
    };

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    ImportService imports;

    @Autowired
    LinkageWorker linkage;

    @Autowired
    SwitchableViewer viewer;

    private final String source = "Deep Scroll Test " + UUID.randomUUID();
    /** The seeded reports: id, name and date (null when undated). */
    private final List<Seeded> seeded = new ArrayList<>();

    private record Seeded(String id, String name, LocalDate date) {}

    @BeforeAll
    void importManyReports() throws IOException {
        StringBuilder csv = new StringBuilder("report_id,victim_name,gender,age,disappeared_on,governorate,status\n");
        for (int i = 0; i < REPORTS; i++) {
            // About 31 reports share each day, so the order among them is the tie-breaker's; some have no date.
            LocalDate date = i % 97 == 0 ? null : LocalDate.of(2011, 1, 1).plusDays(i % 400);
            String name = name(i);
            String reportId = "DS" + i;
            csv.append(reportId)
                    .append(',')
                    .append(name)
                    .append(",male,30,")
                    .append(date == null ? "" : date.toString())
                    .append(",Aleppo,missing\n");
            seeded.add(new Seeded(Report.idFor(source, reportId), name, date));
        }
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "deep-scroll.csv",
                new ImportOptions(Optional.of(source), "deep-scroll-test", true),
                c -> {});
        assertThat(r.rejected()).as("%s", r.errors()).isZero();
        // A batch this large is linked by a re-link in the background; let it end before other tests count persons.
        linkage.awaitIdle(java.time.Duration.ofMinutes(10));
    }

    /** Two invented words per report, distinct enough that the linker never takes two reports for one person. */
    private static String name(int i) {
        int a = Integer.rotateLeft(i * 7919, 7) & 0x7fffffff;
        StringBuilder first = new StringBuilder();
        StringBuilder last = new StringBuilder();
        for (int k = 0; k < 3; k++) {
            first.append(SYLLABLES[(i / (int) Math.pow(20, k)) % 20]);
            last.append(SYLLABLES[(a >> (5 * k)) % 20]);
        }
        return Character.toUpperCase(first.charAt(0)) + first.substring(1) + " " + Character.toUpperCase(last.charAt(0))
                + last.substring(1);
    }

    @AfterEach
    void closeBrowserSession() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    private Grid<VisibleReport> openSearch(Role role, Map<String, String> parameters) {
        viewer.actAs(role);
        SpringKaribu.setUp(context, Set.of(role));
        UI.getCurrent().navigate("", QueryParameters.simple(parameters));
        @SuppressWarnings("unchecked")
        Grid<VisibleReport> grid = LocatorJ._get(Grid.class, spec -> spec.withId("search-results"));
        return grid;
    }

    /** As today's default for a search without words: latest first, undated last, then by id. */
    private List<String> newestFirst() {
        return seeded.stream()
                .sorted(Comparator.comparing(Seeded::date, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
                        .thenComparing(Seeded::id))
                .map(Seeded::id)
                .toList();
    }

    private static String idAt(Grid<VisibleReport> grid, int offset) {
        List<VisibleReport> rows = GridKt._fetch(grid, offset, 1);
        assertThat(rows).as("a row at offset %,d", offset).hasSize(1);
        return rows.get(0).id();
    }

    @Test
    void the_grid_serves_rows_past_the_ten_thousandth_each_the_report_the_sort_puts_there() {
        Grid<VisibleReport> grid = openSearch(Role.ANALYST, Map.of("source", source));
        List<String> expected = newestFirst();

        assertThat(GridKt._size(grid)).isEqualTo(REPORTS);
        // A jump far down first (walked from the start), then back to the top and to both sides of 10,000.
        for (int offset : List.of(12_345, 0, 9_999, 10_000, REPORTS - 1, 10_001, 12_344)) {
            assertThat(idAt(grid, offset)).as("offset %,d", offset).isEqualTo(expected.get(offset));
        }
        assertThat(GridKt._fetch(grid, REPORTS - 2, 50))
                .as("the last page stops at the last report")
                .hasSize(2);
        assertThat(GridKt._fetch(grid, REPORTS, 50)).as("past the end").isEmpty();
    }

    @Test
    void a_full_walk_through_the_grid_meets_every_report_once_in_sort_order() {
        Grid<VisibleReport> grid = openSearch(Role.ANALYST, Map.of("source", source));
        assertFullWalk(grid, newestFirst());
    }

    @Test
    void sorted_by_name_the_grid_walks_every_report_in_name_order_too() {
        Grid<VisibleReport> grid = openSearch(Role.ANALYST, Map.of("source", source, "sort", "name"));
        List<String> byName = seeded.stream()
                .sorted(Comparator.comparing(Seeded::name).thenComparing(Seeded::id))
                .map(Seeded::id)
                .toList();
        assertThat(idAt(grid, 11_111)).isEqualTo(byName.get(11_111));
        assertFullWalk(grid, byName);
    }

    @Test
    void a_writer_scrolled_deep_still_receives_no_name() {
        Grid<VisibleReport> grid = openSearch(Role.WRITER, Map.of("source", source));
        List<VisibleReport> deep = GridKt._fetch(grid, 12_000, 100);
        assertThat(deep)
                .hasSize(100)
                .allMatch(VisibleReport::identitiesWithheld)
                .allMatch(r -> r.victim().name().isEmpty());
        assertThat(deep.get(0).id()).isEqualTo(newestFirst().get(12_000));
    }

    private static void assertFullWalk(Grid<VisibleReport> grid, List<String> expected) {
        List<String> walked = new ArrayList<>();
        for (int offset = 0; offset < REPORTS + 200; offset += 200) {
            GridKt._fetch(grid, offset, 200).forEach(r -> walked.add(r.id()));
        }
        assertThat(new HashSet<>(walked)).as("no duplicates").hasSize(walked.size());
        assertThat(walked).as("every report once, in order").isEqualTo(expected);
    }
}
