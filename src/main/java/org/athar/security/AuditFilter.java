package org.athar.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which audit entries to read: each part that is present must match (user and client address exactly); the time
 * range includes {@code from} and excludes {@code to}.
 */
public record AuditFilter(
        Optional<String> user,
        Optional<AuditAction> action,
        Optional<AuditEntry.Outcome> outcome,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<String> clientAddress) {

    public AuditFilter {
        user = user.map(String::strip).filter(u -> !u.isEmpty());
        clientAddress = clientAddress.map(String::strip).filter(a -> !a.isEmpty());
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException(
                    "the audit filter's start " + from.get() + " is after its end " + to.get() + "; swap them");
        }
    }

    public static AuditFilter all() {
        return new AuditFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** The filter as the short texts of an audit entry's details (for the entry that records an export of the log). */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        user.ifPresent(u -> out.put("filter_user", u));
        action.ifPresent(a -> out.put("filter_action", a.code()));
        outcome.ifPresent(o -> out.put("filter_outcome", o.code()));
        from.ifPresent(f -> out.put("filter_from", f.toString()));
        to.ifPresent(t -> out.put("filter_to", t.toString()));
        clientAddress.ifPresent(a -> out.put("filter_client_address", a));
        return out;
    }
}
