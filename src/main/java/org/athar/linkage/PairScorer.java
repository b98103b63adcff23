package org.athar.linkage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.athar.report.DatePrecision;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Place;
import org.athar.report.ReportStatus;

/**
 * Scores a pair of reports as the sum of the log-weights of its features (a Fellegi–Sunter model with hand-set
 * m/u ratios, name agreements weighted by how rare the name is). Every feature that contributed is returned, so a
 * reviewer sees why a pair was proposed. docs/linkage.md lists the weights.
 */
public final class PairScorer {

    static final double FIRST_DISAGREE = -6.0;
    static final double FATHER_DISAGREE = -3.5;
    static final double FAMILY_DISAGREE = -4.0;
    /** A close spelling (one letter apart) is worth this much less than an exact agreement. */
    static final double CLOSE_PENALTY = 2.0;

    static final double TRANSPOSED = -3.0;
    static final double GENDER_AGREE = 0.5;
    static final double GENDER_DISAGREE = -12.0;
    static final double AGE_SAME = 1.5;
    static final double AGE_NEAR = 0.0;
    static final double AGE_APART = -3.0;
    static final double AGE_FAR = -7.0;
    static final double DATE_SAME_DAY = 3.5;
    static final double DATE_WEEK = 2.0;
    static final double DATE_MONTH = 0.0;
    static final double DATE_YEAR = -3.0;
    static final double DATE_FAR = -7.0;
    static final double DATE_WITHIN = 1.0;
    static final double GOVERNORATE_AGREE = 1.0;
    static final double GOVERNORATE_DISAGREE = -5.0;
    static final double DISTRICT_AGREE = 1.5;
    static final double DISTRICT_DISAGREE = -0.5;
    static final double PERPETRATOR_AGREE = 0.5;
    static final double PERPETRATOR_DISAGREE = -2.0;
    static final double STATUS_AGREE = 0.3;
    static final double STATUS_DISAGREE = -0.3;

    static final String AGREE = "agree";
    static final String CLOSE = "close";
    static final String DISAGREE = "disagree";
    static final String MISSING = "missing";
    static final String TRANSPOSED_OUTCOME = "transposed";
    static final String WITHIN = "within";

    private final NameFrequencies frequencies;
    private final NameComparison names;

    public PairScorer(NameFrequencies frequencies) {
        this.frequencies = frequencies;
        this.names = new NameComparison(frequencies);
    }

    public ScoredPair score(LinkRecord a, LinkRecord b) {
        List<Feature> features = new ArrayList<>(12);
        double total = total(a, b, features);
        boolean ordered = a.id().compareTo(b.id()) <= 0;
        return ordered
                ? new ScoredPair(a, b, round(total), features)
                : new ScoredPair(b, a, round(total), swapped(features));
    }

    /** The score alone, without building the explanation: what blocking calls for every compared pair. */
    public double quickScore(LinkRecord a, LinkRecord b) {
        return round(total(a, b, null));
    }

    private double total(LinkRecord a, LinkRecord b, List<Feature> features) {
        double total = names.compare(a, b, features);
        total += gender(a.gender(), b.gender(), features);
        total += age(a.age(), b.age(), features);
        total += date(a, b, features);
        total += place(a, b, features);
        total += perpetrator(a.perpetrator(), b.perpetrator(), features);
        total += status(a.status(), b.status(), features);
        double crowd = frequencies.crowd(a.governorate(), b.governorate());
        if (crowd > 0) {
            add(features, new Feature("crowd", "discount", a.governorate(), b.governorate(), -round(crowd)));
            total -= crowd;
        }
        return total;
    }

    static void add(List<Feature> out, Feature f) {
        if (out != null) {
            out.add(f);
        }
    }

    // --- the other fields

    private static double gender(Gender a, Gender b, List<Feature> out) {
        if (a == Gender.UNKNOWN || b == Gender.UNKNOWN) {
            add(out, new Feature("gender", MISSING, a.code(), b.code(), 0));
            return 0;
        }
        double w = a == b ? GENDER_AGREE : GENDER_DISAGREE;
        add(out, new Feature("gender", a == b ? AGREE : DISAGREE, a.code(), b.code(), w));
        return w;
    }

