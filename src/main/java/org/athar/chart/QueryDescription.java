package org.athar.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.report.Place;
import org.athar.report.Vocabulary;
import org.athar.search.QueryText;
import org.athar.search.ReportQuery;

/**
 * The filters of a {@link ReportQuery} in words, in English or Arabic, for a chart's subtitle: "Governorate: Aleppo,
 * Idlib · Alleged perpetrator: Syrian government forces · Disappeared between 1 March 2013 and 31 December 2014".
 * Places are named from the gazetteer, codes by their labels, words typed in the search box are quoted.
 */
public final class QueryDescription {

    private final Messages messages;
    private final Gazetteer gazetteer;

    public QueryDescription(Messages messages, Gazetteer gazetteer) {
        this.messages = messages;
        this.gazetteer = gazetteer;
    }

    /** Every filter of {@code query}, in a fixed order; "All reports" when it has none. */
    public String describe(ReportQuery query, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (!query.text().isEmpty()) {
            parts.add(filter("chart.query.text", words(query.text(), locale), locale));
        }
        places(parts, "search.filter.governorate", query.governorates(), locale);
        places(parts, "search.filter.district", query.districts(), locale);
        vocabulary(parts, "search.filter.perpetrator", query.perpetrators(), locale);
        vocabulary(parts, "search.filter.status", query.statuses(), locale);
        vocabulary(parts, "search.filter.gender", query.genders(), locale);
        vocabulary(parts, "search.filter.age_group", query.ageGroups(), locale);
        if (!query.sources().isEmpty()) {
            parts.add(filter(
                    "search.filter.source",
                    list(query.sources().stream().sorted().toList(), locale),
                    locale));
        }
        if (query.from().isPresent() && query.to().isPresent()) {
            parts.add(messages.get(
                    "chart.query.between",
                    locale,
                    date(query.from().get(), locale),
                    date(query.to().get(), locale)));
        } else {
            query.from().ifPresent(d -> parts.add(messages.get("chart.query.from", locale, date(d, locale))));
            query.to().ifPresent(d -> parts.add(messages.get("chart.query.to", locale, date(d, locale))));
        }
        query.hasLocation().ifPresent(h -> parts.add(messages.get("search.has_location." + h, locale)));
        vocabulary(parts, "search.filter.consent", query.consents(), locale);
        query.shareWith().ifPresent(r -> parts.add(filter("search.filter.share_with", r, locale)));
        return parts.isEmpty()
                ? messages.get("chart.query.all", locale)
                : String.join(messages.get("chart.separator.parts", locale), parts);
    }

    /** A day as "29 November 2026" or "29 تشرين الثاني 2026": the month by name, so no day/month order is guessed. */
    String date(LocalDate day, Locale locale) {
        return day.getDayOfMonth() + " " + messages.get("month." + day.getMonthValue(), locale) + " " + day.getYear();
    }

    String list(List<String> items, Locale locale) {
        return String.join(messages.get("chart.separator.list", locale), items);
    }

    private String words(QueryText text, Locale locale) {
        List<String> out = new ArrayList<>();
        for (QueryText.Clause clause : text.clauses()) {
            String quoted = messages.get("chart.query.quote", locale, clause.text());
            String placed = switch (clause.field()) {
                case NAME -> messages.get("chart.query.clause.name", locale, quoted);
                case NARRATIVE -> messages.get("chart.query.clause.narrative", locale, quoted);
                case ANY -> quoted;
            };
            out.add(clause.excluded() ? messages.get("chart.query.clause.excluded", locale, placed) : placed);
        }
        return list(out, locale);
    }

    private void places(List<String> parts, String key, Collection<String> pcodes, Locale locale) {
        if (!pcodes.isEmpty()) {
            Function<String, String> name =
                    p -> Place.UNKNOWN.equals(p) ? messages.get("search.unknown", locale) : gazetteer.label(p, locale);
            // p-code order (unknown last) is the gazetteer's order, the same in both languages.
            List<String> names = pcodes.stream()
                    .sorted(Comparator.comparing((String p) -> Place.UNKNOWN.equals(p))
                            .thenComparing(Comparator.naturalOrder()))
                    .map(name)
                    .toList();
            parts.add(filter(key, list(names, locale), locale));
        }
    }

    private <T extends Enum<T> & Vocabulary> void vocabulary(
            List<String> parts, String key, Collection<T> values, Locale locale) {
        if (!values.isEmpty()) {
            List<String> labels = values.stream()
                    .sorted()
                    .map(v -> messages.get(v.messageKey(), locale))
                    .toList();
            parts.add(filter(key, list(labels, locale), locale));
        }
    }

    private String filter(String labelKey, String values, Locale locale) {
        return messages.get("chart.query.filter", locale, messages.get(labelKey, locale), values);
    }
}
