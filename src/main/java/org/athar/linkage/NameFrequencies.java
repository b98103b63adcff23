package org.athar.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.athar.report.Place;

/**
 * How often each name skeleton is a first name (or father's name) and a family name among the reports linked, and
 * how many reports each governorate holds. A
 * common name agreeing is weaker evidence than a rare one (Fellegi–Sunter with value-specific frequencies): the
 * weight of an agreement is {@code log2(0.95 / share)}, bounded to {@value #MIN_AGREE}..{@value #MAX_AGREE}.
 */
public final class NameFrequencies {

    static final double MIN_AGREE = 2.0;
    static final double MAX_AGREE = 7.0;
    /**
     * The weight of an agreement while fewer than 100 names are known: that of a name borne by 2 % of persons
     * (log2(0.95 / 0.02)), a common but not the commonest name.
     */
    static final double UNKNOWN_AGREE = 5.5;

    /** Reports per governorate below which chance namesakes need no discount. */
    static final long CROWD = 4_000;

    private final Map<String, Integer> given;
    private final Map<String, Integer> family;
    private final Map<String, Long> governorates;
    private final long names;

    public NameFrequencies(
            Map<String, Integer> given, Map<String, Integer> family, Map<String, Long> governorates, long names) {
        this.given = Map.copyOf(given);
        this.family = Map.copyOf(family);
        this.governorates = Map.copyOf(governorates);
        this.names = names;
    }

    /** No frequencies: every agreement weighs {@value #UNKNOWN_AGREE}. */
    public static NameFrequencies none() {
        return new NameFrequencies(Map.of(), Map.of(), Map.of(), 0);
    }

    /**
     * The discount for chance namesakes: the more reports a governorate holds, the likelier two different persons
     * share a whole name there, so the evidence of names must be that much stronger ({@code log2(n / 4000)} for a
     * governorate of {@code n} reports, 0 below 4,000). For an unknown governorate, the largest governorate's.
     */
    double crowd(String governorateA, String governorateB) {
        long n = Math.max(governorates.getOrDefault(governorateA, 0L), governorates.getOrDefault(governorateB, 0L));
        if (n == 0) {
            n = governorates.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
        return n <= CROWD ? 0 : Math.log((double) n / CROWD) / Math.log(2);
    }

    public Map<String, Long> governorates() {
        return governorates;
    }

    /** Counts the first, father's and family names of {@code records} (from the name as written). */
    public static NameFrequencies of(List<LinkRecord> records) {
        Map<String, Integer> given = new HashMap<>();
        Map<String, Integer> family = new HashMap<>();
        Map<String, Long> governorates = new HashMap<>();
        long names = 0;
        for (LinkRecord r : records) {
            if (!Place.UNKNOWN.equals(r.governorate())) {
                governorates.merge(r.governorate(), 1L, Long::sum);
            }
            List<String> words = r.name();
            if (words.isEmpty()) {
                continue;
            }
            names++;
            given.merge(words.get(0), 1, Integer::sum);
            if (words.size() >= 3) {
                given.merge(words.get(1), 1, Integer::sum);
            }
            if (words.size() >= 2) {
                family.merge(words.get(words.size() - 1), 1, Integer::sum);
            }
        }
        return new NameFrequencies(given, family, governorates, names);
    }

    public Map<String, Integer> given() {
        return given;
    }

    public Map<String, Integer> family() {
        return family;
    }

    public long names() {
        return names;
    }

    double givenWeight(String skeleton) {
        return weight(given.getOrDefault(skeleton, 0), names * 2);
    }

    double familyWeight(String skeleton) {
        return weight(family.getOrDefault(skeleton, 0), names);
    }

    private static double weight(long count, long of) {
        if (of < 100) {
            return UNKNOWN_AGREE;
        }
        double share = Math.max(count, 1) / (double) of;
        return Math.max(MIN_AGREE, Math.min(MAX_AGREE, Math.log(0.95 / share) / Math.log(2)));
    }
}
