package org.athar.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.athar.report.DatePrecision;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Place;
import org.athar.report.ReportStatus;

/**
 * Which report's values a person is counted with, when its reports disagree (docs/linkage.md, "Counting"):
 * <ol>
 *   <li>the person's governorate is the one most of its reports give (unknown ones not voting); a tie goes to the
 *       governorate of the report with the most precise date;</li>
 *   <li>among the reports in that governorate, the <b>representative</b> is the one with the most precise date of
 *       disappearance (day, then month, then year, then unknown); then the most complete (district, age, gender,
 *       perpetrator and status known); then the earliest date; then the smallest report id;</li>
 *   <li>every counting value (date, district, gender, age group, perpetrator, status) is the representative's, so the
 *       values counted always come from one coherent account; the person counts under every source that
 *       documents it.</li>
 * </ol>
 */
public final class CountingRule {

    private CountingRule() {}

    /** The representative of {@code reports} (one person's reports, at least one). */
    public static LinkRecord representative(List<LinkRecord> reports) {
        Map<String, Integer> votes = new HashMap<>();
        for (LinkRecord r : reports) {
            if (!Place.UNKNOWN.equals(r.governorate())) {
                votes.merge(r.governorate(), 1, Integer::sum);
            }
        }
        Comparator<LinkRecord> best = Comparator.comparingInt((LinkRecord r) -> rank(r.precision()))
                .thenComparing(
                        Comparator.comparingInt(CountingRule::completeness).reversed())
                .thenComparing(LinkRecord::dateStart, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(LinkRecord::id);
        if (votes.isEmpty()) {
            return reports.stream().min(best).orElseThrow();
        }
        int most = votes.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<String> tied = votes.entrySet().stream()
                .filter(e -> e.getValue() == most)
                .map(Map.Entry::getKey)
                .toList();
        String governorate = tied.size() == 1
                ? tied.get(0)
                : reports.stream()
                        .filter(r -> tied.contains(r.governorate()))
                        .min(best)
                        .orElseThrow()
                        .governorate();
        return reports.stream()
                .filter(r -> r.governorate().equals(governorate))
                .min(best)
                .orElseThrow();
    }

    /** The fields the reports disagree on (unknown values do not disagree), each with the value counted. */
    public static List<Disagreement> disagreements(List<LinkRecord> reports, LinkRecord representative) {
        Map<String, Function<LinkRecord, String>> fields = new LinkedHashMap<>();
        fields.put("governorate", r -> known(r.governorate()));
        fields.put("district", r -> known(r.district()));
        fields.put("date", CountingRule::dateText);
        fields.put(
                "gender", r -> r.gender() == Gender.UNKNOWN ? null : r.gender().code());
        fields.put("age", r -> r.age() < 0 ? null : Integer.toString(r.age()));
        fields.put(
                "perpetrator",
                r -> r.perpetrator() == PerpetratorCategory.UNKNOWN
                        ? null
                        : r.perpetrator().code());
        fields.put(
                "status",
                r -> r.status() == ReportStatus.UNKNOWN ? null : r.status().code());
        List<Disagreement> out = new ArrayList<>();
        fields.forEach((field, value) -> {
            TreeSet<String> values = new TreeSet<>();
            for (LinkRecord r : reports) {
                String v = value.apply(r);
                if (v != null) {
                    values.add(v);
                }
            }
            if (field.equals("date")) {
                values = withoutCoarserOverlapping(reports);
            }
            if (values.size() > 1) {
                String counted = value.apply(representative);
                out.add(new Disagreement(field, List.copyOf(values), counted == null ? "unknown" : counted));
            }
        });
        return out;
    }

    /** Dates disagree only when their intervals do not overlap: "2013" and "2013-04-22" say the same thing. */
    private static TreeSet<String> withoutCoarserOverlapping(List<LinkRecord> reports) {
        List<LinkRecord> dated =
                reports.stream().filter(r -> r.dateStart() != null).toList();
        boolean apart = false;
        for (int i = 0; i < dated.size() && !apart; i++) {
            for (int j = i + 1; j < dated.size(); j++) {
                LinkRecord a = dated.get(i);
                LinkRecord b = dated.get(j);
                if (PairScorer.gapDays(a.dateStart(), a.dateEnd(), b.dateStart(), b.dateEnd()) > 0) {
                    apart = true;
                    break;
                }
            }
        }
        TreeSet<String> values = new TreeSet<>();
        if (apart) {
            dated.forEach(r -> values.add(dateText(r)));
        }
        return values;
    }

    static String dateText(LinkRecord r) {
        LocalDate d = r.dateStart();
        if (d == null) {
            return null;
        }
        return switch (r.precision()) {
            case YEAR -> Integer.toString(d.getYear());
            case MONTH -> d.toString().substring(0, 7);
            default -> d.toString();
        };
    }

    private static String known(String code) {
        return Place.UNKNOWN.equals(code) ? null : code;
    }

    private static int rank(DatePrecision p) {
        return switch (p) {
            case DAY -> 0;
            case MONTH -> 1;
            case YEAR -> 2;
            case UNKNOWN -> 3;
        };
    }

    private static int completeness(LinkRecord r) {
        int n = 0;
        n += Place.UNKNOWN.equals(r.district()) ? 0 : 1;
        n += r.age() < 0 ? 0 : 1;
        n += r.gender() == Gender.UNKNOWN ? 0 : 1;
        n += r.perpetrator() == PerpetratorCategory.UNKNOWN ? 0 : 1;
        n += r.status() == ReportStatus.UNKNOWN ? 0 : 1;
        return n;
    }
}
