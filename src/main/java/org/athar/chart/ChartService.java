package org.athar.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.CrossTab;
import org.athar.analytics.Dashboard;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.analytics.Heading;
import org.athar.analytics.PersonsRange;
import org.athar.analytics.SourcesBehind;
import org.athar.analytics.StatsParameters;
import org.athar.analytics.StatsRequest;
import org.athar.dataset.DataSetFacts;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.report.Place;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * Charts of the current figures: what the Trends page draws and what {@code /api/v1/charts} serves are made here,
 * from the same statistics, texts and renderer, so a downloaded chart is the drawing on screen.
 */
@Service
public class ChartService {

    /** The charts of the Trends page and the chart API. */
    public enum Kind {
        TIMELINE,
        BREAKDOWN,
        CROSSTAB,
        MAP;

        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The statistic the chart draws, for reading its parameters ({@link StatsParameters}). */
        public StatsParameters.Statistic statistic() {
            return switch (this) {
                case TIMELINE -> StatsParameters.Statistic.TIMELINE;
                case BREAKDOWN -> StatsParameters.Statistic.BREAKDOWN;
                case CROSSTAB -> StatsParameters.Statistic.CROSSTAB;
                case MAP -> StatsParameters.Statistic.MAP;
            };
        }

        public static Optional<Kind> fromParameter(String text) {
            return Arrays.stream(values())
                    .filter(k -> k.parameter().equals(text))
                    .findFirst();
        }
    }

    /**
     * One chart: its kind and the statistic behind it (a breakdown for timelines, bars and maps, by governorate for a
     * map; a cross-tab for stacked bars).
     */
    public record Spec(Kind kind, StatsRequest request) {

        public Spec {
            boolean breakdown = request.shape() == StatsRequest.Shape.BREAKDOWN;
            boolean fits = switch (kind) {
                case CROSSTAB -> request.shape() == StatsRequest.Shape.CROSSTAB;
                case BREAKDOWN -> breakdown;
                case TIMELINE -> breakdown && request.by().isTime();
                case MAP -> breakdown && request.by() == Dimension.GOVERNORATE;
            };
            if (!fits) {
                throw new IllegalArgumentException("a " + kind.parameter() + " chart cannot draw the statistic by "
                        + request.dimensions() + "; a timeline is by a time dimension, a map by governorate");
            }
        }

        public ReportQuery query() {
            return request.query();
        }

        /** The dimension of a timeline, bars or a map. */
        public Dimension by() {
            return request.by();
        }

        public Dimension rows() {
            return request.rows();
        }

        public Dimension columns() {
            return request.columns();
        }

        public Locale locale() {
            return request.locale();
        }

        public DisclosureProfile profile() {
            return request.profile();
        }
    }

    /**
     * The Trends page: each chart as interactive SVG (each with its own notes inside), plus the cross-tab's figures
     * for its table and the notes that table needs (the footnote on withheld figures when it shows one), and the
     * persons figure with the figure if every pending pair were confirmed (counted whatever the charts count).
     */
    public record DashboardCharts(
            long scope,
            boolean scopeSuppressed,
            String timeline,
            String map,
            Dimension mapDimension,
            String perpetrators,
            String statuses,
            CrossTab crossTab,
            String crossTabSvg,
            List<String> tableNotes,
            PersonsRange persons) {}

    /** The on-screen size of each chart; downloads use the same drawing size. */
    static final ChartSize WIDE = ChartSize.of(1100, 420);

    static final ChartSize MAP = ChartSize.of(700, 560);
    static final ChartSize BARS = ChartSize.of(700, 560);
    static final ChartSize STACKED = ChartSize.of(1100, 560);

    private final Figures figures;
    private final ChartRenderer renderer;
    private final ChartTexts texts;
    private final DataSetFacts facts;
    private final Clock clock;

    public ChartService(
            Figures figures,
            ChartRenderer renderer,
            Messages messages,
            Gazetteer gazetteer,
            DataSetFacts facts,
            Clock clock) {
        this.figures = figures;
        this.renderer = renderer;
        this.texts = new ChartTexts(messages, gazetteer);
        this.facts = facts;
        this.clock = clock;
    }

    public int k() {
        return figures.k();
    }

