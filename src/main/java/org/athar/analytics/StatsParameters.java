package org.athar.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.search.BadParameterException;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;

/**
 * The one reader of a {@link StatsRequest} from request parameters: the filters (through {@link ReportQueryParser}),
 * {@code lang}, {@code profile} and the dimensions a {@link Form} names. Each mistake is a
 * {@link BadParameterException} naming the parameter, worded as each surface has always worded it: the statistics
 * API lists the accepted dimensions, the chart API says "not a dimension", a briefing names the item's field
 * ({@code charts[0].by}).
 */
public final class StatsParameters {

    /** How refusals are worded, and in which order the parameters are checked (the first mistake is reported). */
    public enum Style {
        /** {@code /api/v1/stats}: dimensions first; counts reports unless {@code count} says otherwise. */
        STATS_API,
        /** {@code /api/v1/charts}: filters, language and profile first, then the dimensions. */
        CHART_API,
        /** A chart of a briefing: its filters, language and profile come from the briefing. */
        BRIEFING
    }

    /** Which statistic the parameters ask for. */
    public enum Statistic {
        /** By {@code dimension} (statistics API, a path segment) or {@code by} (charts); required. */
        BREAKDOWN,
        /** A time series by {@code granularity} (charts; {@code by} in a briefing), yearly when absent. */
        TIMELINE,
        /** By {@code rows} and {@code columns}. */
        CROSSTAB,
        /** By governorate (the map draws districts when the filters name one governorate). */
        MAP,
        /** Trends: {@code granularity} (monthly when absent), {@code rows} and {@code columns}. */
        DASHBOARD
    }

    /** What to read and how to word refusals; {@code field} prefixes names in a briefing ({@code charts[0]}). */
    public record Form(Statistic statistic, Style style, String field) {

        public static Form of(Statistic statistic, Style style) {
            return new Form(statistic, style, "");
        }
    }

    private StatsParameters() {}

    /**
     * The request the parameters ask for; {@code profiles} turns the profile asked for (empty when absent) into the
     * one to use, refusing one the viewer may not have ({@link Figures#profileFor}).
     */
    public static StatsRequest parse(
            Map<String, List<String>> params,
            Form form,
            Gazetteer gazetteer,
            Function<Optional<DisclosureProfile>, DisclosureProfile> profiles) {
        if (form.style() == Style.STATS_API) {
            Read dims = dimensions(params, form);
            ReportQuery q = ReportQueryParser.parse(params, gazetteer);
            ReportQuery query = q.count().isPresent() ? q : q.withCount(Count.REPORTS);
            Locale locale = language(params);
            return dims.request(query, locale, profiles.apply(profile(params)));
        }
        ReportQuery query = ReportQueryParser.parse(params, gazetteer);
        Locale locale = language(params);
        DisclosureProfile profile = profiles.apply(profile(params));
        return dimensions(params, form).request(query, locale, profile);
    }

    /** The request a briefing's chart asks for, its filters, language and profile already read from the briefing. */
    public static StatsRequest parse(
            Map<String, List<String>> params, Form form, ReportQuery query, Locale locale, DisclosureProfile profile) {
        return dimensions(params, form).request(query, locale, profile);
    }

    /** {@code lang=en|ar} (English when absent or empty); anything else is a 400 naming {@code lang}. */
    public static Locale language(Map<String, List<String>> params) {
        String lang = first(params, "lang").orElse("").strip();
        return switch (lang) {
            case "en", "" -> Messages.ENGLISH;
            case "ar" -> Messages.ARABIC;
            default -> throw new BadParameterException("lang", "lang '" + lang + "' is not one of en, ar");
        };
    }

    /** {@code profile=internal|public} as asked (empty when absent or empty); anything else is a 400. */
    public static Optional<DisclosureProfile> profile(Map<String, List<String>> params) {
        return first(params, "profile")
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .map(p -> DisclosureProfile.fromParameter(p)
                        .orElseThrow(() -> new BadParameterException(
                                "profile", "profile '" + p + "' is not one of internal, public")));
    }

    /** The dimensions read, before the query, language and profile join them. */
    private record Read(List<Dimension> dimensions, Optional<Dimension> granularity) {
        StatsRequest request(ReportQuery query, Locale locale, DisclosureProfile profile) {
            return new StatsRequest(query, dimensions, granularity, locale, profile);
        }
    }

