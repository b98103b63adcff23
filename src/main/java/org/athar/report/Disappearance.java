package org.athar.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * When the person disappeared: {@code date} to {@code date_end} (inclusive) at the given precision, so a
 * date range filter can tell whether the whole interval lies inside it.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Disappearance(Optional<LocalDate> date, Optional<LocalDate> dateEnd, DatePrecision precision) {

    public Disappearance {
        date = Objects.requireNonNullElse(date, Optional.empty());
        dateEnd = Objects.requireNonNullElse(dateEnd, Optional.empty());
        new ReportDate(date, dateEnd, precision); // the same rules as any date: one whole day, month or year
    }

    public static Disappearance of(ReportDate date) {
        return new Disappearance(date.start(), date.end(), date.precision());
    }

    public ReportDate asReportDate() {
        return new ReportDate(date, dateEnd, precision);
    }
}
