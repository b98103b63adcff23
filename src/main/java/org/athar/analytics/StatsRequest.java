package org.athar.analytics;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;

/**
 * One request for statistics, whoever asks (API, Trends, charts, workbooks, briefings): the reports (what they count
 * is {@code query.counting()}), one dimension (a breakdown or time series) or two (a cross-tab, rows then columns),
 * for the Trends dashboard also a time granularity, the language of the labels and the disclosure profile. It
 * refuses a shape that has no figures (two equal dimensions, a granularity that is not time) when it is made;
 * {@link StatsParameters} reads one from request parameters and {@link Figures} checks who may have its figures.
 */
public record StatsRequest(
        ReportQuery query,
        List<Dimension> dimensions,
        Optional<Dimension> granularity,
        Locale locale,
        DisclosureProfile profile) {

    /** What the request asks for. */
    public enum Shape {
        BREAKDOWN,
        CROSSTAB,
        DASHBOARD
    }

    public StatsRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(profile, "profile");
        dimensions = List.copyOf(dimensions);
        if (dimensions.isEmpty() || dimensions.size() > 2) {
            throw new IllegalArgumentException(
                    "a statistics request counts by one dimension or by two (rows and columns), not by " + dimensions);
        }
        if (dimensions.size() == 2 && dimensions.get(0) == dimensions.get(1)) {
            throw new IllegalArgumentException(
                    "rows and columns are both " + dimensions.get(0).parameter() + "; choose two different dimensions");
        }
        if (granularity.isPresent() && dimensions.size() != 2) {
            throw new IllegalArgumentException(
                    "a dashboard has a time series and a cross-tab: give the granularity with rows and columns");
        }
        granularity.filter(g -> !g.isTime()).ifPresent(g -> {
            throw new IllegalArgumentException(
                    "the granularity " + g.parameter() + " is not a time dimension; use year, quarter or month");
        });
    }

    /** The reports of {@code query} by one dimension (a time series when {@code by} is time). */
    public static StatsRequest breakdown(ReportQuery query, Dimension by, Locale locale, DisclosureProfile profile) {
        return new StatsRequest(query, List.of(by), Optional.empty(), locale, profile);
    }

    /** The reports of {@code query} by two different dimensions. */
    public static StatsRequest crossTab(
            ReportQuery query, Dimension rows, Dimension columns, Locale locale, DisclosureProfile profile) {
        return new StatsRequest(query, List.of(rows, columns), Optional.empty(), locale, profile);
    }

    /** Everything Trends shows: the series at {@code granularity}, the main breakdowns and one cross-tab. */
    public static StatsRequest dashboard(
            ReportQuery query,
            Dimension granularity,
            Dimension rows,
            Dimension columns,
            Locale locale,
            DisclosureProfile profile) {
        return new StatsRequest(query, List.of(rows, columns), Optional.of(granularity), locale, profile);
    }

    public Shape shape() {
        return granularity.isPresent() ? Shape.DASHBOARD : dimensions.size() == 1 ? Shape.BREAKDOWN : Shape.CROSSTAB;
    }

    /** The dimension of a breakdown. */
    public Dimension by() {
        require(Shape.BREAKDOWN);
        return dimensions.get(0);
    }

    /** The rows of a cross-tab (or of a dashboard's cross-tab). */
    public Dimension rows() {
        requireTwo();
        return dimensions.get(0);
    }

    /** The columns of a cross-tab (or of a dashboard's cross-tab). */
    public Dimension columns() {
        requireTwo();
        return dimensions.get(1);
    }

    /** The same request for other reports (a narrower or widened query). */
    public StatsRequest withQuery(ReportQuery other) {
        return new StatsRequest(other, dimensions, granularity, locale, profile);
    }

    /** A breakdown of the same reports by {@code dimension}, in the same language and profile. */
    public StatsRequest breakdown(Dimension dimension) {
        return breakdown(query, dimension, locale, profile);
    }

    /** The query as the figures of the request's profile are made for it ({@link DisclosureProfile#scope}). */
    public StatsRequest scoped() {
        return withQuery(profile.scope(query));
    }

    private void require(Shape wanted) {
        if (shape() != wanted) {
            throw new IllegalStateException("this statistics request is a " + shape() + ", not a " + wanted);
        }
    }

    private void requireTwo() {
        if (dimensions.size() != 2) {
            throw new IllegalStateException("this statistics request is a breakdown: it has no rows and columns");
        }
    }
}
