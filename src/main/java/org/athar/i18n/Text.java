package org.athar.i18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A text that is read later, in the reader's language: a bundle key and its arguments (an argument may itself be a
 * {@code Text}, rendered in the same language). Features that cannot know who will read a message (the import
 * validator, the import's stop reasons) return one of these; {@link #english()} is the wording for logs and the API.
 */
public record Text(String key, List<Object> args) {

    public Text {
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /** This text in {@code locale}, without bidi marks (for files and logs; the UI isolates its arguments). */
    public String in(Locale locale) {
        return Messages.format(key, locale, false, args.toArray());
    }

    public String english() {
        return in(Messages.ENGLISH);
    }

    /**
     * This text as plain JSON values ({@code {"key": …, "args": [string | number | nested text]}}), to be stored
     * with what it describes and read back by {@link #fromMap}; other arguments are stored as their string.
     */
    public Map<String, Object> toMap() {
        List<Object> plain = args.stream()
                .map(a -> a instanceof Text t
                        ? t.toMap()
                        : a instanceof Number || a instanceof String ? a : String.valueOf(a))
                .toList();
        return Map.of("key", key, "args", plain);
    }

    /** A text stored by {@link #toMap}, if {@code stored} is one. */
    public static Optional<Text> fromMap(Object stored) {
        if (!(stored instanceof Map<?, ?> map) || !(map.get("key") instanceof String key)) {
            return Optional.empty();
        }
        List<Object> args = new ArrayList<>();
        if (map.get("args") instanceof List<?> list) {
            for (Object a : list) {
                args.add(
                        a instanceof Map<?, ?>
                                ? fromMap(a).map(Object.class::cast).orElse("")
                                : a == null ? "" : a);
            }
        }
        return Optional.of(new Text(key, args));
    }
}
