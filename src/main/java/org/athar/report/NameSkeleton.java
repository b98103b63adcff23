package org.athar.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Cross-script consonant skeleton of a person's name, so "Mohammad al-Hassan" and "محمد الحسن" share a key. */
public final class NameSkeleton {

    // How the skeleton is built, per word of TextFolding.fold(name):
    //  1. Articles go: a word that is exactly al/el/ul/ال; a Latin sun-letter article (as-, ash-, ad-, ed-,
    //     ar-, an-, at-, az-) when the next word starts with that consonant ("as-Sayed", "Nour ed-Din"); an
    //     Arabic "ال" glued to a word of at least 3 more letters ("الحسن"); a Latin "al"/"el" glued to a word
    //     of at least 3 more letters holding at least 2 consonants ("Alhasan", "Elkhatib"). The Latin test is
    //     stricter because a glued Latin "al" is often عل ("Alaa" علاء, "Alwan" علوان, "Aliyah" عالية).
    //  2. Letters become consonant classes: Arabic emphatics merge with their plain letters (ص→s, ط→t, ض→d,
    //     ظ→z), ث→t, ذ→d, ش→s, خ/ق/ك→k; Latin digraphs sh/ch→s, kh→k, th→t, dh→d, gh→g, ph→f, zh→z, dj→j;
    //     q/c→k, x→ks, p→b, v→f. Vowels and glides are dropped on both sides: a e i o u y w, ا و ي ء ع.
    //     Letters in neither table are kept as they are, so names in other scripts still tell apart.
    //  3. Doubled consonants collapse ("Hassan", "Muhammad"), then one word-final h goes unless it is the only
    //     consonant left: Arabic writes taa marbuta (ة, folded to ه) and final ح where Latin spellings often
    //     write nothing or a silent h ("Fatima"/"Fatimah"/"فاطمة", "Saleh"/"صالح", "Abdullah"/"عبدالله").
    //  4. Words left empty are dropped.
    //
    // Dropping vowels, w and y loses a lot ("Yousef" → "sf", same as "Saif"; "Mohammad" and "Mahmoud" are
    // both "mhmd"; "Omar" and "Amer" both "mr"; "Hasan" and "Hussein" both "hsn"). That is acceptable because
    // a skeleton match only widens recall and ranks below exact and folded matches.
    //
    // Known gaps:
    //  - A compound written as one word does not match the same compound written as two: "Abdulrahman" and
    //    "عبدالرحمن" give "bdlrhmn", "Abd al-Rahman" and "عبد الرحمن" give "bd rhmn", "Abdurrahman" gives
    //    "bdrhmn". Matching token for token, these stay apart.
    //  - Latin digraphs are read greedily, so a t/d/s/k/g that meets an h of its own is misread: "Adham" is
    //    "dm" but "ادهم" is "dhm"; "Ishaq" is "sk" but "اسحاق" is "shk". (Final-h removal rescues "Fathi".)
    //  - Egyptian "g" for ج ("Gamal") and other regional spellings are not recognised.

    private static final Set<String> ARTICLES = Set.of("al", "el", "ul", "ال");

    private static final String ARABIC_ARTICLE = "ال";

    /** Arabic words that start with "ال" without it being the article. */
    private static final Set<String> ARABIC_NOT_ARTICLE = Set.of("الياس"); // Elias / Ilyas

    /** Consonants an assimilated Latin article can stand for: ad-, as-, ash-, at-, ath-, ar-, az-, an-, ed-... */
    private static final String SUN_CONSONANTS = "tdrzsn";

    private NameSkeleton() {}