    private static double age(int a, int b, List<Feature> out) {
        if (a < 0 || b < 0) {
            add(
                    out,
                    new Feature("age", MISSING, a < 0 ? "" : Integer.toString(a), b < 0 ? "" : Integer.toString(b), 0));
            return 0;
        }
        int d = Math.abs(a - b);
        String outcome = d == 0 ? AGREE : d <= 3 ? CLOSE : DISAGREE;
        double w = d <= 1 ? AGE_SAME : d <= 3 ? AGE_NEAR : d <= 6 ? AGE_APART : AGE_FAR;
        add(out, new Feature("age", outcome, Integer.toString(a), Integer.toString(b), w));
        return w;
    }

    private static double date(LinkRecord a, LinkRecord b, List<Feature> out) {
        if (a.dateStart() == null || b.dateStart() == null) {
            add(out, new Feature("date", MISSING, dateText(a), dateText(b), 0));
            return 0;
        }
        long gap = gapDays(a.dateStart(), a.dateEnd(), b.dateStart(), b.dateEnd());
        boolean bothDays = a.precision() == DatePrecision.DAY && b.precision() == DatePrecision.DAY;
        String outcome;
        double w;
        if (gap == 0 && !bothDays) {
            outcome = WITHIN; // a day inside a month or year, or two overlapping months/years
            w = DATE_WITHIN;
        } else if (gap == 0) {
            outcome = AGREE;
            w = DATE_SAME_DAY;
        } else if (gap <= 7) {
            outcome = CLOSE;
            w = DATE_WEEK;
        } else if (gap <= 31) {
            outcome = CLOSE;
            w = DATE_MONTH;
        } else if (gap <= 366) {
            outcome = DISAGREE;
            w = DATE_YEAR;
        } else {
            outcome = DISAGREE;
            w = DATE_FAR;
        }
        add(out, new Feature("date", outcome, dateText(a), dateText(b), w));
        return w;
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

    private static String dateText(LinkRecord r) {
        String text = CountingRule.dateText(r);
        return text == null ? "" : text;
    }

    private static double place(LinkRecord a, LinkRecord b, List<Feature> out) {
        double s = code("governorate", a.governorate(), b.governorate(), GOVERNORATE_AGREE, GOVERNORATE_DISAGREE, out);
        s += code("district", a.district(), b.district(), DISTRICT_AGREE, DISTRICT_DISAGREE, out);
        return s;
    }

    private static double code(String feature, String a, String b, double agree, double disagree, List<Feature> out) {
        if (Place.UNKNOWN.equals(a) || Place.UNKNOWN.equals(b)) {
            add(out, new Feature(feature, MISSING, a, b, 0));
            return 0;
        }
        boolean same = a.equals(b);
        add(out, new Feature(feature, same ? AGREE : DISAGREE, a, b, same ? agree : disagree));
        return same ? agree : disagree;
    }

    private static double perpetrator(PerpetratorCategory a, PerpetratorCategory b, List<Feature> out) {
        if (a == PerpetratorCategory.UNKNOWN || b == PerpetratorCategory.UNKNOWN) {
            add(out, new Feature("perpetrator", MISSING, a.code(), b.code(), 0));
            return 0;
        }
        boolean same = a == b;
        add(
                out,
                new Feature(
                        "perpetrator",
                        same ? AGREE : DISAGREE,
                        a.code(),
                        b.code(),
                        same ? PERPETRATOR_AGREE : PERPETRATOR_DISAGREE));
        return same ? PERPETRATOR_AGREE : PERPETRATOR_DISAGREE;
    }

    private static double status(ReportStatus a, ReportStatus b, List<Feature> out) {
        if (a == ReportStatus.UNKNOWN || b == ReportStatus.UNKNOWN) {
            add(out, new Feature("status", MISSING, a.code(), b.code(), 0));
            return 0;
        }
        boolean same = a == b;
        add(
                out,
                new Feature(
                        "status", same ? AGREE : DISAGREE, a.code(), b.code(), same ? STATUS_AGREE : STATUS_DISAGREE));
        return same ? STATUS_AGREE : STATUS_DISAGREE;
    }

    private static List<Feature> swapped(List<Feature> features) {
        return features.stream()
                .map(f -> new Feature(f.code(), f.outcome(), f.b(), f.a(), f.weight()))
                .toList();
    }

    static double round(double w) {
        return Math.round(w * 100) / 100.0;
    }
}
