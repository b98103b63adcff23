package org.athar.analytics;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.athar.linkage.Overlap;
import org.athar.linkage.Persons;
import org.athar.linkage.PersonsFigure;
import org.athar.platform.Tasks;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.IdentityRules;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;
import org.athar.security.AccessDeniedException;
import org.athar.security.AuditLog;
import org.athar.security.ClientAddress;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * The only way to figures for any output (API, Trends, charts, workbooks, briefings, the overlap of sources): checks
 * the permission, refuses free text to roles that do not see names (a count of reports matching a name would reveal
 * the person), resolves the disclosure profile and applies disclosure control. {@link Statistics} (exact figures) is
 * package-private, and ArchitectureTest keeps every other package from building {@link Breakdown}s or
 * {@link CrossTab}s, so a figure reaches a {@code public} viewer only through here. Every {@code public} release is
 * audited with the figures it published.
 */
@Service
public class Figures {

    private final Statistics statistics;
    private final DisclosureControl disclosure;
    private final AuditLog audit;
    private final Persons persons;
    private final ThreadPoolTaskExecutor ahead = Tasks.elastic("athar-persons-figure", Duration.ofSeconds(10));

    Figures(Statistics statistics, DisclosureControl disclosure, AuditLog audit, Persons persons) {
        this.statistics = statistics;
        this.disclosure = disclosure;
        this.audit = audit;
        this.persons = persons;
    }

    /**
     * The profile to use: the requested one, or {@code internal} for roles that see exact counts and {@code public}
     * for the others. A role without exact counts asking for {@code internal} is refused (403), not quietly served
     * public figures it might take for exact ones.
     */
    public DisclosureProfile profileFor(Viewer viewer, Optional<DisclosureProfile> requested) {
        boolean exact = viewer.can(Permission.SEE_EXACT_COUNTS);
        if (requested.filter(DisclosureProfile.INTERNAL::equals).isPresent() && !exact) {
            throw new AccessDeniedException(Permission.SEE_EXACT_COUNTS, viewer.roles());
        }
        return requested.orElse(exact ? DisclosureProfile.INTERNAL : DisclosureProfile.PUBLIC);
    }

    /** The reports of the request by its one dimension. */
    public Breakdown breakdown(Viewer viewer, StatsRequest request) {
        Dimension dimension = request.by();
        ReportQuery query = request.query();
        check(viewer, request);
        if (request.profile() == DisclosureProfile.PUBLIC) {
            Breakdown out = release(query, request.locale()).breakdown(dimension);
            audited(viewer, query, "breakdown", List.of(describe(out)));
            return out;
        }
        return statistics.breakdown(query, dimension, request.locale());
    }

    /** The reports of the request by its rows and columns. */
    public CrossTab crossTab(Viewer viewer, StatsRequest request) {
        ReportQuery query = request.query();
        check(viewer, request);
        if (request.profile() == DisclosureProfile.PUBLIC) {
            CrossTab out = release(query, request.locale()).crossTab(request.rows(), request.columns());
            audited(viewer, query, "crosstab", List.of(describe(out)));
            return out;
        }
        return statistics.crossTab(query, request.rows(), request.columns(), request.locale());
    }

    /** Everything Trends shows; under {@code public} protected as one output (shared totals agree everywhere). */
    public Dashboard dashboard(Viewer viewer, StatsRequest request) {
        Dimension granularity = request.granularity()
                .orElseThrow(() -> new IllegalArgumentException(
                        "a dashboard request has a granularity; use StatsRequest.dashboard"));
        ReportQuery query = request.query();
        check(viewer, request);
        if (request.profile() == DisclosureProfile.PUBLIC) {
            Dashboard d = release(query, request.locale()).dashboard(granularity, request.rows(), request.columns());
            audited(
                    viewer,
                    query,
                    "dashboard",
                    List.of(
                            describe(d.series()),
                            describe(d.governorates()),
                            describe(d.perpetrators()),
                            describe(d.statuses()),
                            describe(d.crossTab())));
            return d;
        }
        return statistics.dashboard(query, granularity, request.rows(), request.columns(), request.locale());
    }

