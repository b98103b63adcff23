package org.athar.analytics;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.athar.report.Vocabulary;
import org.athar.search.BadParameterException;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;

/**
 * The filters of a query as the {@code public} profile sees them: each one selects some values of a line of figures
 * (the same figure broken down by the filtered field, without that filter). A filtered public figure is published only
 * if it is the sum of values that line publishes, so that comparing it with the unfiltered figure, with the other
 * values of the filter, or with an overlapping date range gives no small count (docs/disclosure-control.md, rule 8).
 */
final class PublicFilters {

    private static final MonthDay FIRST_DAY = MonthDay.of(1, 1);
    private static final MonthDay LAST_DAY = MonthDay.of(12, 31);

    /**
     * One filter: {@code line} are the dimensions of its line (the last one holds the filtered value; a district's
     * line is the districts of its governorate, so it starts with the governorate), {@code selected} tells the values
     * it keeps, {@code without} is the query without it.
     */
    record Filter(String parameter, List<Dimension> line, Predicate<String> selected, ReportQuery without) {}

    private PublicFilters() {}

    /**
     * The filters of {@code q}, after checking that public figures can be made for it: no free text (a count of the
     * reports that match a name would reveal the person), no {@code has_location} (no public line to check it
     * against), no {@code consent} or {@code share_with} (likewise) and dates in whole years (so that every date range is a sum of published years).
     */
    static List<Filter> of(ReportQuery q) {
        if (!q.text().isEmpty()) {
            throw new BadParameterException(
                    "q",
                    "public figures cannot be made for a free-text search (q); remove q "
                            + "or use the internal profile");
        }
        if (q.hasLocation().isPresent()) {
            throw new BadParameterException(
                    "has_location",
                    "public figures cannot be filtered by has_location; remove " + "it or use the internal profile");
        }
        // No public line of figures by consent exists to check such a filter against (counts by consent are for the
        // internal profile only, issue 21), so a filtered public figure could be differenced down to a small count.
        if (!q.consents().isEmpty()) {
            throw new BadParameterException(
                    "consent", "public figures cannot be filtered by consent; remove it or use the internal profile");
        }
        if (q.shareWith().isPresent()) {
            throw new BadParameterException(
                    "share_with",
                    "public figures cannot be filtered by share_with; remove it or use the internal profile");
        }
        requireWholeYears(q);
        List<Filter> filters = new ArrayList<>();
        add(filters, "governorate", List.of(Dimension.GOVERNORATE), q.governorates(), q);
        add(filters, "district", List.of(Dimension.GOVERNORATE, Dimension.DISTRICT), q.districts(), q);
        add(filters, "perpetrator", List.of(Dimension.PERPETRATOR), codes(q.perpetrators()), q);
        add(filters, "status", List.of(Dimension.STATUS), codes(q.statuses()), q);
        add(filters, "gender", List.of(Dimension.GENDER), codes(q.genders()), q);
        add(filters, "age_group", List.of(Dimension.AGE_GROUP), codes(q.ageGroups()), q);
        add(filters, "source", List.of(Dimension.SOURCE), q.sources(), q);
        if (q.hasDateRange()) {
            int first = q.from().map(LocalDate::getYear).orElse(Integer.MIN_VALUE);
            int last = q.to().map(LocalDate::getYear).orElse(Integer.MAX_VALUE);
            Predicate<String> years = key -> {
                int year = Integer.parseInt(key);
                return year >= first && year <= last;
            };
            filters.add(new Filter("from", List.of(Dimension.YEAR), years, without(q, "from")));
        }
        return filters;
    }

    /** A public date range starts on 1 January and ends on 31 December (either end may be open). */
    static void requireWholeYears(ReportQuery q) {
        q.from().filter(d -> !MonthDay.from(d).equals(FIRST_DAY)).ifPresent(d -> {
            throw new BadParameterException(
                    "from",
                    "public figures cover whole years: from must be 1 January (e.g. " + d.getYear()
                            + "-01-01), or use the internal profile");
        });
        q.to().filter(d -> !MonthDay.from(d).equals(LAST_DAY)).ifPresent(d -> {
            throw new BadParameterException(
                    "to",
                    "public figures cover whole years: to must be 31 December (e.g. " + d.getYear()
                            + "-12-31), or use the internal profile");
        });
    }

    /** The query widened to whole years, for screens that offer public figures (a date picker can pick any day). */
    static ReportQuery wholeYears(ReportQuery q) {
        return q.within(
                q.from().map(d -> LocalDate.of(d.getYear(), 1, 1)), q.to().map(d -> LocalDate.of(d.getYear(), 12, 31)));
    }

    private static Set<String> codes(Set<? extends Vocabulary> terms) {
        return terms.stream().map(Vocabulary::code).collect(Collectors.toSet());
    }

    private static void add(
            List<Filter> filters, String parameter, List<Dimension> line, Set<String> values, ReportQuery q) {
        if (!values.isEmpty()) {
            filters.add(new Filter(parameter, line, values::contains, without(q, parameter)));
        }
    }

    /** {@code q} without the filter named {@code parameter} ("from" for the date range), without text. */
    private static ReportQuery without(ReportQuery q, String parameter) {
        ReportQuery rest = q.withoutText().withHasLocation(Optional.empty());
        return switch (parameter) {
            case "governorate" -> rest.withGovernorates(Set.of());
            case "district" -> rest.withDistricts(Set.of());
            case "perpetrator" -> rest.withPerpetrators(Set.of());
            case "status" -> rest.withStatuses(Set.of());
            case "gender" -> rest.withGenders(Set.of());
            case "age_group" -> rest.withAgeGroups(Set.of());
            case "source" -> rest.withSources(Set.of());
            case "from" -> rest.withoutDates();
            default -> rest;
        };
    }
}
