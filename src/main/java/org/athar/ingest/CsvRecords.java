package org.athar.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * Splits CSV text into the original text of each record, quote-aware (a quoted field may span lines). Splitting
 * before parsing keeps one broken record from derailing the rest and keeps its text for the quarantine.
 */
final class CsvRecords {

    /** Longer than any real report; beyond it a record is cut, as an unclosed quote would otherwise eat the file. */
    static final int MAX_CHARS = 1 << 20;

    /** One record's text without its line break, and what is wrong with it, if anything. */
    record Text(String text, Optional<String> problem) {}

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int length;
    private String delimiters = ",;";

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** Fixes the delimiter once the header told which it is; until then both count as field starts. */
    void delimiter(char delimiter) {
        delimiters = String.valueOf(delimiter);
    }

    /** The next record (an empty text for a blank line), or empty at the end of the input. */
    Optional<Text> next() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean inQuotes = false;
        boolean fieldStart = true; // only spaces since the last delimiter: a quote here opens a quoted field
        boolean justClosed = false; // a quote right after a closing quote is an escaped quote ("")
        boolean cut = false;
        int c = read();
        if (c == -1) {
            return Optional.empty();
        }
        for (; c != -1; c = read()) {
            char ch = (char) c;
            if (inQuotes) {
                inQuotes = ch != '"';
                justClosed = ch == '"';
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && peek() == '\n') {
                    read();
                }
                break;
            } else {
                inQuotes = ch == '"' && (fieldStart || justClosed);
                justClosed = false;
                fieldStart = delimiters.indexOf(ch) >= 0 || (fieldStart && (ch == ' ' || ch == '\t'));
            }
            if (text.length() < MAX_CHARS) {
                text.append(ch);
            } else {
                cut = true;
            }
        }
        Optional<String> problem = inQuotes
                ? Optional.of("a quote (\") opens a value that is never closed, so the rest of the file was read as "
                        + "this row; close the quote (or double a quote inside a value: \"\")")
                : cut ? Optional.of("the row is longer than " + MAX_CHARS + " characters") : Optional.empty();
        return Optional.of(new Text(text.toString(), problem));
    }

    private int read() throws IOException {
        if (position == length && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == length && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        length = Math.max(in.read(buffer), 0);
        position = 0;
        return length > 0;
    }
}
