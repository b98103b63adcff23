package org.athar.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each name skeleton is a first name (or father's name) and a family name among the reports linked. A
 * common name agreeing is weaker evidence than a rare one (Fellegi–Sunter with value-specific frequencies): the
 * weight of an agreement is {@code log2(0.95 / share)}, bounded to {@value #MIN_AGREE}..{@value #MAX_AGREE}.
 */
public final class NameFrequencies {

    static final double MIN_AGREE = 2.0;
    static final double MAX_AGREE = 7.0;
    /** The weight of an agreement when nothing is known about the name's frequency. */
    static final double UNKNOWN_AGREE = 4.0;

    private final Map<String, Integer> given;
    private final Map<String, Integer> family;
    private final long names;

    public NameFrequencies(Map<String, Integer> given, Map<String, Integer> family, long names) {
        this.given = Map.copyOf(given);
        this.family = Map.copyOf(family);
        this.names = names;
    }

    /** No frequencies: every agreement weighs {@value #UNKNOWN_AGREE}. */
    public static NameFrequencies none() {
        return new NameFrequencies(Map.of(), Map.of(), 0);
    }

    /** Counts the first, father's and family names of {@code records} (from the name as written). */
    public static NameFrequencies of(List<LinkRecord> records) {
        Map<String, Integer> given = new HashMap<>();
        Map<String, Integer> family = new HashMap<>();
        long names = 0;
        for (LinkRecord r : records) {
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
        return new NameFrequencies(given, family, names);
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
