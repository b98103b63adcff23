package org.athar.search;

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

/**
 * The query behind a clicked slice of a figure: the current filters with the slice's value(s) put in place of that
 * filter. A period becomes a date range, intersected with the current one, which selects exactly the reports the
 * period's bucket counted (a report is in a period only if its whole date interval lies inside it).
 */
public final class Drill {

    private Drill() {}

    /** {@code q} narrowed to {@code slice}: each dimension's filter set to its one value. */
    public static ReportQuery apply(ReportQuery q, Map<Dimension, String> slice) {
        ReportQuery result = q;
        for (Map.Entry<Dimension, String> e : slice.entrySet()) {
            result = result.with(e.getKey(), e.getValue());
        }
        return result;
    }

    static ReportQuery apply(ReportQuery q, Dimension d, String key) {
        return switch (d) {
            case GOVERNORATE -> q.withGovernorates(Set.of(key));
            case DISTRICT -> q.withDistricts(Set.of(key));
            case PERPETRATOR -> q.withPerpetrators(Set.of(code(PerpetratorCategory.fromText(key), key)));
            case STATUS -> q.withStatuses(Set.of(code(ReportStatus.fromText(key), key)));
            case GENDER -> q.withGenders(Set.of(code(Gender.fromText(key), key)));
            case AGE_GROUP -> q.withAgeGroups(Set.of(code(AgeGroup.fromText(key), key)));
            case SOURCE -> q.withSources(Set.of(key));
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
        return q.within(from, to);
    }
}
