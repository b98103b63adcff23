package org.athar.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.athar.analytics.Breakdown;
import org.athar.analytics.CrossTab;
import org.athar.analytics.Disclosure;
import org.athar.analytics.PersonsRange;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.search.Count;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;

/**
 * The standard words around a chart, in English or Arabic: a title from the dimensions, the filters in words as
 * subtitle, the note on reports too imprecise for the time axis, the fixed caveat and the footer with sources and
 * date. Every chart and export uses these, so a chart and its export say the same.
 */
public final class ChartTexts {

    /**
     * What the footer credits: the documenting organisations behind the figures ({@code otherSources}: and others not
     * named, their contribution being withheld), the day the chart was made, demo data.
     */
    public record Footer(List<String> sources, boolean otherSources, LocalDate generated, boolean synthetic) {
        public Footer {
            sources = List.copyOf(sources);
        }

        /** Every source behind the figures named. */
        public Footer(List<String> sources, LocalDate generated, boolean synthetic) {
            this(sources, false, generated, synthetic);
        }
    }

    private final Messages messages;
    private final QueryDescription query;

    public ChartTexts(Messages messages, Gazetteer gazetteer) {
        this.messages = messages;
        this.query = new QueryDescription(messages, gazetteer);
    }

    /** Title, filters, what is counted, the imprecise-date note, caveat and footer for a breakdown. */
    public ChartText forBreakdown(Breakdown breakdown, ReportQuery filters, Footer footer, Locale locale) {
        List<String> notes = new ArrayList<>();
        notes.add(counting(filters.counting(), locale));
        imprecise(breakdown.dimension(), breakdown.imprecise(), filters.counting(), locale)
                .ifPresent(notes::add);
        return new ChartText(
                title(filters.counting(), breakdown.dimension(), locale),
                Optional.of(query.describe(filters, locale)),
                notes,
                caveat(locale),
                footer(footer, locale));
    }

    /** The same for a cross-tab; the imprecise note follows its time dimension, if it has one. */
    public ChartText forCrossTab(CrossTab tab, ReportQuery filters, Footer footer, Locale locale) {
        List<String> notes = new ArrayList<>();
        notes.add(counting(filters.counting(), locale));
        Optional<Dimension> time = tab.rowDimension().isTime()
                ? Optional.of(tab.rowDimension())
                : tab.columnDimension().isTime() ? Optional.of(tab.columnDimension()) : Optional.empty();
        time.flatMap(d -> imprecise(d, tab.imprecise(), filters.counting(), locale))
                .ifPresent(notes::add);
        return new ChartText(
                title(filters.counting(), tab.rowDimension(), tab.columnDimension(), locale),
                Optional.of(query.describe(filters, locale)),
                notes,
                caveat(locale),
                footer(footer, locale));
    }

    /** "Persons by governorate" or "Reports by governorate". */
    public String title(Count count, Dimension dimension, Locale locale) {
        return count == Count.PERSONS
                ? messages.get("chart.title.breakdown.persons", locale, dimension(dimension, locale))
                : title(dimension, locale);
    }

    /** "Persons by governorate and perpetrator" or "Reports by …". */
    public String title(Count count, Dimension rows, Dimension columns, Locale locale) {
        return count == Count.PERSONS
                ? messages.get(
                        "chart.title.crosstab.persons", locale, dimension(rows, locale), dimension(columns, locale))
                : title(rows, columns, locale);
    }

    /** What the figures count, said on every chart and workbook. */
    public String counting(Count count, Locale locale) {
        return messages.get("chart.counting." + count.code(), locale);
    }

    /** "Reports by governorate". */
    public String title(Dimension dimension, Locale locale) {
        return messages.get("chart.title.breakdown", locale, dimension(dimension, locale));
    }

    /** "Reports by year and alleged perpetrator". */
    public String title(Dimension rows, Dimension columns, Locale locale) {
        return messages.get("chart.title.crosstab", locale, dimension(rows, locale), dimension(columns, locale));
    }

    /** "Documented cases, not the total number of disappearances." on every chart. */
    public String caveat(Locale locale) {
        return messages.get("caveat.documented", locale);
    }

    /**
     * How many persons or reports (as {@code counting} says) a time axis leaves out: at month or quarter, those known
     * only to the year or not at all; at year, those with an unknown date. Empty when none is left out or the
     * dimension is not time. A withheld count is said to be withheld, never "fewer than k": it may be a large figure
     * withheld to protect another.
     */
    public Optional<String> imprecise(Dimension dimension, OptionalLong count, Count counting, Locale locale) {
        if (!dimension.isTime() || count.isPresent() && count.getAsLong() == 0) {
            return Optional.empty();
        }
        String key = "chart.note.imprecise." + dimension.parameter() + (counting == Count.PERSONS ? ".persons" : "");
        return Optional.of(
                count.isPresent()
                        ? messages.get(key, locale, count.getAsLong())
                        : messages.get(key + ".withheld", locale));
    }

    /**
     * "Source: Athar · sources: SNHR, VDC · generated 29 November 2026" (· synthetic demo data); "SNHR and other
     * sources" when some are not named.
     */
    public String footer(Footer footer, Locale locale) {
        String day = query.date(footer.generated(), locale);
        String text;
        if (footer.sources().isEmpty()) {
            text = footer.otherSources()
                    ? messages.get("chart.footer.unnamed", locale, day)
                    : messages.get("chart.footer.no-sources", locale, day);
        } else {
            text = messages.get(
                    footer.otherSources() ? "chart.footer.others" : "chart.footer",
                    locale,
                    query.list(footer.sources(), locale),
                    day);
        }
        return footer.synthetic()
                ? text + messages.get("chart.separator.parts", locale) + messages.get("chart.footer.synthetic", locale)
                : text;
    }

    /**
     * "2,360 persons (1,985–2,360 depending on 388 pairs awaiting review)" while pairs awaiting review would change
     * the persons figure; empty when they would not, or when a figure of the range is withheld. Under {@code public}
     * the number of pairs is not said. Figures are grouped as every published figure ({@link Disclosure#shown}).
     */
    public Optional<String> personsRange(PersonsRange range, Locale locale) {
        if (!range.shown()) {
            return Optional.empty();
        }
        String persons = Disclosure.shown(range.persons(), locale);
        String lower = Disclosure.shown(OptionalLong.of(range.lower()), locale);
        String upper = Disclosure.shown(OptionalLong.of(range.upper()), locale);
        long pairs = range.pendingPairs().orElse(0);
        // No count of pairs publicly; none either where no merged person is counted under the filters (a person
        // counted here may still be merged into one counted elsewhere: the range is then without a count of pairs).
        if (pairs == 0) {
            return Optional.of(messages.get("persons.range.public", locale, persons, lower, upper));
        }
        return Optional.of(
                pairs == 1
                        ? messages.get("persons.range.one", locale, persons, lower, upper)
                        : messages.get(
                                "persons.range",
                                locale,
                                persons,
                                lower,
                                upper,
                                Disclosure.shown(OptionalLong.of(pairs), locale)));
    }

    /** The note a chart counting persons carries while pairs await review ("In all: 2,360 persons (…)"). */
    public List<String> personsRangeNote(PersonsRange range, Locale locale) {
        return personsRange(range, locale)
                .map(r -> List.of(messages.get("chart.note.persons.range", locale, r)))
                .orElse(List.of());
    }

    public QueryDescription queryDescription() {
        return query;
    }

    private String dimension(Dimension dimension, Locale locale) {
        return messages.get("chart.dimension." + dimension.parameter(), locale);
    }
}