    public DisclosureProfile profileFor(Viewer viewer, Optional<DisclosureProfile> requested) {
        return figures.profileFor(viewer, requested);
    }

    /** The screen size of a chart kind, for downloads that match the screen. */
    public static ChartSize screenSize(Kind kind) {
        return switch (kind) {
            case TIMELINE -> WIDE;
            case MAP -> MAP;
            case BREAKDOWN -> BARS;
            case CROSSTAB -> STACKED;
        };
    }

    /** The chart of {@code spec} as a file. */
    public byte[] render(Viewer viewer, Spec spec, ChartFormat format, ChartSize size) {
        return renderFile(viewer, spec, format, size).bytes();
    }

    /**
     * A chart file with the number of categories it draws (bars, time buckets, regions or cross-tab rows), which the
     * audit log records as the export's row count.
     */
    public record Rendered(byte[] bytes, int categories) {}

    /** As {@link #render}, with the number of categories drawn. */
    public Rendered renderFile(Viewer viewer, Spec spec, ChartFormat format, ChartSize size) {
        Drawn d = draw(viewer, spec);
        int categories;
        if (d.data() instanceof ChartData.StackedBars s) {
            categories = s.crossTab().rows().size();
        } else if (d.data() instanceof ChartData.Timeline t) {
            categories = t.breakdown().buckets().size();
        } else if (d.data() instanceof ChartData.Bars b) {
            categories = b.breakdown().buckets().size();
        } else if (d.data() instanceof ChartData.GovernorateMap m) {
            categories = m.breakdown().buckets().size();
        } else {
            categories =
                    ((ChartData.DistrictMap) d.data()).breakdown().buckets().size();
        }
        return new Rendered(renderer.render(d.data(), d.text(), spec.locale(), format, size), categories);
    }

    /** Everything the Trends page shows, from one statistics request (two when the map shows districts). */
    public DashboardCharts dashboard(Viewer viewer, StatsRequest request) {
        Dashboard d = figures.dashboard(viewer, request);
        ReportQuery query = request.query();
        Locale locale = request.locale();
        DisclosureProfile profile = request.profile();
        ChartTexts.Footer footer = footer(viewer, query, locale, profile);
        int k = figures.k();
        Count counting = query.counting();
        PersonsRange persons = figures.persons(viewer, request);
        List<String> range = counting == Count.PERSONS ? texts.personsRangeNote(persons, locale) : List.of();
        String timeline = renderer.interactiveSvg(
                new ChartData.Timeline(d.series(), counting, k),
                texts.forBreakdown(d.series(), query, footer, locale).withNotes(range),
                locale,
                WIDE);
        Drawn map = map(viewer, request.breakdown(Dimension.GOVERNORATE), Optional.of(d.governorates()), footer);
        String perpetrators = renderer.interactiveSvg(
                new ChartData.Bars(d.perpetrators(), counting, k),
                texts.forBreakdown(d.perpetrators(), query, footer, locale).withNotes(range),
                locale,
                BARS);
        String statuses = renderer.interactiveSvg(
                new ChartData.Bars(d.statuses(), counting, k),
                texts.forBreakdown(d.statuses(), query, footer, locale).withNotes(range),
                locale,
                BARS);
        String stacked = renderer.interactiveSvg(
                new ChartData.StackedBars(d.crossTab(), counting, k),
                texts.forCrossTab(d.crossTab(), query, footer, locale).withNotes(range),
                locale,
                STACKED);
        // Each chart carries the footnote on withheld figures itself; the cross-tab's table needs it beside it.
        List<String> tableNotes = new ArrayList<>();
        if (profile == DisclosureProfile.PUBLIC && anyWithheld(d.crossTab())) {
            tableNotes.add(figures.withheldNote(locale));
        }
        return new DashboardCharts(
                d.series().total().orElse(0),
                d.series().total().isEmpty(),
                timeline,
                renderer.interactiveSvg(map.data(), map.text().withNotes(range), locale, MAP),
                map.dimension(),
                perpetrators,
                statuses,
                d.crossTab(),
                stacked,
                tableNotes,
                persons);
    }

    /** Whether the cross-tab's table shows "withheld" anywhere: a cell, a total or the grand total. */
    static boolean anyWithheld(CrossTab t) {
        return t.cells().stream().flatMap(List::stream).anyMatch(OptionalLong::isEmpty)
                || t.rowTotals().stream().anyMatch(OptionalLong::isEmpty)
                || t.columnTotals().stream().anyMatch(OptionalLong::isEmpty)
                || t.total().isEmpty()
                || t.imprecise().isEmpty();
    }

