package org.athar.linkage;

/**
 * How two name words compare, the one place that decides it: the same cross-script skeleton is an agreement unless
 * both words' spelling keys are known and differ (محمد/محمود have one skeleton but are different names, so they are
 * only close); skeletons one letter apart are close; anything else disagrees. The weights belong to the scorer.
 */
final class NameWords {

    /** The comparison levels of two name words. */
    enum Level {
        AGREE,
        CLOSE,
        DISAGREE
    }

    private NameWords() {}

    /**
     * The level of skeleton words {@code x} and {@code y}; {@code xv}, {@code yv} are their spelling keys (for Arabic
     * letters the skeleton with its long vowels, for a Latin spelling of a {@link KnownNames known name} that name's
     * key), {@code null} or empty when unknown: then the skeleton decides, so an unknown Latin spelling still agrees
     * with the Arabic letters of the same skeleton.
     */
    static Level level(String x, String y, String xv, String yv) {
        if (x.equals(y)) {
            return known(xv) && known(yv) && !xv.equals(yv) ? Level.CLOSE : Level.AGREE;
        }
        return close(x, y) ? Level.CLOSE : Level.DISAGREE;
    }

    private static boolean known(String key) {
        return key != null && !key.isEmpty();
    }

    /** One letter apart (added, dropped or changed) in skeletons of at least four consonants. */
    static boolean close(String x, String y) {
        if (Math.min(x.length(), y.length()) < 4 || Math.abs(x.length() - y.length()) > 1) {
            return false;
        }
        return editDistanceAtMostOne(x, y);
    }

    private static boolean editDistanceAtMostOne(String x, String y) {
        if (x.length() > y.length()) {
            return editDistanceAtMostOne(y, x);
        }
        int i = 0;
        while (i < x.length() && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        if (x.length() == y.length()) {
            return i == x.length() || x.regionMatches(i + 1, y, i + 1, x.length() - i - 1);
        }
        return x.regionMatches(i, y, i + 1, x.length() - i);
    }
}
