package org.athar.linkage;

import java.util.ArrayList;
import java.util.List;

/**
 * Name skeleton words as linkage compares them. Compounds with "Abd" are written as one word or two ("عبد الرحمن",
 * "Abdulrahman", "Abd al-Rahman"); their skeletons are joined into one word so they compare equal: a lone {@code bd}
 * joins the next word, and a word starting {@code bdl} followed by more consonants loses the {@code l} (the article).
 */
final class NameParts {

    private NameParts() {}

    static List<String> normalised(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("bd") && i + 1 < words.size()) {
                w = "bd" + words.get(++i);
            }
            if (w.startsWith("bdl") && w.length() > 4) {
                w = "bd" + w.substring(3);
            }
            out.add(w);
        }
        return out;
    }

    static String first(List<String> w) {
        return w.isEmpty() ? null : w.get(0);
    }

    static String father(List<String> w) {
        return w.size() >= 3 ? w.get(1) : null;
    }

    static String family(List<String> w) {
        return w.size() >= 2 ? w.get(w.size() - 1) : null;
    }
}
