package org.athar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.linkage.LinkageReview;
import org.athar.linkage.LinkageWorker;
import org.athar.linkage.LinkedReportsFixture;
import org.athar.report.Gender;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.security.Role;
import org.athar.security.Viewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An adversary against the public persons range: with a pending pair in a small cell (the two reports of person L1 in
 * Aleppo: 2 persons, 1 if the pair were confirmed) among 28 persons, it asks for the public range of every filter it
 * can (by governorate, by gender, none) and tries to work a small count out of what is published: a figure of
 * either kind between 1 and k − 1, or a difference between the unfiltered and a filtered figure of the same kind
 * between 1 and k − 1. None may be found, and the number of pending pairs is never published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonsRangeDisclosureTest extends AtharIntegrationTest {

    private static final Viewer ADVOCACY = new Viewer("range-advocacy", Set.of(Role.ADVOCACY));
    private static final Viewer ADMIN = new Viewer("range-admin", Set.of(Role.ADMIN));
    private static final String HEADER = "report_id,victim_name,victim_name_latin,gender,age,disappeared_on,"
            + "governorate,district,locality,perpetrator,status,narrative\n";

    @Autowired
    ImportService imports;

    @Autowired
    LinkageWorker linkage;

    @Autowired
    LinkageReview review;

    @Autowired
    Figures figures;

    private final LinkedReportsFixture fixture = new LinkedReportsFixture("Range adversary");
    private ReportQuery base;

    @BeforeAll
    void data() throws IOException {
        fixture.importInto(imports);
        // Eight more persons in each source (men, invented names that link with nothing), so that every source's
        // persons total is published and the small cell is the pending pair's: A and B in Homs, C in Damascus.
        Random random = new Random(22);
        extras(fixture.sourceA, "Homs", random);
        extras(fixture.sourceB, "Homs", random);
        extras(fixture.sourceC, "Damascus", random);
        fixture.link(linkage, review);
        base = ReportQuery.all()
                .withSources(Set.of(fixture.sourceA, fixture.sourceB, fixture.sourceC))
                .withCount(Count.PERSONS);
    }

    private void extras(String source, String governorate, Random random) throws IOException {
        String letters = "بتجدرزسفكلمن";
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 8; i++) {
            StringBuilder name = new StringBuilder();
            for (int w = 0; w < 3; w++) {
                for (int c = 0; c < 5; c++) {
                    name.append(letters.charAt(random.nextInt(letters.length())));
                }
                name.append(w < 2 ? " " : "");
            }
            csv.append(String.format(
                    Locale.ROOT,
                    "X%d,%s,,male,%d,1986-0%d-1%d,%s,,,government,missing,Synthetic adversary row.%n",
                    i,
                    name,
                    20 + 3 * i,
                    1 + i,
                    i,
                    governorate));
        }
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "adversary.csv",
                new ImportOptions(Optional.of(source), "range-adversary", true),
                c -> {});
        assertThat(r.rejected()).as("%s", r.errors()).isZero();
    }

    private PersonsRange range(Viewer viewer, ReportQuery q, DisclosureProfile profile) {
        return figures.persons(viewer, StatsRequest.breakdown(q, Dimension.STATUS, Locale.ENGLISH, profile));
    }

    /** Every query the adversary tries: none, each governorate of the data, each gender. */
    private Map<String, ReportQuery> queries() {
        Map<String, ReportQuery> out = new LinkedHashMap<>();
        out.put("all", base);
        Breakdown byGovernorate = figures.breakdown(
                ADMIN, StatsRequest.breakdown(base, Dimension.GOVERNORATE, Locale.ENGLISH, DisclosureProfile.INTERNAL));
        for (Bucket b : byGovernorate.buckets()) {
            out.put("governorate=" + b.key(), base.withGovernorates(Set.of(b.key())));
        }
        for (Gender g : List.of(Gender.MALE, Gender.FEMALE)) {
            out.put("gender=" + g.code(), base.withGenders(Set.of(g)));
        }
        return out;
    }

    @Test
    void the_exact_figures_hold_a_small_cell_the_adversary_could_aim_at() {
        PersonsRange all = range(ADMIN, base, DisclosureProfile.INTERNAL);
        assertThat(all.persons()).hasValue(28);
        assertThat(all.personsIfPendingConfirmed()).hasValue(27);
        assertThat(all.pendingPairs()).hasValue(1);
        PersonsRange published = range(ADVOCACY, base, DisclosureProfile.PUBLIC);
        assertThat(published.persons()).hasValue(28);
        assertThat(published.personsIfPendingConfirmed()).hasValue(27);
        assertThat(published.pendingPairs()).isEmpty();
        assertThat(published.shown()).isTrue();
    }

    @Test
    void no_small_count_can_be_worked_out_of_the_public_range() {
        int k = figures.k();
        Map<String, ReportQuery> queries = queries();
        Map<String, PersonsRange> published = new LinkedHashMap<>();
        Map<String, PersonsRange> exact = new LinkedHashMap<>();
        queries.forEach((name, q) -> {
            published.put(name, range(ADVOCACY, q, DisclosureProfile.PUBLIC));
            exact.put(name, range(ADMIN, q, DisclosureProfile.INTERNAL));
        });
        // The cell the pending pair lies in is small in both kinds: the adversary may not see either.
        String aleppo = exact.entrySet().stream()
                .filter(e -> e.getValue().persons().getAsLong() == 2
                        && e.getValue().personsIfPendingConfirmed().getAsLong() == 1)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        assertThat(published.get(aleppo).persons()).isEmpty();
        assertThat(published.get(aleppo).personsIfPendingConfirmed()).isEmpty();
        List<String> found = new ArrayList<>();
        PersonsRange whole = published.get("all");
        published.forEach((name, r) -> {
            assertThat(r.pendingPairs()).as(name).isEmpty();
            if (r.persons().isEmpty()) {
                assertThat(r.personsIfPendingConfirmed())
                        .as("%s: released beside a withheld persons total", name)
                        .isEmpty();
            }
            small(name + " persons", r.persons(), k, found);
            small(name + " if confirmed", r.personsIfPendingConfirmed(), k, found);
            small(name + " persons, unfiltered minus filtered", difference(whole.persons(), r.persons()), k, found);
            small(
                    name + " if confirmed, unfiltered minus filtered",
                    difference(whole.personsIfPendingConfirmed(), r.personsIfPendingConfirmed()),
                    k,
                    found);
        });
        assertThat(found).as("small counts the adversary worked out").isEmpty();
    }

    private static OptionalLong difference(OptionalLong a, OptionalLong b) {
        return a.isPresent() && b.isPresent() ? OptionalLong.of(a.getAsLong() - b.getAsLong()) : OptionalLong.empty();
    }

    private static void small(String what, OptionalLong n, int k, List<String> found) {
        if (n.isPresent() && n.getAsLong() >= 1 && n.getAsLong() < k) {
            found.add(what + " = " + n.getAsLong());
        }
    }
}
