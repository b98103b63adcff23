package org.athar.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an audit entry records; {@link #code()} is what the index, the API and the CSV hold. */
public enum AuditAction {
    SIGN_IN,
    SIGN_OUT,
    SEARCH,
    REPORT_VIEW,
    EXPORT,
    IMPORT,
    USER_CHANGE,
    SETTING_CHANGE,
    BACKUP,
    RESTORE,
    LINK_DECISION,
    RELINK,
    PUBLIC_FIGURES,
    /** A sharing package prepared, sent or downloaded, or a withdrawal notice sent (issue 21). */
    SHARE,
    /** A partner's package or withdrawal notice received, accepted or refused. */
    RECEIVE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code audit.action.<code>}: the label's key in the message bundles. */
    public String messageKey() {
        return "audit.action." + code();
    }

    public static Optional<AuditAction> fromCode(String code) {
        return Arrays.stream(values())
                .filter(a -> a.code().equalsIgnoreCase(code.strip()))
                .findFirst();
    }

    @JsonCreator
    static AuditAction ofCode(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown audit action " + code));
    }
}
