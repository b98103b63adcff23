package org.athar.linkage;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a pair of reports with a {@link LinkageModel}: its match weight is the prior log-odds plus, per comparison,
 * the partial weight log2(m/u) of the level the pair shows; an exact agreement of a name part or of the governorate
 * weighs log2(m / share of that value) instead (rare values are stronger evidence). Every comparison, and the prior,
 * is returned as a {@link Feature}, so a reviewer sees the whole sum. Weights are looked up in tables; {@link
 * #quickScore} allocates nothing.
 */
public final class PairScorer {

    /** An exact agreement never weighs less than this, however common the value. */
    static final double MIN_AGREE = 0.5;
    /** Nor more than this, however rare: a value seen once says little about how rare it really is. */
    static final double MAX_AGREE = 12.0;

    static final String MISSING = "missing";
    static final String PRIOR = "prior";
    static final String TOGETHER = "names_together";
    static final String SHARED = "shared_by_others";

    private final LinkageModel model;
    private final NameFrequencies frequencies;
    private final double prior;
    private final double[][] weights;
    private final double[] agreeM;

    public PairScorer(LinkageModel model, NameFrequencies frequencies) {
        this.model = model;
        this.frequencies = frequencies;
        this.prior = model.priorWeight();
        this.weights = new double[Comparison.COUNT][];
        this.agreeM = new double[Comparison.COUNT];
        for (Comparison c : Comparison.ALL) {
            weights[c.ordinal()] = new double[c.size()];
            for (int l = 0; l < c.size(); l++) {
                weights[c.ordinal()][l] = model.weight(c, l);
            }
            agreeM[c.ordinal()] = model.m(c, 0);
        }
    }

    /** The scorer of the built-in default model. */
    public PairScorer(NameFrequencies frequencies) {
        this(LinkageModel.DEFAULT, frequencies);
    }

    public LinkageModel model() {
        return model;
    }

    public ScoredPair score(LinkRecord a, LinkRecord b) {
        // Always in the order of the report ids: reading a name against the other's word orders is not symmetric,
        // and a pair must score the same whichever report came first.
        if (a.id().compareTo(b.id()) > 0) {
            return score(b, a);
        }
        List<Feature> features = new ArrayList<>(Comparison.COUNT + 1);
        double total = total(a, b, features);
        return new ScoredPair(a, b, round(total), features);
    }

    /** The match weight alone, without building the explanation: what blocking calls for every compared pair. */
    public double quickScore(LinkRecord a, LinkRecord b) {
        return a.id().compareTo(b.id()) > 0 ? round(total(b, a, null)) : round(total(a, b, null));
    }

    private double total(LinkRecord a, LinkRecord b, List<Feature> out) {
        if (out != null) {
            out.add(new Feature(PRIOR, PRIOR, "", "", round(prior)));
        }
        double total = prior + names(a, b, out);
        total += plain(
                Comparison.GENDER,
                PairLevels.gender(a.gender(), b.gender()),
                a.gender().code(),
                b.gender().code(),
                out);
        // The texts of ages and dates only for an explanation: blocking scores millions of pairs without one.
        boolean explain = out != null;
        total += plain(
                Comparison.AGE,
                PairLevels.age(a.age(), b.age()),
                explain ? ageText(a) : null,
                explain ? ageText(b) : null,
                out);
        total += plain(
                Comparison.DATE,
                PairLevels.date(a, b),
                explain ? dateText(a) : null,
                explain ? dateText(b) : null,
                out);
        total += place(Comparison.GOVERNORATE, a.governorate(), b.governorate(), out);
        total += place(Comparison.DISTRICT, a.district(), b.district(), out);
        total += plain(
                Comparison.PERPETRATOR,
                PairLevels.perpetrator(a.perpetrator(), b.perpetrator()),
                a.perpetrator().code(),
                b.perpetrator().code(),
                out);
        total += plain(
                Comparison.STATUS,
                PairLevels.status(a.status(), b.status()),
                a.status().code(),
                b.status().code(),
                out);
        total += plain(Comparison.SOURCE, PairLevels.source(a.source(), b.source()), a.source(), b.source(), out);
        return total;
    }

    private double plain(Comparison c, int level, String a, String b, List<Feature> out) {
        double w = level < 0 ? 0 : weights[c.ordinal()][level];
        if (out != null) {
            out.add(new Feature(c.code, level < 0 ? MISSING : c.levels.get(level), a, b, round(w)));
        }
        return w;
    }

    /**
     * Governorate or district: an agreement weighs log2(m / share of that place), so agreeing on a crowded city
     * district is weaker evidence than on a small one.
     */
    private double place(Comparison c, String a, String b, List<Feature> out) {
        int level = PairLevels.code(a, b);
        if (level != Comparison.AGREE) {
            return plain(c, level, a, b, out);
        }
        double share = c == Comparison.GOVERNORATE ? frequencies.governorateShare(a) : frequencies.districtShare(a);
        double w = agreement(c, share);
        if (out != null) {
            out.add(new Feature(c.code, "agree", a, b, round(w)));
        }
        return w;
    }

    /** log2(m / share of the value), bounded; log2(m/u) while the value's share is unknown. */
    private double agreement(Comparison c, double share) {
        if (Double.isNaN(share)) {
            return weights[c.ordinal()][Comparison.AGREE];
        }
        double w = LinkageModel.log2(agreeM[c.ordinal()] / share);
        return Math.max(MIN_AGREE, Math.min(MAX_AGREE, w));
    }

    private double names(LinkRecord a, LinkRecord b, List<Feature> out) {
        int reading = NameComparison.best(a, b);
        if (reading == NameComparison.NONE) {
            if (out != null) {
                out.add(new Feature("name", MISSING, "", "", 0));
            }
            return 0;
        }
        List<String> x = NameComparison.spelling(a, NameComparison.spellingA(reading), false);
        List<String> y = NameComparison.spelling(b, NameComparison.spellingB(reading), false);
        boolean vowels = NameComparison.spellingA(reading) == 0
                && NameComparison.spellingB(reading) == 0
                && !a.vowels().isEmpty()
                && !b.vowels().isEmpty();
        int order = NameComparison.order(reading);
        double total = 0;
        double[] partWeights = new double[3];
        for (int part = 0; part < 3; part++) {
            Comparison c = Comparison.ALL[part];
            int level = NameComparison.level(reading, part);
            int xi = NameComparison.index(x.size(), 0, part);
            int yi = NameComparison.index(y.size(), order, part);
            String xw = xi < 0 ? "" : x.get(xi);
            String yw = yi < 0 ? "" : y.get(yi);
            double w;
            if (level == Comparison.AGREE) {
                w = agreement(c, part == 2 ? frequencies.familyShare(xw) : frequencies.givenShare(xw));
            } else {
                w = level < 0 ? 0 : weights[part][level];
            }
            total += w;
            partWeights[part] = w;
            if (out != null) {
                boolean spelt = level == Comparison.CLOSE && vowels && xw.equals(yw);
                out.add(new Feature(
                        c.code,
                        level < 0 ? MISSING : c.levels.get(level),
                        spelt ? readable(a.vowels().get(xi)) : xw,
                        spelt ? readable(b.vowels().get(yi)) : yw,
                        round(w)));
            }
        }
        total += together(x, reading, partWeights, out);
        int orderLevel = order == 0 ? 0 : 1;
        double w = weights[Comparison.NAME_ORDER.ordinal()][orderLevel];
        if (out != null) {
            out.add(new Feature(
                    Comparison.NAME_ORDER.code,
                    Comparison.NAME_ORDER.levels.get(orderLevel),
                    String.join(" ", x),
                    String.join(" ", y),
                    round(w)));
        }
        return total + w;
    }

    /**
     * Name parts that agree together (at least two) are weighed as one combination when other reports share it: the
     * parts' weights added assume independent coincidences, but brothers share a father's and family name and
     * namesakes all three. The combination weighs log2(product of the parts' m / share of the other reports that
     * carry it) when that is less; the correction is a feature of its own, so the sum stays explained.
     */
    private double together(List<String> x, int reading, double[] partWeights, List<Feature> out) {
        double m = 1;
        double sum = 0;
        int agreeing = 0;
        String[] parts = new String[3];
        for (int part = 0; part < 3; part++) {
            int xi = NameComparison.index(x.size(), 0, part);
            if (NameComparison.level(reading, part) == Comparison.AGREE && xi >= 0) {
                parts[part] = x.get(xi);
                m *= agreeM[part];
                sum += partWeights[part];
                agreeing++;
            }
        }
        if (agreeing < 2) {
            return 0;
        }
        double share = frequencies.sharedShare(parts[0], parts[1], parts[2]);
        if (Double.isNaN(share) || share == 0) {
            return 0;
        }
        double joint = Math.max(MIN_AGREE, LinkageModel.log2(m / share));
        if (joint >= sum) {
            return 0;
        }
        if (out != null) {
            out.add(new Feature(TOGETHER, SHARED, "", "", round(joint - sum)));
        }
        return joint - sum;
    }

    /** Spelling keys mark long vowels with Greek letters; a reviewer reads them as w and y. */
    private static String readable(String key) {
        return key.replace('ω', 'w').replace('ψ', 'y');
    }

    private static String ageText(LinkRecord r) {
        return r.age() < 0 ? "" : Integer.toString(r.age());
    }

    private static String dateText(LinkRecord r) {
        String text = CountingRule.dateText(r);
        return text == null ? "" : text;
    }

    /** Days between two intervals; 0 when they overlap. */
    static long gapDays(
            java.time.LocalDate s1, java.time.LocalDate e1, java.time.LocalDate s2, java.time.LocalDate e2) {
        return PairLevels.gapDays(s1, e1, s2, e2);
    }

    static double round(double w) {
        return Math.round(w * 100) / 100.0;
    }
}
