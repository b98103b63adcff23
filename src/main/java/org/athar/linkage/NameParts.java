package org.athar.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.athar.report.NameSkeleton;
import org.athar.report.TextFolding;

/**
 * A written name cut into the parts linkage compares (first, father's, grandfather's, family name), each as one
 * cross-script skeleton word, whatever the script and the way it is written:
 *
 * <ul>
 *   <li>compounds are one part whether written as one word or two: "Abd al-Rahman", "Abdulrahman", "Abdul Rahman",
 *       "Abd-ur-Rahman", "عبد الرحمن", "عبدالرحمن" are all {@code bdrhmn}; "Nur al-Din", "Nureddin", "نور الدين" are
 *       {@code nrdn}; "Abdullah", "Abd Allah", "عبد الله" are {@code bdl};
 *   <li>the connectors of a lineage go: "Ahmad bin Khalid bin Omar" and "أحمد بن خالد بن عمر" are read as "Ahmad
 *       Khalid Omar";
 *   <li>a kunya ("Abu Khalil", "أبو خليل") beside the given names is not a part, unless it is the family name
 *       (written last) or nothing else would be left;
 *   <li>a family name's article goes whether glued or written apart: "Al-Halabi", "al Halabi", "el-Halabi",
 *       "Halabi", "الحلبي", "حلبي" are all {@code hlb}.
 * </ul>
 *
 * {@link NameSkeleton} (shared with Search's stored keys, so not changed here) makes each part's skeleton, except
 * that a Latin spelling of a {@link KnownNames known name} takes the skeleton of that name's Arabic letters, where
 * the transliteration loses a letter the skeleton keeps ("Moaz" {@code mz}, معاذ {@code md}). The parts
 * are cut from the folded words first, because a skeleton alone cannot tell "Abdul Karim" (one name) from "Abdullah
 * Karim" (two): both would be {@code bdl krm}.
 */
final class NameParts {

    /** "bin", "ibn", "bint" and their Arabic letters: "son/daughter of" between two names of a lineage. */
    private static final Set<String> CONNECTORS = Set.of("bin", "ben", "ibn", "bint", "بن", "ابن", "بنت");

    /** Articles written as a word of their own; the assimilated Latin ones (ar-, as-, ed-) are tested apart. */
    private static final Set<String> ARTICLES = Set.of("al", "el", "ul", "ال");

    /** "Abu" of a kunya, as written. */
    private static final Set<String> ABU = Set.of("abu", "abou", "abo", "ابو");

    /** Latin "al-Din" written as one word ("Nur ed-Din" is also written "Nureddin"). */
    private static final Set<String> DIN_GLUED = Set.of(
            "eddin", "eddine", "uddin", "uddine", "addin", "iddin", "aldin", "eldin", "uldin", "eddeen", "uddeen",
            "aldeen", "eldeen");

    /** "Abul", "Aboul", "Abol": Abu with the article, alone or glued to the name ("Abulkhair"). */
    private static final Pattern ABUL = Pattern.compile("ab[ou]u?l");

    private static final Set<String> DIN = Set.of("din", "deen", "dine", "الدين");

    private NameParts() {}

    /** The skeleton word of each part of {@code name}, in order; empty for a blank name. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (Part part : parts(name)) {
            String skeleton = skeleton(part.text());
            if (!skeleton.isEmpty()) {
                out.add(
                        arabic(part.text())
                                ? skeleton
                                : KnownNames.arabic(part.latinKey())
                                        .map(NameParts::skeleton)
                                        .orElse(skeleton));
            }
        }
        return out;
    }

    /**
     * The spelling key of each part, word for word beside {@link #words(String)}: for a part in Arabic letters its
     * skeleton with the long vowels kept ({@link #arabicKey(String)}), for a Latin spelling of a {@link KnownNames known name} the
     * key of that name's Arabic letters, and {@code ""} when the spelling is unknown. Empty when no part has a key.
     */
    static List<String> keys(String name) {
        List<String> out = new ArrayList<>();
        boolean known = false;
        for (Part part : parts(name)) {
            if (skeleton(part.text()).isEmpty()) {
                continue;
            }
            String key = arabic(part.text())
                    ? arabicKey(part.text())
                    : KnownNames.arabic(part.latinKey())
                            .map(NameParts::arabicKey)
                            .orElse("");
            known |= !key.isEmpty();
            out.add(key);
        }
        return known ? out : List.of();
    }

