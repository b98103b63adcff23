package org.athar.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.athar.report.Place;

/**
 * How often each name skeleton is a first name (or father's name) and a family name among the reports linked, and
 * how many reports each governorate holds: the term frequencies of the model. A common name agreeing is weaker
 * evidence than a rare one, so an agreement weighs log2(m / share of the value) instead of log2(m / u)
 * ({@link PairScorer}).
 */
public final class NameFrequencies {

    /** Fewer names than this and a name's share says little: agreements weigh the model's m/u instead. */
    static final long FEW = 100;

    private final Map<String, Integer> given;
    private final Map<String, Integer> family;
    private final Map<String, Long> governorates;
    private final Map<String, Long> districts;
    private final long names;
    /** The name combinations of every report counted; {@link #local} those of the reports a batch compares. */
    private final SharedNames shared;

    private final SharedNames local;

    private final long located;
    private final long placed;

    public NameFrequencies(
            Map<String, Integer> given, Map<String, Integer> family, Map<String, Long> governorates, long names) {
        this(given, family, governorates, Map.of(), names);
    }

    public NameFrequencies(
            Map<String, Integer> given,
            Map<String, Integer> family,
            Map<String, Long> governorates,
            Map<String, Long> districts,
            long names) {
        this(given, family, governorates, districts, names, SharedNames.NONE, SharedNames.NONE);
    }

    NameFrequencies(
            Map<String, Integer> given,
            Map<String, Integer> family,
            Map<String, Long> governorates,
            Map<String, Long> districts,
            long names,
            SharedNames shared,
            SharedNames local) {
        this.shared = shared;
        this.local = local;
        this.given = Map.copyOf(given);
        this.family = Map.copyOf(family);
        this.governorates = Map.copyOf(governorates);
        this.districts = Map.copyOf(districts);
        this.names = names;
        this.located = governorates.values().stream().mapToLong(Long::longValue).sum();
        this.placed = districts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** No frequencies: every agreement weighs the model's m/u. */
    public static NameFrequencies none() {
        return new NameFrequencies(Map.of(), Map.of(), Map.of(), 0);
    }

    public Map<String, Long> governorates() {
        return governorates;
    }

    /** Counts the first, father's and family names of {@code records} (from the name as written). */
    public static NameFrequencies of(List<LinkRecord> records) {
        Map<String, Integer> given = new HashMap<>();
        Map<String, Integer> family = new HashMap<>();
        Map<String, Long> governorates = new HashMap<>();
        Map<String, Long> districts = new HashMap<>();
        long names = 0;
        for (LinkRecord r : records) {
            if (!Place.UNKNOWN.equals(r.governorate())) {
                governorates.merge(r.governorate(), 1L, Long::sum);
            }
            if (!Place.UNKNOWN.equals(r.district())) {
                districts.merge(r.district(), 1L, Long::sum);
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
        return new NameFrequencies(
                given, family, governorates, districts, names, SharedNames.of(records), SharedNames.NONE);
    }

    /**
     * These frequencies, with the name combinations of {@code compared} counted as well: a batch compares its reports
     * with the collection's before the frequencies of the last full re-link have seen them, and a combination the
     * batch shares must not look unshared.
     */
    NameFrequencies withLocal(List<LinkRecord> compared) {
        return new NameFrequencies(given, family, governorates, districts, names, shared, SharedNames.of(compared));
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

    /**
     * The share of a first (or father's) name among first and father's names, at least one in all of them; NaN
     * while too few names are known to tell.
     */
    double givenShare(String skeleton) {
        return share(given.getOrDefault(skeleton, 0), names * 2);
    }

    /** The share of a family name among family names; NaN while too few names are known. */
    double familyShare(String skeleton) {
        return share(family.getOrDefault(skeleton, 0), names);
    }

    /** The share of a governorate among reports whose governorate is known; NaN while too few are known. */
    double governorateShare(String code) {
        return share(governorates.getOrDefault(code, 0L), located);
    }

    /** The share of a district among reports whose district is known; NaN while too few are known. */
    double districtShare(String code) {
        return share(districts.getOrDefault(code, 0L), placed);
    }

    /**
     * The share of reports, besides the two compared, that carry these name parts ({@code null} for a part not in
     * the combination): how often the parts agree together by chance. The parts' own shares multiplied assume that
     * names are drawn independently; names shared within a family (a father's and family name) or by namesakes are
     * far more common together than that. 0 when no other report carries them; NaN while too few names are known.
     */
    double sharedShare(String first, String father, String familyName) {
        if (names < FEW) {
            return Double.NaN;
        }
        int count = Math.max(shared.count(first, father, familyName), local.count(first, father, familyName));
        return Math.max(0, count - 2) / (double) names;
    }

    private static double share(long count, long of) {
        return of < FEW ? Double.NaN : Math.max(count, 1) / (double) of;
    }
}
