package org.athar.sharing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a ledger entry records: a package of reports or a withdrawal notice. */
public enum LedgerKind {
    PACKAGE,
    WITHDRAWAL;

    /** {@code package} or {@code withdrawal}, as the API, the manifest and the index hold it. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file name of a sealed package or notice of this kind. */
    public String fileName(String packageId) {
        return "athar-" + code() + "-" + packageId + ".pgp";
    }

    @JsonCreator
    static LedgerKind ofCode(String code) {
        return Arrays.stream(values())
                .filter(k -> k.code().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ledger kind " + code));
    }
}