    private static Read dimensions(Map<String, List<String>> params, Form form) {
        if (form.style() == Style.STATS_API) {
            return switch (form.statistic()) {
                case BREAKDOWN -> {
                    // A path segment: taken as written.
                    String given = first(params, "dimension").orElse("");
                    yield new Read(
                            List.of(Dimension.fromParameter(given)
                                    .orElseThrow(() -> unknown(form, "dimension", given))),
                            Optional.empty());
                }
                case CROSSTAB -> {
                    Dimension rows = dimension(params, form, "rows", Optional.empty());
                    Dimension columns = different(form, rows, dimension(params, form, "columns", Optional.empty()));
                    yield new Read(List.of(rows, columns), Optional.empty());
                }
                case DASHBOARD -> {
                    Dimension granularity = dimension(params, form, "granularity", Optional.of(Dimension.MONTH));
                    if (!granularity.isTime()) {
                        throw new BadParameterException(
                                "granularity",
                                "granularity '" + granularity.parameter() + "' is not one of year, quarter, month");
                    }
                    Dimension rows = dimension(params, form, "rows", Optional.of(Dimension.GOVERNORATE));
                    Dimension columns = different(
                            form, rows, dimension(params, form, "columns", Optional.of(Dimension.PERPETRATOR)));
                    yield new Read(List.of(rows, columns), Optional.of(granularity));
                }
                default ->
                    throw new IllegalArgumentException(
                            "the statistics API has no " + form.statistic() + "; use the chart API");
            };
        }
        // Charts, on the API and in briefings: the series or bars first, then rows and columns, which every chart
        // reads (a misspelt one is a 400 whatever the kind) but only the cross-tab uses.
        String series =
                form.style() == Style.CHART_API && form.statistic() == Statistic.TIMELINE ? "granularity" : "by";
        Dimension by = switch (form.statistic()) {
            case TIMELINE -> dimension(params, form, series, Optional.of(Dimension.YEAR));
            case BREAKDOWN -> dimension(params, form, series, Optional.empty());
            default -> Dimension.GOVERNORATE;
        };
        if (form.statistic() == Statistic.TIMELINE && !by.isTime()) {
            String name = name(form, series);
            throw new BadParameterException(
                    name,
                    form.style() == Style.CHART_API
                            ? "granularity must be year, quarter or month"
                            : name + " of a timeline must be year, quarter or month");
        }
        Dimension rows = dimension(params, form, "rows", Optional.of(Dimension.GOVERNORATE));
        Dimension columns = dimension(params, form, "columns", Optional.of(Dimension.PERPETRATOR));
        return switch (form.statistic()) {
            case CROSSTAB -> new Read(List.of(rows, different(form, rows, columns)), Optional.empty());
            case DASHBOARD -> throw new IllegalArgumentException("a chart is not a dashboard; use the statistics API");
            default -> new Read(List.of(by), Optional.empty());
        };
    }

    private static Dimension dimension(
            Map<String, List<String>> params, Form form, String parameter, Optional<Dimension> absent) {
        Optional<String> given = first(params, parameter).map(String::strip).filter(s -> !s.isEmpty());
        String name = name(form, parameter);
        if (given.isEmpty()) {
            return absent.orElseThrow(() -> new BadParameterException(
                    name,
                    switch (form.style()) {
                        case STATS_API -> "parameter '" + name + "' is required: one of " + accepted();
                        case CHART_API -> "parameter '" + name + "' is required";
                        case BRIEFING -> name + " is required";
                    }));
        }
        return Dimension.fromParameter(given.get()).orElseThrow(() -> unknown(form, parameter, given.get()));
    }

    private static Dimension different(Form form, Dimension rows, Dimension columns) {
        if (rows == columns) {
            String name = name(form, "columns");
            throw new BadParameterException(
                    name, name + " is " + columns.parameter() + " like rows; choose two different dimensions");
        }
        return columns;
    }

    private static BadParameterException unknown(Form form, String parameter, String value) {
        String name = name(form, parameter);
        return new BadParameterException(
                name,
                name + " '" + value + "' "
                        + (form.style() == Style.STATS_API ? "is not one of " + accepted() : "is not a dimension"));
    }

    private static String name(Form form, String parameter) {
        return form.field().isEmpty() ? parameter : form.field() + "." + parameter;
    }

    private static String accepted() {
        return Arrays.stream(Dimension.values()).map(Dimension::parameter).collect(Collectors.joining(", "));
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isEmpty()).map(v -> v.get(0));
    }
}
