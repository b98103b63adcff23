package org.athar.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The free-text search box parsed into word and phrase clauses, each optionally limited to a field or excluded. */
public record QueryText(List<Clause> clauses) {

    /** Where a clause must match. */
    public enum Field {
        ANY,
        NAME,
        NARRATIVE
    }

    /**
     * One word or quoted phrase, with its text exactly as typed (a phrase has its whitespace collapsed); the caller
     * folds it.
     */
    public record Clause(Field field, String text, boolean phrase, boolean excluded) {

        public Clause {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Field prefixes, matched case-insensitively; {@code الإسم} is the common hamza spelling of {@code الاسم}. */
    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("name:", Field.NAME),
            new Prefix("narrative:", Field.NARRATIVE),
            new Prefix("الاسم:", Field.NAME),
            new Prefix("الإسم:", Field.NAME),
            new Prefix("الرواية:", Field.NARRATIVE));

    private record Prefix(String text, Field field) {}

    public QueryText {
        clauses = List.copyOf(Objects.requireNonNull(clauses, "clauses"));
    }

    /**
     * Parses the search box. Never throws: {@code null} or blank text gives no clauses, and any malformed part
     * (a lone {@code -}, empty quotes, a field prefix with nothing after it) is skipped.
     */
    public static QueryText parse(String q) {
        if (q == null) {
            return new QueryText(List.of());
        }
        return new QueryText(new Parser(withoutDirectionMarks(q)).clauses());
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    /** The clauses a report must match, in typed order. */
    public List<Clause> included() {
        return clauses.stream().filter(c -> !c.excluded()).toList();
    }

    /** The clauses a report must not match, in typed order. */
    public List<Clause> excluded() {
        return clauses.stream().filter(Clause::excluded).toList();
    }

    /**
     * The canonical text of this model, for shareable URLs: clauses in order separated by one space, Latin field
     * prefixes, straight double quotes around phrases. {@code parse(display())} gives back any parsed model.
     */
    public String display() {
        List<String> parts = new ArrayList<>();
        for (Clause c : clauses) {
            String rendered = display(c);
            if (!rendered.isEmpty()) {
                parts.add(rendered);
            }
        }
        return String.join(" ", parts);
    }

    private static String display(Clause c) {
        String text = withoutDirectionMarks(c.text());
        boolean quoted = c.phrase() || !isSafeWord(text, c.field(), c.excluded());
        if (quoted) {
            // A hand-built clause may hold quotes or odd spacing that a phrase cannot carry.
            text = collapseWhitespace(quotesAsSpaces(text));
            if (text.isEmpty()) {
                return "";
            }
        }
        StringBuilder b = new StringBuilder();
        if (c.excluded()) {
            b.append('-');
        }
        switch (c.field()) {
            case NAME -> b.append("name:");
            case NARRATIVE -> b.append("narrative:");
            case ANY -> {}
        }
        return quoted
                ? b.append('"').append(text).append('"').toString()
                : b.append(text).toString();
    }

    /** Whether {@code text} written bare after its minus and prefix parses back as the same word. */
    private static boolean isSafeWord(String text, Field field, boolean excluded) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isSpace(text.charAt(i)) || isQuote(text.charAt(i))) {
                return false;
            }
        }
        if (field == Field.ANY) {
            return prefixAt(text, 0) == null && (excluded || text.charAt(0) != '-');
        }
        return true;
    }

    private static final class Parser {

        private final String s;
        private final List<Clause> out = new ArrayList<>();
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        List<Clause> clauses() {
            while (true) {
                skipSpace();
                if (atEnd()) {
                    return out;
                }
                boolean excluded = false;
                if (s.charAt(pos) == '-') {
                    pos++;
                    if (atEnd() || isSpace(s.charAt(pos))) {
                        continue; // a lone minus, as in "Aleppo - Idlib"
                    }
                    excluded = true;
                }
                Field field = Field.ANY;
                Prefix prefix = prefixAt(s, pos);
                if (prefix != null) {
                    field = prefix.field();
                    pos += prefix.text().length();
                    if (atEnd() || isSpace(s.charAt(pos))) {
                        // "name: Ahmad" still means the name; a prefix with no word of its own after it is dropped.
                        skipSpace();
                        if (atEnd() || s.charAt(pos) == '-' || prefixAt(s, pos) != null) {
                            continue;
                        }
                    }
                }
                term(field, excluded);
            }
        }

        /** A quoted phrase or a bare word, starting at a non-space character. */
        private void term(Field field, boolean excluded) {
            int start;
            if (isQuote(s.charAt(pos))) {
                start = ++pos;
                while (!atEnd() && !isQuote(s.charAt(pos))) {
                    pos++;
                }
                String text = collapseWhitespace(s.substring(start, pos));
                if (!atEnd()) {
                    pos++; // the closing quote; an unterminated phrase runs to the end
                }
                if (!text.isEmpty()) {
                    out.add(new Clause(field, text, true, excluded));
                }
                return;
            }
            start = pos;
            while (!atEnd() && !isSpace(s.charAt(pos)) && !isQuote(s.charAt(pos))) {
                pos++;
            }
            out.add(new Clause(field, s.substring(start, pos), false, excluded));
        }

        private void skipSpace() {
            while (!atEnd() && isSpace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean atEnd() {
            return pos >= s.length();
        }
    }

    private static Prefix prefixAt(String s, int pos) {
        for (Prefix p : PREFIXES) {
            if (s.regionMatches(true, pos, p.text(), 0, p.text().length())) {
                return p;
            }
        }
        return null;
    }

    /** Straight, curly and angle double quotes; any of them closes a phrase opened by any other. */
    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '«' || c == '»' || c == '„';
    }

    private static String quotesAsSpaces(String s) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < b.length(); i++) {
            if (isQuote(b.charAt(i))) {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B';
    }

    /**
     * Drops the invisible bidirectional controls that Arabic text pasted from elsewhere often carries, so that a
     * mark before a minus or a prefix does not hide it.
     */
    private static String withoutDirectionMarks(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean mark = c == '\u200E'
                    || c == '\u200F'
                    || c == '\u061C'
                    || c == '\uFEFF'
                    || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069');
            if (!mark) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String collapseWhitespace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = b.length() > 0;
            } else {
                if (pendingSpace) {
                    b.append(' ');
                    pendingSpace = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }
}