    /** What the Trends API answers: the dashboard and the persons figures of its reports. */
    public record DashboardWithPersons(Dashboard dashboard, PersonsRange persons) {}

    /**
     * {@link #dashboard} and {@link #persons} in one: the persons figure's engine request is sent on another thread while
     * the dashboard's runs, so the answer waits for the slower of the two instead of both in turn.
     */
    public DashboardWithPersons dashboardWithPersons(Viewer viewer, StatsRequest request) {
        ReportQuery query = request.query().withCount(Count.PERSONS);
        check(viewer, request.withQuery(query));
        Future<PersonsFigure> exact = ahead.submit(() -> statistics.personsFigure(query));
        Dashboard dashboard;
        try {
            dashboard = dashboard(viewer, request);
        } catch (RuntimeException e) {
            exact.cancel(true);
            throw e;
        }
        return new DashboardWithPersons(dashboard, persons(viewer, request, awaited(exact)));
    }

    private static PersonsFigure awaited(Future<PersonsFigure> figure) {
        try {
            return figure.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting persons", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("counting persons failed", e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        ahead.shutdown();
    }

    /**
     * The persons of the request's reports with the figure if every pending pair were confirmed and the pending pairs
     * behind the difference (docs/linkage.md, "Counting persons"), whatever the request itself counts. Under
     * {@code public} the persons figure is the persons total of the same public output, the other is released only
     * with it and under the same rules ({@link PersonsDisclosure}), and the pending pairs are not published.
     */
    public PersonsRange persons(Viewer viewer, StatsRequest request) {
        ReportQuery query = request.query().withCount(Count.PERSONS);
        check(viewer, request.withQuery(query));
        return persons(viewer, request, statistics.personsFigure(query));
    }

    private PersonsRange persons(Viewer viewer, StatsRequest request, PersonsFigure exact) {
        ReportQuery query = request.query().withCount(Count.PERSONS);
        StatsRequest counted = request.withQuery(query);
        if (counted.profile() == DisclosureProfile.INTERNAL) {
            return PersonsRange.exact(exact);
        }
        OptionalLong total =
                release(query, request.locale()).breakdown(Dimension.STATUS).total();
        PersonsRange out = PersonsDisclosure.publish(statistics, disclosure.k(), query, total, exact);
        audited(
                viewer,
                query,
                "persons",
                List.of(
                        "persons=" + figure(out.persons()),
                        "if_pending_confirmed=" + figure(out.personsIfPendingConfirmed())));
        return out;
    }

    /**
     * How the sources overlap, in persons. Under {@code public} the patterns are protected as a line that adds up to
     * all persons, with "documented by" taking the status the persons-by-source breakdown gives it.
     */
    public SourceOverlap overlap(Viewer viewer, DisclosureProfile profile) {
        check(
                viewer,
                StatsRequest.breakdown(
                        ReportQuery.all().withCount(Count.PERSONS), Dimension.SOURCE, Locale.ENGLISH, profile));
        Overlap exact = persons.overlap(viewer);
        if (profile == DisclosureProfile.INTERNAL) {
            return OverlapDisclosure.exact(exact);
        }
        Breakdown bySource = release(ReportQuery.all().withCount(Count.PERSONS), Locale.ENGLISH)
                .breakdown(Dimension.SOURCE);
        SourceOverlap out = OverlapDisclosure.suppress(exact, bySource, disclosure.k());
        List<String> figures = new ArrayList<>();
        out.patterns().forEach(p -> figures.add(String.join("+", p.sources()) + "=" + figure(p.persons())));
        figures.add("persons=" + figure(out.persons()));
        audit.publishedFigures(
                viewer,
                ClientAddress.current(),
                "overlap",
                Map.of("count", List.of("persons")),
                String.join(", ", figures));
        return out;
    }

    /**
     * The sources behind the figures of {@code query} under {@code profile} (see {@link SourcesBehind}), from its
     * reports by source: reports whatever the figures count, because a source is behind a figure exactly when it has
     * a report in scope, and reports fall into one source each (persons by source overlap). Under {@code public} the
     * breakdown is released and audited like every public figure.
     */
    public SourcesBehind sourcesBehind(Viewer viewer, ReportQuery query, Locale locale, DisclosureProfile profile) {
        Breakdown bySource = breakdown(
                viewer, StatsRequest.breakdown(query.withCount(Count.REPORTS), Dimension.SOURCE, locale, profile));
        List<Bucket> sources = bySource.buckets().stream()
                .filter(b -> !Heading.UNKNOWN.equals(b.key()))
                .toList();
        return new SourcesBehind(
                sources.stream()
                        .filter(b -> b.count().isPresent() && b.count().getAsLong() > 0)
                        .map(Bucket::key)
                        .sorted()
                        .toList(),
                sources.stream()
                        .filter(Bucket::suppressed)
                        .map(Bucket::key)
                        .sorted()
                        .toList());
    }

    /** The small-count threshold of the public profile. */
    public int k() {
        return disclosure.k();
    }

    public String withheldNote(Locale locale) {
        return disclosure.withheldNote(locale);
    }

    private PublicRelease release(ReportQuery query, Locale locale) {
        return new PublicRelease(statistics, disclosure.k(), query, locale);
    }

    /**
     * Whether {@code viewer} may have statistics at all (403 naming {@code VIEW_TRENDS} otherwise): the API asks before
     * it reads a parameter, and every figure asks again.
     */
    public void requirePermission(Viewer viewer) {
        viewer.require(Permission.VIEW_TRENDS);
    }

    /** The one check before any figure: the permission, the profile for this viewer, no free text a role may not use. */
    private void check(Viewer viewer, StatsRequest request) {
        requirePermission(viewer);
        profileFor(viewer, Optional.of(request.profile()));
        IdentityRules.requireAllowed(viewer, request.query());
    }

    /** Rule 10: who asked, with which filters, and every figure that went out (withheld ones as "withheld"). */
    private void audited(Viewer viewer, ReportQuery query, String kind, List<String> figures) {
        Map<String, List<String>> filters = new LinkedHashMap<>(ReportQueryParser.format(query));
        filters.put("count", List.of(query.counting().code()));
        audit.publishedFigures(viewer, ClientAddress.current(), kind, filters, String.join(" | ", figures));
    }

    static String describe(Breakdown b) {
        List<String> parts = new ArrayList<>();
        b.buckets().forEach(x -> parts.add(x.key() + "=" + figure(x.count())));
        parts.add("imprecise=" + figure(b.imprecise()));
        parts.add("total=" + figure(b.total()));
        return b.dimension().parameter() + ": " + String.join(", ", parts);
    }

    static String describe(CrossTab t) {
        List<String> parts = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
            for (int c = 0; c < t.columns().size(); c++) {
                parts.add(t.rows().get(r).key() + "/" + t.columns().get(c).key() + "="
                        + figure(t.cells().get(r).get(c)));
            }
            parts.add(t.rows().get(r).key() + "/*=" + figure(t.rowTotals().get(r)));
        }
        for (int c = 0; c < t.columns().size(); c++) {
            parts.add("*/" + t.columns().get(c).key() + "="
                    + figure(t.columnTotals().get(c)));
        }
        parts.add("imprecise=" + figure(t.imprecise()));
        parts.add("total=" + figure(t.total()));
        return t.rowDimension().parameter() + "x" + t.columnDimension().parameter() + ": " + String.join(", ", parts);
    }

    private static String figure(OptionalLong n) {
        return n.isPresent() ? Long.toString(n.getAsLong()) : "withheld";
    }
}
