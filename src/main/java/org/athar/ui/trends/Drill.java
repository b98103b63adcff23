package org.athar.ui.trends;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.athar.report.AgeGroup;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;
import org.athar.search.Dimension;
import org.athar.search.QueryText;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;

/**
 * The Search query behind a clicked slice: the current filters with the slice's value(s) put in place of that
 * filter. A period becomes a date range, intersected with the current one, which selects exactly the reports the
 * period's bucket counted (a report is in a period only if its whole date interval lies inside it).
 */
final class Drill {

    private Drill() {}

    /**
     * Search's URL parameters for a click on {@code slice} of a figure computed for {@code shown}: the query exactly
     * as the chart used it (public figures' widened years included) and what it counted ({@code count=persons} or
     * {@code reports}), so Search can set its report count beside the figure that was clicked.
     */
    static com.vaadin.flow.router.QueryParameters search(ReportQuery shown, Map<Dimension, String> slice) {
        return new com.vaadin.flow.router.QueryParameters(ReportQueryParser.format(apply(shown, slice)));
    }

    static ReportQuery apply(ReportQuery q, Map<Dimension, String> slice) {
        ReportQuery result = q;
        for (Map.Entry<Dimension, String> e : slice.entrySet()) {
            result = apply(result, e.getKey(), e.getValue());
        }
        return result;
    }

    static ReportQuery withoutText(ReportQuery q) {
        return new ReportQuery(
                QueryText.parse(""),
                q.governorates(),
                q.districts(),
                q.perpetrators(),
                q.statuses(),
                q.genders(),
                q.ageGroups(),
                q.sources(),
                q.from(),
                q.to(),
                q.hasLocation(),
                q.count());
    }

    private static ReportQuery apply(ReportQuery q, Dimension d, String key) {
        return switch (d) {
            case GOVERNORATE ->
                new ReportQuery(
                        q.text(),
                        Set.of(key),
                        q.districts(),
                        q.perpetrators(),
                        q.statuses(),
                        q.genders(),
                        q.ageGroups(),
                        q.sources(),
                        q.from(),
                        q.to(),
                        q.hasLocation(),
                        q.count());
            case DISTRICT ->
                new ReportQuery(
                        q.text(),
                        q.governorates(),
                        Set.of(key),
                        q.perpetrators(),
                        q.statuses(),
                        q.genders(),
                        q.ageGroups(),
                        q.sources(),
                        q.from(),
                        q.to(),
                        q.hasLocation(),
                        q.count());
            case PERPETRATOR ->
                new ReportQuery(
                        q.text(),
                        q.governorates(),
                        q.districts(),
                        Set.of(code(PerpetratorCategory.fromText(key), key)),
                        q.statuses(),
                        q.genders(),
                        q.ageGroups(),
                        q.sources(),
                        q.from(),
                        q.to(),
                        q.hasLocation(),
                        q.count());
            case STATUS ->
                new ReportQuery(
                        q.text(),
                        q.governorates(),
                        q.districts(),
                        q.perpetrators(),
                        Set.of(code(ReportStatus.fromText(key), key)),
                        q.genders(),
                        q.ageGroups(),
                        q.sources(),
                        q.from(),
                        q.to(),
                        q.hasLocation(),
                        q.count());
            case GENDER ->
                new ReportQuery(
                        q.text(),
                        q.governorates(),
                        q.districts(),
                        q.perpetrators(),
                        q.statuses(),
                        Set.of(code(Gender.fromText(key), key)),
                        q.ageGroups(),
                        q.sources(),
                        q.from(),
                        q.to(),
                        q.hasLocation(),
                        q.count());
            case AGE_GROUP ->
                new ReportQuery(
                        q.text(),
                        q.governorates(),
                        q.districts(),
                        q.perpetrators(),
                        q.statuses(),
                        q.genders(),
                        Set.of(code(AgeGroup.fromText(key), key)),
                        q.sources(),
                        q.from(),
                        q.to(),
                        q.hasLocation(),
                        q.count());
            case SOURCE ->
                new ReportQuery(
                        q.text(),
                        q.governorates(),
                        q.districts(),
                        q.perpetrators(),
                        q.statuses(),
                        q.genders(),
                        q.ageGroups(),
                        Set.of(key),
                        q.from(),
                        q.to(),
                        q.hasLocation(),
                        q.count());
            case YEAR, QUARTER, MONTH -> within(q, period(d, key));
        };
    }

    private static <T> T code(Optional<T> value, String key) {
        return value.orElseThrow(() -> new IllegalArgumentException("no such value: " + key));
    }

    /** The first and last day of the period {@code 2013}, {@code 2013-Q2} or {@code 2013-03}. */
    static LocalDate[] period(Dimension d, String key) {
        return switch (d) {
            case YEAR -> {
                Year y = Year.parse(key);
                yield new LocalDate[] {y.atDay(1), y.atMonth(12).atEndOfMonth()};
            }
            case QUARTER -> {
                int year = Integer.parseInt(key.substring(0, 4));
                int quarter = Integer.parseInt(key.substring(key.indexOf('Q') + 1));
                YearMonth first = YearMonth.of(year, 3 * quarter - 2);
                yield new LocalDate[] {first.atDay(1), first.plusMonths(2).atEndOfMonth()};
            }
            case MONTH -> {
                YearMonth m = YearMonth.parse(key);
                yield new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
            }
            default -> throw new IllegalArgumentException(d.parameter() + " is not a period");
        };
    }

    private static ReportQuery within(ReportQuery q, LocalDate[] period) {
        LocalDate from = q.from().filter(f -> f.isAfter(period[0])).orElse(period[0]);
        LocalDate to = q.to().filter(t -> t.isBefore(period[1])).orElse(period[1]);
        return new ReportQuery(
                q.text(),
                q.governorates(),
                q.districts(),
                q.perpetrators(),
                q.statuses(),
                q.genders(),
                q.ageGroups(),
                q.sources(),
                Optional.of(from),
                Optional.of(to),
                q.hasLocation(),
                q.count());
    }
}
