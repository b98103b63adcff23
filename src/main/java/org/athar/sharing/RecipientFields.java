package org.athar.sharing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which fields a recipient receives: the whole report, or a pseudonymised one without names and places. */
public enum RecipientFields {
    IDENTITY,
    PSEUDONYMISED;

    /** The value in JSON, the manifest and the API: {@code identity} or {@code pseudonymised}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value named {@code code} ({@code identity}, {@code pseudonymised}), if it is one. */
    public static Optional<RecipientFields> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip();
        return Arrays.stream(values())
                .filter(f -> f.code().equalsIgnoreCase(wanted))
                .findFirst();
    }

    @JsonCreator
    static RecipientFields fromJson(String code) {
        return parse(code)
                .orElseThrow(
                        () -> new IllegalArgumentException("fields must be identity or pseudonymised, not " + code));
    }
}