    /** The persons total with its range in words, while pairs awaiting review would change it (Trends' total line). */
    public Optional<String> personsRange(PersonsRange range, Locale locale) {
        return texts.personsRange(range, locale);
    }

    /** The source names in scope, for the filter bar and footers. */
    public List<String> sources(Viewer viewer) {
        Breakdown b = figures.breakdown(
                viewer,
                StatsRequest.breakdown(
                        ReportQuery.all().withCount(Count.REPORTS),
                        Dimension.SOURCE,
                        Locale.ENGLISH,
                        figures.profileFor(viewer, Optional.empty())));
        return b.buckets().stream()
                .map(Bucket::key)
                .filter(k -> !Heading.UNKNOWN.equals(k))
                .sorted()
                .toList();
    }

    private record Drawn(ChartData data, ChartText text, Dimension dimension) {}

    /** A chart counting persons carries the persons range in its notes while pairs await review. */
    private Drawn draw(Viewer viewer, Spec spec) {
        Drawn d = drawn(viewer, spec);
        if (spec.query().counting() != Count.PERSONS) {
            return d;
        }
        List<String> range = texts.personsRangeNote(figures.persons(viewer, spec.request()), spec.locale());
        return new Drawn(d.data(), d.text().withNotes(range), d.dimension());
    }

    private Drawn drawn(Viewer viewer, Spec spec) {
        ChartTexts.Footer footer = footer(viewer, spec.query(), spec.locale(), spec.profile());
        int k = figures.k();
        Count counting = spec.query().counting();
        return switch (spec.kind()) {
            case TIMELINE, BREAKDOWN -> {
                Breakdown b = figures.breakdown(viewer, spec.request());
                ChartData data = spec.by().isTime()
                        ? new ChartData.Timeline(b, counting, k)
                        : new ChartData.Bars(b, counting, k);
                yield new Drawn(data, texts.forBreakdown(b, spec.query(), footer, spec.locale()), spec.by());
            }
            case CROSSTAB -> {
                CrossTab t = figures.crossTab(viewer, spec.request());
                yield new Drawn(
                        new ChartData.StackedBars(t, counting, k),
                        texts.forCrossTab(t, spec.query(), footer, spec.locale()),
                        spec.rows());
            }
            case MAP -> map(viewer, spec.request(), Optional.empty(), footer);
        };
    }

    /** Districts of the governorate when the filters name exactly one, else all governorates. */
    private Drawn map(
            Viewer viewer, StatsRequest byGovernorate, Optional<Breakdown> governorates, ChartTexts.Footer footer) {
        ReportQuery query = byGovernorate.query();
        Locale locale = byGovernorate.locale();
        int k = figures.k();
        Optional<String> one = query.governorates().size() == 1
                ? query.governorates().stream()
                        .filter(g -> !Place.UNKNOWN.equals(g))
                        .findFirst()
                : Optional.empty();
        if (one.isPresent()) {
            Breakdown districts = figures.breakdown(viewer, byGovernorate.breakdown(Dimension.DISTRICT));
            return new Drawn(
                    new ChartData.DistrictMap(districts, one.get(), query.counting(), k),
                    texts.forBreakdown(districts, query, footer, locale),
                    Dimension.DISTRICT);
        }
        Breakdown b = governorates.orElseGet(() -> figures.breakdown(viewer, byGovernorate));
        return new Drawn(
                new ChartData.GovernorateMap(b, query.counting(), k),
                texts.forBreakdown(b, query, footer, locale),
                Dimension.GOVERNORATE);
    }

    private ChartTexts.Footer footer(Viewer viewer, ReportQuery query, Locale locale, DisclosureProfile profile) {
        SourcesBehind sources = figures.sourcesBehind(viewer, query, locale, profile);
        boolean synthetic;
        try {
            synthetic = facts.holdsSyntheticData();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not tell whether the data is synthetic; is the engine up?", e);
        }
        return new ChartTexts.Footer(sources.named(), !sources.withheld().isEmpty(), LocalDate.now(clock), synthetic);
    }
}
