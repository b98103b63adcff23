package org.athar.adversary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.security.ApiTokens;
import org.athar.security.AuditFilter;
import org.athar.security.AuditLog;
import org.athar.security.Role;
import org.athar.security.TestUsers;
import org.athar.security.Users;
import org.athar.security.Viewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The attacks of the 2026 review (issue 17), run by an attacker with a WRITER account (no names) and one with an
 * ADVOCACY account (public figures only), through the documented API only. The WRITER tries to recover a name from
 * what a report carries (the row digest), to render a giant image and to read the server's health details. The
 * ADVOCACY account tries to work a small count out of what the statistics, charts and overlap API publish: a subset filter against the whole, complementary
 * filter values, overlapping date ranges, a governorate minus all but one of its districts, the order of withheld
 * buckets, and the withheld members of a published total. The data are synthetic and made so that each attack worked
 * on the old code: for every attack the test first checks, with exact (internal) figures, that the true difference
 * is a small count, then that the public figures never give it (both figures published and their difference from
 * 1 to k - 1). Every query is limited to this test's own sources, so other tests' reports in the shared engine
 * cannot make an attack succeed or fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "athar.security.require-2fa-roles=ADMIN")
class AdversaryTest extends AtharIntegrationTest {

    private static final int K = 5;

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ImportService imports;

    @Autowired
    AuditLog audit;

    private final ObjectMapper json = new ObjectMapper();
    private final String source = "Adversary A " + UUID.randomUUID();
    private final String sourceB = "Adversary B " + UUID.randomUUID();
    private final String sourceC = "Adversary C " + UUID.randomUUID();
    private String advocacy;
    private String analyst;
    private String advocacyName;
    private String writer;

