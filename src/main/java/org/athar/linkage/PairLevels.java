package org.athar.linkage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.athar.report.DatePrecision;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Place;
import org.athar.report.ReportStatus;

/**
 * A pair's comparison vector: the level of every {@link Comparison} ({@link Comparison#MISSING} when one report
 * lacks the value). The scorer weighs it, the estimator counts it; both call this one place.
 */
final class PairLevels {

    private PairLevels() {}

    /** Fills {@code out} (one entry per comparison) and returns the packed name reading ({@link NameComparison}). */
    static int fill(LinkRecord a, LinkRecord b, int[] out) {
        if (a.id().compareTo(b.id()) > 0) {
            return fill(b, a, out); // the order the scorer reads a pair in
        }
        int reading = NameComparison.best(a, b);
        if (reading == NameComparison.NONE) {
            out[Comparison.FIRST_NAME.ordinal()] = Comparison.MISSING;
            out[Comparison.FATHER_NAME.ordinal()] = Comparison.MISSING;
            out[Comparison.FAMILY_NAME.ordinal()] = Comparison.MISSING;
            out[Comparison.NAME_ORDER.ordinal()] = Comparison.MISSING;
        } else {
            out[Comparison.FIRST_NAME.ordinal()] = NameComparison.level(reading, 0);
            out[Comparison.FATHER_NAME.ordinal()] = NameComparison.level(reading, 1);
            out[Comparison.FAMILY_NAME.ordinal()] = NameComparison.level(reading, 2);
            out[Comparison.NAME_ORDER.ordinal()] = NameComparison.order(reading) == 0 ? 0 : 1;
        }
        out[Comparison.GENDER.ordinal()] = gender(a.gender(), b.gender());
        out[Comparison.AGE.ordinal()] = age(a.age(), b.age());
        out[Comparison.DATE.ordinal()] = date(a, b);
        out[Comparison.GOVERNORATE.ordinal()] = code(a.governorate(), b.governorate());
        out[Comparison.DISTRICT.ordinal()] = code(a.district(), b.district());
        out[Comparison.PERPETRATOR.ordinal()] = perpetrator(a.perpetrator(), b.perpetrator());
        out[Comparison.STATUS.ordinal()] = status(a.status(), b.status());
        out[Comparison.SOURCE.ordinal()] = source(a.source(), b.source());
        return reading;
    }

    static int gender(Gender a, Gender b) {
        if (a == Gender.UNKNOWN || b == Gender.UNKNOWN) {
            return Comparison.MISSING;
        }
        return a == b ? 0 : 1;
    }

    /** ≤ 1 year apart, 2–3, 4–6, more. */
    static int age(int a, int b) {
        if (a < 0 || b < 0) {
            return Comparison.MISSING;
        }
        int d = Math.abs(a - b);
        return d <= 1 ? 0 : d <= 3 ? 1 : d <= 6 ? 2 : 3;
    }

    /** Same day, within (overlapping intervals, one not a day), ≤ 7 days, ≤ 31, ≤ 366, more. */
    static int date(LinkRecord a, LinkRecord b) {
        if (a.dateStart() == null || b.dateStart() == null) {
            return Comparison.MISSING;
        }
        long gap = gapDays(a.dateStart(), a.dateEnd(), b.dateStart(), b.dateEnd());
        if (gap == 0) {
            boolean bothDays = a.precision() == DatePrecision.DAY && b.precision() == DatePrecision.DAY;
            return bothDays ? 0 : 1;
        }
        return gap <= 7 ? 2 : gap <= 31 ? 3 : gap <= 366 ? 4 : 5;
    }

    /** Days between two intervals; 0 when they overlap. */
    static long gapDays(LocalDate s1, LocalDate e1, LocalDate s2, LocalDate e2) {
        if (e1.isBefore(s2)) {
            return ChronoUnit.DAYS.between(e1, s2);
        }
        if (e2.isBefore(s1)) {
            return ChronoUnit.DAYS.between(e2, s1);
        }
        return 0;
    }

    static int code(String a, String b) {
        if (Place.UNKNOWN.equals(a) || Place.UNKNOWN.equals(b)) {
            return Comparison.MISSING;
        }
        return a.equals(b) ? 0 : 1;
    }

    static int perpetrator(PerpetratorCategory a, PerpetratorCategory b) {
        if (a == PerpetratorCategory.UNKNOWN || b == PerpetratorCategory.UNKNOWN) {
            return Comparison.MISSING;
        }
        return a == b ? 0 : 1;
    }

    static int status(ReportStatus a, ReportStatus b) {
        if (a == ReportStatus.UNKNOWN || b == ReportStatus.UNKNOWN) {
            return Comparison.MISSING;
        }
        return a == b ? 0 : 1;
    }

    static int source(String a, String b) {
        return a.equals(b) ? 0 : 1;
    }
}