    /**
     * The space-separated consonant skeletons of the words of {@code name}, in order; the empty string when
     * nothing is left (or for {@code null}).
     */
    public static String of(String name) {
        List<String> words = words(TextFolding.fold(name));
        List<String> skeletons = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : null;
            if (ARTICLES.contains(word) || isAssimilatedArticle(word, next)) {
                continue;
            }
            String skeleton = withoutFinalH(consonants(withoutGluedArticle(word)));
            if (!skeleton.isEmpty()) {
                skeletons.add(skeleton);
            }
        }
        return String.join(" ", skeletons);
    }

    /** Splits folded text into words of letters; quote marks inside a word vanish, anything else separates. */
    private static List<String> words(String folded) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (isIgnorable(c)) {
                continue;
            }
            if (Character.isLetter(c)) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean isIgnorable(char c) {
        int type = Character.getType(c);
        return type == Character.MODIFIER_LETTER // ʿ ʾ ʼ and tatweel
                || type == Character.NON_SPACING_MARK
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION
                || "'`´".indexOf(c) >= 0;
    }

    /** "as" before "Sayed", "ed" before "Din": a Latin article assimilated to the sun letter that follows. */
    private static boolean isAssimilatedArticle(String word, String next) {
        if (next == null
                || word.length() < 2
                || word.length() > 3
                || "aeu".indexOf(word.charAt(0)) < 0
                || !isLatin(word)) {
            return false;
        }
        String consonant = consonants(word.substring(1));
        return consonant.length() == 1
                && SUN_CONSONANTS.contains(consonant)
                && consonants(next).startsWith(consonant);
    }

    private static String withoutGluedArticle(String word) {
        if (word.startsWith(ARABIC_ARTICLE)) {
            String rest = word.substring(ARABIC_ARTICLE.length());
            return rest.length() >= 3 && !ARABIC_NOT_ARTICLE.contains(word) ? rest : word;
        }
        if ((word.startsWith("al") || word.startsWith("el")) && isLatin(word)) {
            String rest = word.substring(2);
            return rest.length() >= 3 && consonants(rest).length() >= 2 ? rest : word;
        }
        return word;
    }

    private static boolean isLatin(String word) {
        return word.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    /** The word's letters as consonant classes, vowels dropped and runs of one consonant collapsed. */
    private static String consonants(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char next = i + 1 < word.length() ? word.charAt(i + 1) : 0;
            String digraph = next == 'h' ? withH(c) : c == 'd' && next == 'j' ? "j" : null;
            if (digraph != null) {
                i++;
            }
            String mapped = digraph != null ? digraph : letter(c);
            for (int j = 0; j < mapped.length(); j++) {
                char m = mapped.charAt(j);
                if (out.length() == 0 || out.charAt(out.length() - 1) != m) {
                    out.append(m);
                }
            }
        }
        return out.toString();
    }

    /** The consonant a Latin letter followed by "h" stands for, or {@code null} if it is no digraph. */
    private static String withH(char c) {
        return switch (c) {
            case 's', 'c' -> "s";
            case 'k' -> "k";
            case 't' -> "t";
            case 'd' -> "d";
            case 'g' -> "g";
            case 'p' -> "f";
            case 'z' -> "z";
            default -> null;
        };
    }

    private static String letter(char c) {
        return switch (c) {
            // Latin
            case 'a', 'e', 'i', 'o', 'u', 'y', 'w' -> "";
            case 'c', 'q' -> "k";
            case 'x' -> "ks";
            case 'p' -> "b";
            case 'v' -> "f";
            // Arabic (after folding: hamza seats are bare alef, ة is ه, ى is ي); repeated here for safety.
            case 'ا', 'أ', 'إ', 'آ', 'ٱ', 'و', 'ؤ', 'ي', 'ى', 'ئ', 'ء', 'ع' -> "";
            case 'ب', 'پ' -> "b";
            case 'ت', 'ث', 'ط' -> "t";
            case 'ج', 'چ' -> "j";
            case 'ح', 'ه', 'ة' -> "h";
            case 'خ', 'ق', 'ك' -> "k";
            case 'د', 'ذ', 'ض' -> "d";
            case 'ر', 'ڕ' -> "r";
            case 'ز', 'ظ', 'ژ' -> "z";
            case 'س', 'ش', 'ص' -> "s";
            case 'غ', 'گ' -> "g";
            case 'ف', 'ڤ' -> "f";
            case 'ل', 'ڵ' -> "l";
            case 'م' -> "m";
            case 'ن' -> "n";
            // Kurdish vowel letters (Hasakeh, Afrin records).
            case 'ۆ', 'ێ', 'ە' -> "";
            default -> String.valueOf(c);
        };
    }

    /** Drops one final h (ة, final ح, silent Latin h) unless it is the word's only consonant. */
    private static String withoutFinalH(String skeleton) {
        return skeleton.length() > 1 && skeleton.endsWith("h")
                ? skeleton.substring(0, skeleton.length() - 1)
                : skeleton;
    }
}
