package org.athar.ingest;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a cell value means (a governorate, a status, a date, "unknown"), worked out once per import: a file of a million
 * rows repeats a few thousand such values, and folding and looking each up again was a third of the import's own time.
 * Safe across threads. Only short values are kept, and at most {@link #MAX_ANSWERS} of them; beyond that an answer is
 * worked out each time, so the memory stays bounded whatever the file holds. Kept only for the one import.
 */
final class CellAnswers {

    static final int MAX_ANSWERS = 50_000;

    /** Whether a value says "not known" ({@code UnknownMarkers}), whatever its column. */
    static final String UNKNOWN = "unknown";

    /** A date as parsed against the batch's day, whatever its column. */
    static final String DATE = "date";

    private static final int MAX_VALUE_LENGTH = 64;

    private final ConcurrentHashMap<String, Object> answers = new ConcurrentHashMap<>();

    /** The answer for {@code value} as a cell of {@code kind}: {@code work}'s, which must be a pure function and non-null. */
    @SuppressWarnings("unchecked")
    <T> T of(String kind, String value, Function<String, T> work) {
        if (value.length() > MAX_VALUE_LENGTH) {
            return work.apply(value);
        }
        String key = kind + '\u0000' + value;
        Object known = answers.get(key);
        if (known != null) {
            return (T) known;
        }
        T answer = work.apply(value);
        if (answers.size() < MAX_ANSWERS) {
            answers.putIfAbsent(key, answer);
        }
        return answer;
    }

    int size() {
        return answers.size();
    }
}
