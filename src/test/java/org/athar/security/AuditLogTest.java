package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.athar.AtharIntegrationTest;
import org.athar.engine.EngineIndices;
import org.athar.security.AuditEntry.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit log against the real engine: what is written comes back whole, filtered, newest first, and as CSV. */
class AuditLogTest extends AtharIntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    org.athar.search.ReportSearch search;

    @Autowired
    AuditCsv csv;

    @Autowired
    ElasticsearchClient client;

    private final Viewer admin = Viewer.system("audit-admin-" + UUID.randomUUID());
    private final String user = "user-" + UUID.randomUUID();
    private final Viewer viewer = new Viewer(user, Set.of(Role.ANALYST));

    private void refresh() throws IOException {
        client.indices().refresh(r -> r.index(EngineIndices.AUDIT));
    }

    private AuditFilter byUser(String username) {
        return new AuditFilter(
                Optional.of(username),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void an_entry_is_read_back_with_every_field() throws IOException {
        Map<String, String> details = Map.of("q", "أحمد \"الحلبي\"", "governorate", "SY01,SY02");
        AuditEntry written = audit.record(viewer, "203.0.113.7", AuditAction.SEARCH, Outcome.SUCCESS, details);
        refresh();

        AuditPage page = audit.find(admin, byUser(user), 0, 10);

        assertThat(page.total()).isEqualTo(1);
        AuditEntry read = page.entries().get(0);
        assertThat(read).isEqualTo(written);
        assertThat(read.time()).isEqualTo(written.time()).isBefore(Instant.now().plusSeconds(1));
        assertThat(read.username()).isEqualTo(user);
        assertThat(read.clientAddress()).isEqualTo("203.0.113.7");
        assertThat(read.action()).isEqualTo(AuditAction.SEARCH);
        assertThat(read.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(read.details()).isEqualTo(details);
    }

    @Test
    void entries_are_filtered_by_action_outcome_address_and_time_and_come_newest_first() throws IOException {
        audit.signInFailed(user, "198.51.100.1", "bad_credentials");
        Instant afterFirst = Instant.now();
        audit.signedIn(user, "198.51.100.2");
        audit.searched(viewer, "198.51.100.2", Map.of("q", List.of("Halab"), "status", List.of("missing", "dead")));
        audit.viewedReport(viewer, "198.51.100.2", "abc123");
        audit.denied(viewer, "198.51.100.2", AuditAction.EXPORT, Permission.EXPORT_RECORDS);
        refresh();

        List<AuditEntry> all = audit.find(admin, byUser(user), 0, 10).entries();
        assertThat(all)
                .extracting(AuditEntry::action)
                .containsExactly(
                        AuditAction.EXPORT,
                        AuditAction.REPORT_VIEW,
                        AuditAction.SEARCH,
                        AuditAction.SIGN_IN,
                        AuditAction.SIGN_IN);
        assertThat(all).extracting(AuditEntry::time).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all.get(2).details()).isEqualTo(Map.of("q", "Halab", "status", "missing,dead"));
        assertThat(all.get(1).details()).isEqualTo(Map.of("report_id", "abc123"));
        assertThat(all.get(0).details()).isEqualTo(Map.of("missing_permission", "EXPORT_RECORDS"));

        assertThat(find(new AuditFilter(
                        Optional.of(user),
                        Optional.of(AuditAction.SIGN_IN),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())))
                .extracting(AuditEntry::outcome)
                .containsExactly(Outcome.SUCCESS, Outcome.FAILURE);
        assertThat(find(new AuditFilter(
                        Optional.of(user),
                        Optional.empty(),
                        Optional.of(Outcome.DENIED),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())))
                .hasSize(1);
        assertThat(find(new AuditFilter(
                        Optional.of(user),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("198.51.100.1"))))
                .extracting(AuditEntry::details)
                .containsExactly(Map.of("reason", "bad_credentials"));
        assertThat(find(new AuditFilter(
                        Optional.of(user),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(afterFirst),
                        Optional.empty(),
                        Optional.empty())))
                .hasSize(4);
        assertThat(find(new AuditFilter(
                        Optional.of(user),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(afterFirst),
                        Optional.empty())))
                .extracting(AuditEntry::clientAddress)
                .containsExactly("198.51.100.1");
        assertThat(audit.count(admin, byUser(user))).isEqualTo(5);
        assertThat(audit.find(admin, byUser(user), 3, 10).entries())
                .extracting(AuditEntry::action)
                .containsExactly(AuditAction.SIGN_IN, AuditAction.SIGN_IN);
    }

    private List<AuditEntry> find(AuditFilter filter) throws IOException {
        return audit.find(admin, filter, 0, 50).entries();
    }

    @Test
    void details_stay_a_short_flat_map_of_short_strings() throws IOException {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            many.put(String.format(Locale.ROOT, "k%02d", i), "v" + i);
        }
        many.put("a_long", "x".repeat(5000));
        audit.record(user, "", AuditAction.SETTING_CHANGE, Outcome.SUCCESS, many);
        refresh();

        AuditEntry read = audit.find(admin, byUser(user), 0, 1).entries().get(0);

        assertThat(read.details())
                .hasSize(AuditEntry.MAX_DETAILS)
                .containsKey("a_long")
                .containsKey("k00");
        assertThat(read.details().get("a_long")).hasSize(AuditEntry.MAX_TEXT).endsWith("…");
        assertThat(read.clientAddress()).isEqualTo("unknown");
    }

    @Test
    void reading_the_log_needs_the_administer_permission() {
        Viewer writer = new Viewer("writer", Set.of(Role.WRITER, Role.ANALYST));

        assertThatThrownBy(() -> audit.find(writer, AuditFilter.all(), 0, 10))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("ADMINISTER");
        assertThatThrownBy(() -> audit.count(writer, AuditFilter.all())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> csv.prepare(writer, "127.0.0.1", AuditFilter.all()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_csv_has_a_bom_a_header_one_row_per_entry_and_defuses_formulas() throws IOException {
        String attacker = "=HYPERLINK(\"http://evil.example\",\"x\") " + user;
        audit.signInFailed(attacker, "-1+1", "@SUM(1)");
        audit.importFailed(viewer, "10.0.0.5", "تقارير.csv", Optional.of("b-1"), "row_limit", 5, 5, 0, 0, 0);
        refresh();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        csv.prepare(admin, "10.9.8.7", byUser(attacker)).writeTo(out);

        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = parse(bytes);
        assertThat(rows.get(0).toList()).isEqualTo(AuditCsv.HEADER);
        assertThat(rows).hasSize(2);
        CSVRecord row = rows.get(1);
        assertThat(row.get(1)).isEqualTo("'" + attacker);
        assertThat(row.get(2)).isEqualTo("'-1+1");
        assertThat(row.get(3)).isEqualTo("sign_in");
        assertThat(row.get(4)).isEqualTo("failure");
        assertThat(row.get(5)).isEqualTo("{\"reason\":\"@SUM(1)\"}");
        assertThat(Instant.parse(row.get(0))).isBefore(Instant.now());

        ByteArrayOutputStream arabic = new ByteArrayOutputStream();
        csv.prepare(admin, "10.9.8.7", byUser(user)).writeTo(arabic);
        assertThat(parse(arabic.toByteArray()).get(1).get(5))
                .contains("\"file_name\":\"تقارير.csv\"")
                .contains("\"received\":\"5\"")
                .contains("\"reason\":\"row_limit\"");

        refresh();
        List<AuditEntry> exports = audit.find(
                        admin,
                        new AuditFilter(
                                Optional.of(admin.username()),
                                Optional.of(AuditAction.EXPORT),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        0,
                        10)
                .entries();
        assertThat(exports).hasSize(2);
        assertThat(exports.get(1).details())
                .containsEntry("kind", "audit_csv")
                .containsEntry("rows", "1")
                .containsEntry("filter_user", attacker);
        assertThat(exports.get(1).clientAddress()).isEqualTo("10.9.8.7");
    }

    private static List<CSVRecord> parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    }

    @Test
    void the_csv_streams_every_matching_entry_once_across_pages_newest_first() throws IOException {
        int n = AuditStore.EXPORT_PAGE + 7;
        for (int i = 0; i < n; i++) {
            audit.record(user, "192.0.2.1", AuditAction.REPORT_VIEW, Outcome.SUCCESS, Map.of("report_id", "r" + i));
        }
        refresh();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        csv.prepare(admin, "192.0.2.9", byUser(user)).writeTo(out);

        List<CSVRecord> rows = parse(out.toByteArray());
        assertThat(rows).hasSize(n + 1);
        List<String> ids = new ArrayList<>();
        rows.subList(1, rows.size()).forEach(r -> ids.add(r.get(5)));
        assertThat(new HashSet<>(ids)).hasSize(n);
        assertThat(ids.get(0)).isEqualTo("{\"report_id\":\"r" + (n - 1) + "\"}");
        assertThat(ids.get(n - 1)).isEqualTo("{\"report_id\":\"r0\"}");
    }

    @Test
    void when_the_engine_refuses_an_entry_the_action_stops_with_advice_but_refusals_still_stand() throws IOException {
        client.indices().putSettings(s -> s.index(EngineIndices.AUDIT).settings(i -> i.blocks(b -> b.write(true))));
        try {
            assertThatThrownBy(() -> audit.viewedReport(viewer, "192.0.2.3", "r1"))
                    .isInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining("was not carried out")
                    .hasMessageContaining("athar-audit");
            assertThatThrownBy(() -> audit.imported(viewer, "192.0.2.3", "b-7", "a.csv", 3, 2, 1, 0, 0))
                    .isInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining(
                            "Import b-7 of a.csv completed (3 rows received, 2 new, 1 updated, 0 unchanged, 0 rejected)");
            // A search's first page is not returned when its audit entry cannot be stored (the query runs while
            // the entry is written; the page waits for it).
            assertThatThrownBy(() -> search.search(
                            viewer,
                            org.athar.search.ReportQuery.all(),
                            org.athar.search.ReportSort.DATE_DESC,
                            10,
                            java.util.Optional.empty()))
                    .isInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining("was not carried out");
            audit.signInFailed(user, "192.0.2.3", "bad_credentials");
            audit.signedOut(viewer, "192.0.2.3");
        } finally {
            client.indices()
                    .putSettings(s -> s.index(EngineIndices.AUDIT).settings(i -> i.blocks(b -> b.write(false))));
        }
        refresh();
        assertThat(audit.count(admin, byUser(user))).isZero();
    }
}