    /**
     * The key of a part in Arabic letters: its skeleton with the long vowels kept as {@code a}, {@code w}, {@code y}
     * (letters a skeleton never holds), so محمد/محمود, حسن/حسين, عمر/عامر, سمر/سامر differ. An alef before ل is
     * left out, so an article glued inside a compound (عبدالله, عبدالرحمن) reads as written apart.
     */
    static String arabicKey(String arabic) {
        StringBuilder marked = new StringBuilder(TextFolding.fold(arabic));
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            boolean beforeLam = i + 1 < marked.length() && marked.charAt(i + 1) == 'ل';
            marked.setCharAt(i, c == 'ي' ? 'ψ' : c == 'و' ? 'ω' : c == 'ا' && !beforeLam ? 'α' : c);
        }
        // Greek letters survive NameSkeleton as they are; readable Latin letters once the skeleton is made.
        return skeleton(marked.toString()).replace('ψ', 'y').replace('ω', 'w').replace('α', 'a');
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

    /** One part of a name: the folded words that make it ("abd", "al", "rahman"), and whether it is "Abu X". */
    private record Part(List<String> words, boolean abu) {

        String text() {
            return String.join(" ", words);
        }

        /** The Latin words without articles, run together: how {@link KnownNames} looks a spelling up. */
        String latinKey() {
            StringBuilder key = new StringBuilder();
            for (String w : words) {
                if (!ARTICLES.contains(w)) {
                    key.append(w);
                }
            }
            return key.toString();
        }
    }

    /**
     * The skeletons of a part's words run together, "Abdul-" compounds without the article's l, a letter doubled
     * where two words meet written once ("Abdur Rahman" as "Abdurrahman").
     */
    private static String skeleton(String partText) {
        String joined = NameSkeleton.of(partText).replace(" ", "");
        if (joined.startsWith("bdl") && joined.length() > 4) {
            joined = "bd" + joined.substring(3);
        }
        StringBuilder once = new StringBuilder(joined.length());
        for (int i = 0; i < joined.length(); i++) {
            if (i == 0 || joined.charAt(i) != joined.charAt(i - 1)) {
                once.append(joined.charAt(i));
            }
        }
        return once.toString();
    }

