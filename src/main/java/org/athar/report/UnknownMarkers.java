package org.athar.report;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Recognises the ways source files say "not known", so every field treats them alike: blank text,
 * text with no letter or digit ("-", "?"), "unknown" and its Arabic forms, "n/a", the {@code null} and
 * {@code NaN} that spreadsheet exports write for empty cells, and all-zero dates ("0000-00-00").
 * "none" is deliberately not a marker: for an occupation or a perpetrator it is an answer.
 */
public final class UnknownMarkers {

    private static final Set<String> KEYS = Stream.of(
                    "unknown",
                    "unk",
                    "not known",
                    "unspecified",
                    "n/a",
                    "na",
                    "null",
                    "nan",
                    "مجهول",
                    "مجهولة",
                    "غير معروف",
                    "غير معروفة",
                    "غير معلوم",
                    "غير محدد",
                    "غير محددة",
                    "لا يعرف")
            .map(TextFolding::vocabularyKey)
            .collect(Collectors.toUnmodifiableSet());

    // "0000", "0000-00-00", "00/00/0000": placeholders that date pickers and exports write for "no date".
    private static final Pattern ZERO_DATE = Pattern.compile("0{4,}");

    private UnknownMarkers() {}

    /** Whether {@code text} says that the value is not known ({@code null} does too). */
    public static boolean isUnknown(String text) {
        return isUnknownKey(TextFolding.vocabularyKey(text));
    }

    /** As {@link #isUnknown} for text already reduced to its {@link TextFolding#vocabularyKey}. */
    static boolean isUnknownKey(String key) {
        return key.isEmpty() || KEYS.contains(key) || ZERO_DATE.matcher(key).matches();
    }
}