    @BeforeAll
    void data() throws Exception {
        StringBuilder csv = new StringBuilder(
                "report_id,source,victim_name,gender,disappeared_on,governorate,district," + "perpetrator,status\n");
        int[] n = {0};
        // §4 subset: Quneitra, 129 by the government and 4 with no perpetrator known: 133 − 129 = 4.
        // §4 date ranges: 2014 holds 3 of them (2012: 60, 2013: 50, 2014: 3 + 20 by the government in 2015).
        rows(csv, n, source, 60, "2012-05-01", "SY14", "", "government");
        rows(csv, n, source, 46, "2013-05-01", "SY14", "", "government");
        rows(csv, n, source, 4, "2013-06-01", "SY14", "", "");
        rows(csv, n, source, 3, "2014-05-01", "SY14", "", "government");
        rows(csv, n, source, 20, "2015-05-01", "SY14", "", "government");
        // §4 complementary values: Daraa, government 60, ISIS 30, HTS 3.
        rows(csv, n, source, 60, "2013-02-01", "SY12", "", "government");
        rows(csv, n, source, 30, "2013-02-01", "SY12", "", "isis");
        rows(csv, n, source, 3, "2013-02-01", "SY12", "", "hts");
        // §4 districts: Lattakia's districts 40, 30, 2 and 25.
        rows(csv, n, source, 40, "2013-03-01", "SY06", "SY0600", "government");
        rows(csv, n, source, 30, "2013-03-01", "SY06", "SY0602", "government");
        rows(csv, n, source, 2, "2013-03-01", "SY06", "SY0603", "government");
        rows(csv, n, source, 25, "2013-03-01", "SY06", "SY0604", "government");
        // §3 order: two small sources beside the large one, in Homs (1,515 of 1,517 with two withheld, in small).
        rows(csv, n, source, 40, "2013-04-01", "SY04", "", "government");
        rows(csv, n, sourceB, 1, "2013-04-01", "SY04", "", "government");
        rows(csv, n, sourceC, 1, "2013-04-01", "SY04", "", "government");
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "adversary.csv",
                new ImportOptions(Optional.empty(), "test", true),
                c -> {});
        assertThat(r.rejected()).as("%s", r.errors()).isZero();
        TestUsers.Account a = TestUsers.create(users, Role.ADVOCACY);
        advocacyName = a.username();
        advocacy = tokens.create(a.username(), "attack").secret();
        writer = tokens.create(TestUsers.create(users, Role.WRITER).username(), "attack")
                .secret();
        TestUsers.Account an = TestUsers.create(users, Role.ANALYST);
        analyst = tokens.create(an.username(), "truth").secret();
    }

    private static void rows(
            StringBuilder csv,
            int[] n,
            String source,
            int count,
            String date,
            String governorate,
            String district,
            String perpetrator) {
        for (int i = 0; i < count; i++) {
            n[0]++;
            csv.append("ADV")
                    .append(n[0])
                    .append(',')
                    .append(source)
                    .append(",Synthetic Adversary Person ")
                    .append(n[0])
                    .append(" Number ")
                    .append(Integer.toString(n[0] * 7919, 36))
                    .append(",male,")
                    .append(date)
                    .append(',')
                    .append(governorate)
                    .append(',')
                    .append(district)
                    .append(',')
                    .append(perpetrator)
                    .append(",missing\n");
        }
    }

    @Test
    void a_writer_receives_nothing_derived_from_a_name_to_try_a_dictionary_against() throws Exception {
        JsonNode page = get("/api/v1/reports?source=" + enc(source) + "&governorate=SY14&size=50", writer);
        assertThat(page.get("hits").size()).isPositive();
        for (JsonNode report : page.get("hits")) {
            String text = report.toString();
            assertThat(text).doesNotContain("content_hash", "hash_scheme", "Synthetic Adversary");
            JsonNode one = get(
                    "/api/v1/reports/"
                            + org.athar.report.Report.idFor(
                                    source, report.get("report_id").asText()),
                    writer);
            assertThat(one.toString()).doesNotContain("content_hash", "hash_scheme", "Synthetic Adversary");
        }
        assertThat(send("/api/v1/reports?q=Synthetic&source=" + enc(source), writer)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(send("/api/v1/reports?sort=name&source=" + enc(source), writer)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    void an_administrator_who_must_use_two_factors_reads_nothing_with_a_password_alone() throws Exception {
        String name = "adv-admin-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long synthetic passphrase for the attack";
        users.create(Viewer.system("test"), name, password, java.util.Set.of(Role.ADMIN));
        ResponseEntity<String> right = anonymous
                .withBasicAuth(name, password)
                .getForEntity("/api/v1/reports?source=" + enc(source), String.class);
        ResponseEntity<String> wrong = anonymous
                .withBasicAuth(name, password + "x")
                .getForEntity("/api/v1/reports?source=" + enc(source), String.class);
        assertThat(right.getStatusCode().value()).isEqualTo(401);
        assertThat(right.getBody()).doesNotContain("Synthetic Adversary").contains("token");
        assertThat(right.getBody())
                .as("the right password gets the same answer as a wrong one")
                .isEqualTo(wrong.getBody());
    }

    @Test
    void no_role_renders_a_giant_image() {
        for (String token : List.of(writer, advocacy)) {
            ResponseEntity<String> r =
                    send("/api/v1/charts/breakdown.png?by=status&width=8000&height=8000&dpi=600", token);
            assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(400);
        }
    }

    @Test
    void the_health_endpoint_tells_a_writer_and_advocacy_only_up_or_down() {
        for (String token : List.of(writer, advocacy)) {
            ResponseEntity<String> r = send("/actuator/health", token);
            assertThat(r.getStatusCode().value()).isEqualTo(200);
            assertThat(r.getBody())
                    .contains("\"status\"")
                    .doesNotContain("details", "path", "free", "total", "components");
        }
    }

    @Test
    void a_subset_filter_against_the_whole_gives_no_small_count() throws Exception {
        String whole = "governorate=SY14&from=2012-01-01&to=2013-12-31";
        difference("total", whole, whole + "&perpetrator=government");
        assertThat(total(whole, advocacy, ""))
                .as("the whole is published; the filtered figure is what goes")
                .isPresent();
    }

    @Test
    void complementary_filter_values_give_no_small_count() throws Exception {
        String whole = "governorate=SY12";
        OptionalLong all = total(whole, advocacy, "");
        OptionalLong government = total(whole + "&perpetrator=government", advocacy, "");
        OptionalLong isis = total(whole + "&perpetrator=isis", advocacy, "");
        long trueHts =
                total(whole + "&perpetrator=hts", analyst, "&profile=internal").getAsLong();
        assertThat(trueHts).as("the attack works on exact figures").isBetween(1L, K - 1L);
        if (all.isPresent() && government.isPresent() && isis.isPresent()) {
            assertThat(all.getAsLong() - government.getAsLong() - isis.getAsLong())
                    .as("HTS by subtraction")
                    .satisfies(AdversaryTest::notSmall);
        }
    }

    @Test
    void overlapping_date_ranges_give_no_small_count() throws Exception {
        difference(
                "total",
                "governorate=SY14&from=2012-01-01&to=2014-12-31",
                "governorate=SY14&from=2012-01-01&to=2013-12-31");
        difference(
                "total",
                "governorate=SY14&from=2014-01-01&to=2015-12-31",
                "governorate=SY14&from=2015-01-01&to=2015-12-31");
    }

    @Test
    void a_governorate_minus_all_but_one_of_its_districts_gives_no_small_count() throws Exception {
        OptionalLong governorate = total("governorate=SY06", advocacy, "");
        long known = 0;
        int unknownDistricts = 0;
        for (String d : List.of("SY0600", "SY0602", "SY0603", "SY0604")) {
            OptionalLong x = total("district=" + d, advocacy, "");
            if (x.isPresent()) {
                known += x.getAsLong();
            } else {
                unknownDistricts++;
            }
        }
        assertThat(total("district=SY0603", analyst, "&profile=internal").getAsLong())
                .isBetween(1L, K - 1L);
        if (governorate.isPresent() && unknownDistricts == 1) {
            assertThat(governorate.getAsLong() - known)
                    .as("the one district left by subtraction")
                    .satisfies(AdversaryTest::notSmall);
        }
        // The districts' own breakdown: its withheld districts never add up to a small count either.
        assertWithheldGroupsAreNotSmall("district", "governorate=SY06");
    }

    @Test
    void withheld_buckets_run_after_the_published_ones_by_key_and_never_add_up_to_a_small_count() throws Exception {
        String filters =
                "governorate=SY04&source=" + enc(sourceB) + "&source=" + enc(sourceC) + "&source=" + enc(source);
        JsonNode b = get("/api/v1/stats/source?" + filters + "&count=reports", advocacy);
        List<String> keys = new ArrayList<>();
        boolean withheldSeen = false;
        long previous = Long.MAX_VALUE;
        for (JsonNode bucket : b.get("buckets")) {
            keys.add(bucket.get("key").asText());
            if (bucket.get("suppressed").asBoolean()) {
                withheldSeen = true;
                assertThat(bucket.get("count").isNull()).isTrue();
            } else {
                assertThat(withheldSeen)
                        .as("a published bucket after a withheld one: %s", b)
                        .isFalse();
                assertThat(bucket.get("count").asLong()).isLessThanOrEqualTo(previous);
                previous = bucket.get("count").asLong();
            }
        }
        List<String> withheld = new ArrayList<>();
        b.get("buckets").forEach(x -> {
            if (x.get("suppressed").asBoolean()) {
                withheld.add(x.get("key").asText());
            }
        });
        assertThat(withheld)
                .as("withheld buckets by key, whatever their counts")
                .isSorted();
        assertThat(withheld)
                .as("the two sources of one report each are withheld")
                .contains(sourceB, sourceC);
        assertWithheldGroupsAreNotSmall("source", filters);
    }

    @Test
    void the_overlap_of_sources_publishes_no_small_count_and_agrees_with_the_persons_by_source() throws Exception {
        JsonNode o = get("/api/v1/linkage/overlap", advocacy);
        assertThat(o.get("profile").asText()).isEqualTo("public");
        List<Long> published = new ArrayList<>();
        o.get("patterns")
                .forEach(p -> published.add(
                        p.get("persons").isNull() ? null : p.get("persons").asLong()));
        JsonNode bySource = get("/api/v1/stats/source?count=persons", advocacy);
        for (JsonNode row : o.get("table")) {
            published.add(
                    row.get("documentedBy").isNull()
                            ? null
                            : row.get("documentedBy").asLong());
            published.add(row.get("onlyBy").isNull() ? null : row.get("onlyBy").asLong());
            row.get("shared").forEach(n -> published.add(n.isNull() ? null : n.asLong()));
            for (JsonNode bucket : bySource.get("buckets")) {
                if (bucket.get("key").asText().equals(row.get("source").asText())) {
                    assertThat(row.get("documentedBy").isNull())
                            .as(
                                    "documented by %s: the same figure as the "
                                            + "persons-by-source breakdown, with the same status",
                                    row.get("source").asText())
                            .isEqualTo(bucket.get("count").isNull());
                }
            }
        }
        assertThat(published)
                .as("no published overlap figure is a small count")
                .noneMatch(n -> n != null && n >= 1 && n < K);
        ResponseEntity<String> xlsx = send("/api/v1/linkage/overlap.xlsx", advocacy);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void a_public_chart_says_withheld_and_never_prints_a_bound() throws Exception {
        String filters = "governorate=SY04&source=" + enc(sourceB) + "&source=" + enc(sourceC) + "&source="
                + enc(source) + "&count=reports";
        ResponseEntity<String> svg = send("/api/v1/charts/breakdown.svg?by=source&" + filters, advocacy);
        assertThat(svg.getStatusCode().value()).as("%s", svg.getBody()).isEqualTo(200);
        assertThat(svg.getBody()).contains("withheld").doesNotContain("&lt;5", "<5", "fewer than 5 reports");
        ResponseEntity<String> arabic = send("/api/v1/charts/breakdown.svg?by=source&lang=ar&" + filters, advocacy);
        assertThat(arabic.getBody()).contains("محجوب").doesNotContain("&lt;5", "<5");
    }

    @Test
    void public_statistics_are_audited_with_the_figures_they_published() throws Exception {
        get("/api/v1/stats/perpetrator?governorate=SY12&source=" + enc(source) + "&count=reports", advocacy);
        Thread.sleep(1100);
        var entries = audit.find(Viewer.system("test"), AuditFilter.all(), 0, 200).entries().stream()
                .filter(e -> advocacyName.equals(e.username())
                        && "public_figures".equals(e.action().code()))
                .toList();
        assertThat(entries).isNotEmpty();
        assertThat(entries.get(0).details().get("figures")).contains("perpetrator:", "government=60", "total=");
        assertThat(entries.get(0).details().get("governorate")).isEqualTo("SY12");
    }

    @Test
    void a_public_date_range_must_be_whole_years() throws Exception {
        ResponseEntity<String> r = send("/api/v1/stats/year?from=2013-02-01&source=" + enc(source), advocacy);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(r.getBody()).get("parameter").asText()).isEqualTo("from");
    }

    /** The attack of §4: two public totals whose sets differ by a filter; the exact difference is small. */
    private void difference(String what, String broader, String narrower) throws Exception {
        long trueDifference = total(broader, analyst, "&profile=internal").getAsLong()
                - total(narrower, analyst, "&profile=internal").getAsLong();
        assertThat(trueDifference)
                .as("the attack works on exact figures (%s minus %s)", broader, narrower)
                .isBetween(1L, K - 1L);
        OptionalLong a = total(broader, advocacy, "");
        OptionalLong b = total(narrower, advocacy, "");
        if (a.isPresent() && b.isPresent()) {
            assertThat(a.getAsLong() - b.getAsLong())
                    .as("%s: %s minus %s", what, broader, narrower)
                    .satisfies(AdversaryTest::notSmall);
        }
    }

    /** In a published breakdown whose total is published, the withheld buckets together are not a small count. */
    private void assertWithheldGroupsAreNotSmall(String dimension, String filters) throws Exception {
        JsonNode b = get("/api/v1/stats/" + dimension + "?" + filters + "&count=reports", advocacy);
        if (b.get("total").isNull()) {
            return;
        }
        long published = 0;
        for (JsonNode bucket : b.get("buckets")) {
            published += bucket.get("count").isNull() ? 0 : bucket.get("count").asLong();
        }
        published += b.get("imprecise").isNull() ? 0 : b.get("imprecise").asLong();
        assertThat(b.get("total").asLong() - published)
                .as("the withheld figures of %s together", b)
                .satisfies(AdversaryTest::notSmall);
    }

    private OptionalLong total(String filters, String token, String extra) throws Exception {
        String scoped = filters.contains("source=") ? filters : filters + "&source=" + enc(source);
        JsonNode b = get("/api/v1/stats/perpetrator?" + scoped + "&count=reports" + extra, token);
        return b.get("total").isNull()
                ? OptionalLong.empty()
                : OptionalLong.of(b.get("total").asLong());
    }

    private JsonNode get(String path, String token) throws Exception {
        ResponseEntity<String> r = send(path, token);
        assertThat(r.getStatusCode().value()).as("%s: %s", path, r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    private ResponseEntity<String> send(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return anonymous.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** 0 or at least k: not a small count. */
    private static void notSmall(Long difference) {
        assertThat(difference >= 1 && difference < K)
                .as("a small count worked out: %d", difference)
                .isFalse();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
