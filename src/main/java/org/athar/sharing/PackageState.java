package org.athar.sharing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a sharing package stands: a draft has counts and no file; a sent one has its sealed file and ledger entry. */
public enum PackageState {
    DRAFT,
    SENT;

    /** {@code draft} or {@code sent}, as the API and the index hold it. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static PackageState ofCode(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown package state " + code));
    }
}
