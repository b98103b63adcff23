package org.athar.i18n;

/**
 * Keeps left-to-right tokens (batch ids, timestamps, file names, hashes, search operators, numbers with Latin units)
 * whole inside Arabic text: each is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so the browser lays it
 * out on its own and neither reverses it nor moves its punctuation to the other end.
 */
public final class Bidi {

    /** U+2068 FIRST STRONG ISOLATE: the token takes the direction of its own first strong letter. */
    public static final char FSI = '\u2068';
    /** U+2069 POP DIRECTIONAL ISOLATE: ends the isolate. */
    public static final char PDI = '\u2069';

    private Bidi() {}

    /** {@code token} isolated from the text around it; an empty or already isolated token is returned as it is. */
    public static String isolate(String token) {
        if (token == null || token.isEmpty() || isIsolated(token)) {
            return token == null ? "" : token;
        }
        return FSI + token + PDI;
    }

    /**
     * Whether {@code token} needs isolating inside Arabic text: it holds a left-to-right letter (a batch id, a file
     * name, an English word) or a sign, slash, colon or other mark the bidi algorithm would move. Arabic words and
     * plain numbers ("12,345", "14.83") read correctly as they are, so they are left unmarked.
     */
    public static boolean needsIsolation(String token) {
        for (int i = 0; i < token.length(); ) {
            int c = token.codePointAt(i);
            i += Character.charCount(c);
            byte d = Character.getDirectionality(c);
            boolean safe = d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                    || d == Character.DIRECTIONALITY_NONSPACING_MARK
                    || Character.isDigit(c)
                    || Character.isWhitespace(c)
                    || c == ','
                    || c == '.'
                    || c == '\u066B'
                    || c == '\u066C'
                    || c == '\u060C'
                    || c == FSI
                    || c == PDI;
            if (!safe) {
                return true;
            }
        }
        return false;
    }

    static boolean isIsolated(String token) {
        return token.length() >= 2 && token.charAt(0) == FSI && token.charAt(token.length() - 1) == PDI;
    }

    /** The text without isolate marks, for comparing what a user sees with what was typed. */
    public static String strip(String text) {
        return text.replace(String.valueOf(FSI), "").replace(String.valueOf(PDI), "");
    }
}
