package org.athar.report;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Folds Arabic and Latin text to the form stored in the {@code *_folded} index fields and used for
 * matching, so that spelling variants (diacritics, hamza seats, taa marbuta, digits) compare equal.
 */
public final class TextFolding {

    // Stateless: Lucene's normaliser only rewrites the array it is given.
    private static final ArabicNormalizer ARABIC = new ArabicNormalizer();

    /** Transliterated articles written as their own word ("Al-Hasakeh", "Deir ez-Zor", "At Tall"). */
    private static final Set<String> LATIN_ARTICLES =
            Set.of("al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "adh", "ez", "ed", "es");

    private static final String ARABIC_ARTICLE = "ال";

    private TextFolding() {}

    /**
     * NFKC, lower case, Latin diacritics and Arabic harakat removed, Arabic letter variants unified,
     * every decimal digit made ASCII, apostrophes removed, hyphens and quotes made spaces, whitespace
     * collapsed. {@code null} folds to the empty string.
     */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // A report's name is folded for its folded field and again for its skeleton, one right after the other:
        // the same string (the same object) folds once.
        String[] last = LAST.get();
        if (last[0] == text) {
            return last[1];
        }
        String folded = folded(text);
        last[0] = text;
        last[1] = folded;
        return folded;
    }

    /** The last text folded on this thread and its folded form. */
    private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

    private static String folded(String text) {
        // NFKC first: it turns Arabic presentation forms, full-width letters and ligatures into base letters.
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        char[] latin = compatible.toCharArray();
        int latinLength = latin.length;
        // Lucene's folding leaves ASCII and the Arabic block as they are, and its per-character switch was the
        // largest cost of an import (narratives are long): only text with other characters goes through it.
        if (needsAsciiFolding(latin)) {
            char[] folded = new char[latin.length * 4]; // Lucene's documented worst case
            latinLength = ASCIIFoldingFilter.foldToASCII(latin, 0, folded, 0, latin.length);
            latin = folded;
        }
        // Lower-case after ASCII folding so that "İ" becomes "i", not "i" plus a combining dot.
        char[] chars =
                new String(latin, 0, latinLength).toLowerCase(Locale.ROOT).toCharArray();
        int length = ARABIC.normalize(chars, chars.length);
        StringBuilder folded = new StringBuilder(length);
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (isPlainLetter(c)) {
                // Most characters of names and narratives: no separator, no mark, no digit (a fast path).
                if (pendingSpace) {
                    folded.append(' ');
                    pendingSpace = false;
                }
                folded.append(unified(c));
                continue;
            }
            if (isSeparator(c)) {
                pendingSpace = folded.length() > 0;
                continue;
            }
            if (isDropped(c)) {
                continue;
            }
            if (pendingSpace) {
                folded.append(' ');
                pendingSpace = false;
            }
            folded.append(unified(c));
        }
        return folded.toString();
    }

    /**
     * The key under which vocabulary entries and place names are matched: the folded text without
     * optional articles (a separate Latin "al", "ar", "as", …; an Arabic "ال" leading a word of at least
     * two more letters) and keeping letters and digits only, so "Al-Hasakeh", "al hasakeh" and "Hasakeh"
     * share a key, as do "الحسكة" and "حسكه". Latin and Arabic spellings are not transliterated into each
     * other: that is what aliases are for.
     */
    public static String vocabularyKey(String text) {
        String[] words = fold(text).split(" ");
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            boolean followedByWord = i < words.length - 1;
            if (followedByWord && LATIN_ARTICLES.contains(word)) {
                continue;
            }
            if (word.startsWith(ARABIC_ARTICLE) && letterCount(word) >= ARABIC_ARTICLE.length() + 2) {
                word = word.substring(ARABIC_ARTICLE.length());
            }
            word.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        }
        return key.toString();
    }

    /** Whether a character outside ASCII and the Arabic block (U+0600–U+06FF) occurs. */
    static boolean needsAsciiFolding(char[] chars) {
        for (char c : chars) {
            if (c >= 0x80 && (c < 0x0600 || c > 0x06FF)) {
                return true;
            }
        }
        return false;
    }

    /** Any decimal digit (Arabic-Indic, Persian, full-width) as its ASCII digit; other characters unchanged. */
    static String asciiDigits(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            ascii.append(asciiDigit(text.charAt(i)));
        }
        return ascii.toString();
    }

    private static char asciiDigit(char c) {
        // No decimal digit lies between ASCII '9' and the Arabic-Indic zero (U+0660).
        return c >= '\u0660' && Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c;
    }

    /** Lower-case ASCII letters and the Arabic letters hamza to yeh: never separators, marks or digits. */
    static boolean isPlainLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '\u0621' && c <= '\u063A') || (c >= '\u0641' && c <= '\u064A');
    }

    static boolean isSeparator(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || c == '-'
                || c == '"'
                || Character.getType(c) == Character.DASH_PUNCTUATION;
    }

    static boolean isDropped(char c) {
        int type = Character.getType(c);
        // Marks left after NFKC are diacritics with no precomposed form: harakat, superscript alef,
        // a combining dot. Format characters are the invisible RLM/LRM/ZWNJ that copy-paste brings.
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT
                || "'`´ʿʾʼʻʹ′".indexOf(c) >= 0;
    }

    private static char unified(char c) {
        return switch (c) {
            case 'ٱ' -> 'ا'; // alef wasla, as in Quranic spellings of names
            // Writers often drop the hamza and type its bare seat (لؤي/لوي, فائز/فايز, رائد/رايد); folding
            // it finds the same person either way, and recall matters more here than the rare word pair
            // told apart only by the hamza.
            case 'ؤ' -> 'و';
            case 'ئ' -> 'ي';
            // Persian/Kurdish keyboards type these for Arabic yaa and kaf (common in Hasakeh records).
            case 'ی' -> 'ي';
            case 'ک' -> 'ك';
            default -> asciiDigit(c);
        };
    }

    private static int letterCount(String word) {
        return (int) word.codePoints().filter(Character::isLetter).count();
    }
}