    private static List<Part> parts(String name) {
        List<String> w = folded(name);
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < w.size()) {
            if (CONNECTORS.contains(w.get(i)) && !parts.isEmpty() && i + 1 < w.size()) {
                i++;
                continue;
            }
            List<String> part = new ArrayList<>(3);
            i = articles(w, i, part);
            String head = w.get(i++);
            boolean abu = ABU.contains(head) && i < w.size();
            part.add(head);
            if ((abu || compoundHead(head, i < w.size() ? w.get(i) : null)) && i < w.size()) {
                i = articles(w, i, part);
                part.add(w.get(i++));
            }
            i = din(w, i, part);
            parts.add(new Part(part, abu));
        }
        return withoutKunya(parts);
    }

    /** Adds the articles standing before a word to {@code part}; the index of the word they stand before. */
    private static int articles(List<String> w, int i, List<String> part) {
        while (i + 1 < w.size() && isArticle(w.get(i), w.get(i + 1))) {
            part.add(w.get(i++));
        }
        return i;
    }

    private static boolean isArticle(String word, String next) {
        if (ARTICLES.contains(word)) {
            return true;
        }
        // "ar-Rahman", "as-Sayed", "ed-Din": a Latin article assimilated to the sun letter that follows.
        if (word.length() < 2 || word.length() > 3 || "aeu".indexOf(word.charAt(0)) < 0 || !latin(word)) {
            return false;
        }
        String consonant = NameSkeleton.of(word.substring(1));
        return consonant.length() == 1
                && "tdrzsn".contains(consonant)
                && NameSkeleton.of(next).startsWith(consonant);
    }

    /**
     * Whether a word is the "Abd" of a compound that goes on in the next word: "Abd", "عبد", "العبد", the Latin
     * "Abdul", "Abdel", and "Abdur"/"Abdus" before a word starting with that letter ("Abdur Rahman").
     */
    private static boolean compoundHead(String word, String next) {
        if (next == null) {
            return false;
        }
        if (word.equals("abd") || word.equals("عبد") || word.equals("العبد")) {
            return true;
        }
        if (!latin(word) || !word.startsWith("abd") || word.length() < 5 || word.length() > 6) {
            return false;
        }
        char last = word.charAt(word.length() - 1);
        boolean vowels = word.substring(3, word.length() - 1).chars().allMatch(c -> "aeiou".indexOf(c) >= 0);
        return vowels && (last == 'l' || ("tdrzsn".indexOf(last) >= 0 && next.charAt(0) == last));
    }

    /** Adds a following "al-Din" to the part ("Nur al-Din", "نور الدين"); the index after it. */
    private static int din(List<String> w, int i, List<String> part) {
        if (i < w.size() && (DIN_GLUED.contains(w.get(i)) || w.get(i).equals("الدين"))) {
            part.add("din");
            return i + 1;
        }
        if (i + 1 < w.size() && isArticle(w.get(i), w.get(i + 1)) && DIN.contains(w.get(i + 1))) {
            part.add("din");
            return i + 2;
        }
        return i;
    }

    /**
     * Drops a kunya ("Abu Khalil") written beside the given names. An "Abu X" written last is a family name (Abu
     * Zaid) and stays. One written first stays unless three parts follow: "أبو الخير مريم جمال" is more likely the
     * family name written first than a kunya before two names. Nor does a kunya go when fewer than two parts would be
     * left.
     */
    private static List<Part> withoutKunya(List<Part> parts) {
        List<Part> out = new ArrayList<>(parts.size());
        int n = parts.size();
        for (int i = 0; i < n; i++) {
            Part p = parts.get(i);
            boolean kunya = p.abu() && i < n - 1 && n - 1 >= (i == 0 ? 3 : 2);
            if (!kunya) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The folded words of a name; a Latin word glued to "al-Din" ("Nuraldin") or to "Abul" ("Abulkhair") and an
     * Arabic word glued to "الدين" ("نورالدين") are cut in two, as they are written more often.
     */
    private static List<String> folded(String name) {
        List<String> out = new ArrayList<>();
        for (String word : TextFolding.fold(name).split("[^\\p{L}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.length() > 6 && word.endsWith("الدين")) {
                out.add(word.substring(0, word.length() - 5));
                out.add("الدين");
            } else if (latin(word) && word.length() >= 7 && ABUL.matcher(word).lookingAt()) {
                out.add("abu");
                out.add(word.substring(word.indexOf('l') + 1));
            } else if (latin(word) && ABUL.matcher(word).matches()) {
                out.add("abu");
            } else if (latin(word) && dinSuffix(word) > 0) {
                out.add(word.substring(0, dinSuffix(word)));
                out.add(word.substring(dinSuffix(word)));
            } else {
                out.add(word);
            }
        }
        return out;
    }

    /** Where a Latin "-eddin" glued to a name of at least three letters starts ("Nureddin"), or 0. */
    private static int dinSuffix(String word) {
        for (String suffix : DIN_GLUED) {
            if (word.length() >= suffix.length() + 3 && word.endsWith(suffix)) {
                return word.length() - suffix.length();
            }
        }
        return 0;
    }

    private static boolean arabic(String text) {
        return text.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    }

    private static boolean latin(String word) {
        return word.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }
}
