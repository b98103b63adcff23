package org.athar.linkage;

import static org.athar.linkage.PairScorer.AGREE;
import static org.athar.linkage.PairScorer.CLOSE;
import static org.athar.linkage.PairScorer.CLOSE_PENALTY;
import static org.athar.linkage.PairScorer.DISAGREE;
import static org.athar.linkage.PairScorer.FAMILY_DISAGREE;
import static org.athar.linkage.PairScorer.FATHER_DISAGREE;
import static org.athar.linkage.PairScorer.FIRST_DISAGREE;
import static org.athar.linkage.PairScorer.MISSING;
import static org.athar.linkage.PairScorer.TRANSPOSED;
import static org.athar.linkage.PairScorer.TRANSPOSED_OUTCOME;
import static org.athar.linkage.PairScorer.add;
import static org.athar.linkage.PairScorer.round;

import java.util.ArrayList;
import java.util.List;

/**
 * The name part of {@link PairScorer}: first, father's and family name compared over both scripts and the usual word
 * orders, each agreement weighted by how rare the name is.
 */
final class NameComparison {

    private final NameFrequencies frequencies;

    NameComparison(NameFrequencies frequencies) {
        this.frequencies = frequencies;
    }

    /** The best reading of the two names over both scripts and the usual word orders. */
    double compare(LinkRecord a, LinkRecord b, List<Feature> out) {
        // Two names both in Arabic letters are compared as written: a Latin reading must not hide that محمد is not
        // محمود.
        boolean arabic = !a.vowels().isEmpty() && !b.vowels().isEmpty();
        List<Spelling> as = arabic ? List.of(new Spelling(a.name(), a.vowels())) : spellings(a);
        List<Spelling> bs = arabic ? List.of(new Spelling(b.name(), b.vowels())) : spellings(b);
        List<Feature> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Spelling x : as) {
            for (Spelling y : bs) {
                for (int order = 0; order < ORDERS; order++) {
                    List<String> yo = reorder(y.words(), order);
                    if (yo == null) {
                        continue;
                    }
                    List<String> yv = y.vowels().isEmpty() ? List.of() : reorder(y.vowels(), order);
                    List<Feature> f = out == null ? null : new ArrayList<>(4);
                    double s = nameParts(x.words(), yo, x.vowels(), yv, f);
                    if (order > 0) {
                        if (f != null) {
                            f.add(new Feature(
                                    "name_order",
                                    TRANSPOSED_OUTCOME,
                                    String.join(" ", x.words()),
                                    String.join(" ", y.words()),
                                    TRANSPOSED));
                        }
                        s += TRANSPOSED;
                    }
                    if (s > bestScore) {
                        bestScore = s;
                        best = f;
                    }
                }
            }
        }
        if (bestScore == Double.NEGATIVE_INFINITY) {
            add(out, new Feature("name", MISSING, "", "", 0));
            return 0;
        }
        if (out != null) {
            out.addAll(best);
        }
        return bestScore;
    }

    /** One way a record's name is written: skeleton words, and for Arabic letters the same words with long vowels. */
    private record Spelling(List<String> words, List<String> vowels) {}

    private static List<Spelling> spellings(LinkRecord r) {
        List<Spelling> out = new ArrayList<>(2);
        if (!r.name().isEmpty()) {
            out.add(new Spelling(r.name(), r.vowels()));
        }
        if (!r.latin().isEmpty() && !r.latin().equals(r.name())) {
            out.add(new Spelling(r.latin(), List.of()));
        }
        return out;
    }

    private static final int ORDERS = 4;

    /** 0: as written; 1: family name written first; 2: family name written last of a family-first name; 3: first and father swapped. */
    private static List<String> reorder(List<String> y, int order) {
        int n = y.size();
        if (order == 0) {
            return y;
        }
        if (n < 2 || (order == 3 && n < 3)) {
            return null;
        }
        List<String> out = new ArrayList<>(y);
        switch (order) {
            case 1 -> out.add(out.remove(0));
            case 2 -> out.add(0, out.remove(n - 1));
            default -> {
                out.set(0, y.get(1));
                out.set(1, y.get(0));
            }
        }
        return out;
    }

    private double nameParts(List<String> x, List<String> y, List<String> xv, List<String> yv, List<Feature> out) {
        boolean vowels = !xv.isEmpty() && !yv.isEmpty();
        double s = part(
                "first_name",
                NameParts.first(x),
                NameParts.first(y),
                vowels ? NameParts.first(xv) : null,
                vowels ? NameParts.first(yv) : null,
                FIRST_DISAGREE,
                true,
                out);
        s += part(
                "father_name",
                NameParts.father(x),
                NameParts.father(y),
                vowels ? NameParts.father(xv) : null,
                vowels ? NameParts.father(yv) : null,
                FATHER_DISAGREE,
                true,
                out);
        s += part(
                "family_name",
                NameParts.family(x),
                NameParts.family(y),
                vowels ? NameParts.family(xv) : null,
                vowels ? NameParts.family(yv) : null,
                FAMILY_DISAGREE,
                false,
                out);
        return s;
    }

    /**
     * One name part. {@code xv}/{@code yv} are the same words with their long vowels when both names are in Arabic
     * letters: the same skeleton with other long vowels (محمد/محمود) is then only {@code close}.
     */
    private double part(
            String code, String x, String y, String xv, String yv, double disagree, boolean given, List<Feature> out) {
        if (x == null || y == null) {
            add(out, new Feature(code, MISSING, nullToEmpty(x), nullToEmpty(y), 0));
            return 0;
        }
        double agree = given ? frequencies.givenWeight(x) : frequencies.familyWeight(x);
        NameWords.Level level = NameWords.level(x, y, xv, yv);
        if (level == NameWords.Level.CLOSE && x.equals(y)) {
            double w = Math.max(0.5, agree - CLOSE_PENALTY);
            add(
                    out,
                    new Feature(
                            code,
                            CLOSE,
                            xv.replace('ω', 'w').replace('ψ', 'y'),
                            yv.replace('ω', 'w').replace('ψ', 'y'),
                            round(w)));
            return w;
        }
        if (level == NameWords.Level.AGREE) {
            add(out, new Feature(code, AGREE, x, y, round(agree)));
            return agree;
        }
        if (level == NameWords.Level.CLOSE) {
            double w = Math.max(
                    0.5,
                    Math.min(agree, given ? frequencies.givenWeight(y) : frequencies.familyWeight(y)) - CLOSE_PENALTY);
            add(out, new Feature(code, CLOSE, x, y, round(w)));
            return w;
        }
        add(out, new Feature(code, DISAGREE, x, y, disagree));
        return disagree;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
