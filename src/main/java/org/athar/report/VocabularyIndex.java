package org.athar.report;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Looks up a vocabulary value by any of its accepted texts, compared by {@link TextFolding#vocabularyKey}. */
final class VocabularyIndex<E extends Enum<E> & Vocabulary> {

    private final Map<String, E> byKey;
    private final E unknown;

    private VocabularyIndex(Map<String, E> byKey, E unknown) {
        this.byKey = Map.copyOf(byKey);
        this.unknown = unknown;
    }

    /**
     * Indexes each value under its code and {@code texts}. Two values sharing a key would make the import
     * guess, so that fails here, when the enum is first used, naming both values.
     */
    static <E extends Enum<E> & Vocabulary> VocabularyIndex<E> of(
            Class<E> type, E unknown, Function<E, List<String>> texts) {
        Map<String, E> byKey = new HashMap<>();
        for (E value : type.getEnumConstants()) {
            for (String text : concat(value.code(), texts.apply(value))) {
                String key = TextFolding.vocabularyKey(text);
                E previous = byKey.putIfAbsent(key, value);
                if (previous != null && previous != value) {
                    throw new IllegalStateException(String.format(
                            Locale.ROOT,
                            "%s: '%s' would match both %s and %s; remove one of the aliases",
                            type.getSimpleName(),
                            text,
                            previous.code(),
                            value.code()));
                }
            }
        }
        return new VocabularyIndex<>(byKey, unknown);
    }

    /** The value {@code text} names; the unknown value for unknown markers; empty when nothing matches. */
    Optional<E> find(String text) {
        // One folding per look-up: it is the costly part, and every vocabulary cell of an import comes here.
        String key = TextFolding.vocabularyKey(text);
        if (UnknownMarkers.isUnknownKey(key)) {
            return Optional.of(unknown);
        }
        return Optional.ofNullable(byKey.get(key));
    }

    /** The value whose code is exactly {@code code}, for reading back what Athar itself wrote. */
    static <E extends Enum<E> & Vocabulary> E byCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants())
                .filter(value -> value.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "'%s' is not a %s code; expected one of %s",
                        code,
                        type.getSimpleName(),
                        Arrays.stream(type.getEnumConstants())
                                .map(Vocabulary::code)
                                .toList())));
    }

    private static List<String> concat(String code, List<String> texts) {
        return Stream.concat(Stream.of(code), texts.stream()).toList();
    }
}
