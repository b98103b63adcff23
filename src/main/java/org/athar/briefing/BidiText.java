package org.athar.briefing;

import java.util.ArrayList;
import java.util.List;

/**
 * The direction of each paragraph of a briefing and of the runs inside it. A paragraph reads in the direction of its
 * first strong letter (as HTML's {@code dir="auto"}), so an English sentence in an Arabic briefing is a left-to-right
 * paragraph and keeps its full stop at its end; a paragraph with no letter takes the briefing's direction. Inside a
 * right-to-left paragraph, Latin words form left-to-right runs of their own (Word needs {@code w:rtl} off on them).
 */
final class BidiText {

    /** A stretch of one direction inside a paragraph. */
    record Run(String text, boolean rightToLeft) {}

    private BidiText() {}

    /** Whether {@code text} is a right-to-left paragraph; {@code fallback} when it has no strong letter. */
    static boolean rightToLeft(String text, boolean fallback) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return fallback;
    }

    /**
     * The runs of a paragraph: each left-to-right run goes from a Latin letter to the last Latin letter before the
     * next Arabic one (spaces and punctuation between Latin words stay inside it); everything else, digits and the
     * punctuation around Latin words included, is right-to-left. A text without Latin letters is one run.
     */
    static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (strongLeft(cp)) {
                int end = i;
                int j = i;
                while (j < text.length()) {
                    int c = text.codePointAt(j);
                    if (strongRight(c)) {
                        break;
                    }
                    if (strongLeft(c)) {
                        end = j + Character.charCount(c);
                    }
                    j += Character.charCount(c);
                }
                if (i > start) {
                    runs.add(new Run(text.substring(start, i), true));
                }
                runs.add(new Run(text.substring(i, end), false));
                start = end;
                i = end;
            } else {
                i += Character.charCount(cp);
            }
        }
        if (start < text.length()) {
            runs.add(new Run(text.substring(start), true));
        }
        return runs;
    }

    private static boolean strongLeft(int cp) {
        return Character.getDirectionality(cp) == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
    }

    private static boolean strongRight(int cp) {
        byte d = Character.getDirectionality(cp);
        return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }
}
