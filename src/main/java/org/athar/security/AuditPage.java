package org.athar.security;

import java.util.List;

/** A window of the audit log, newest first, and how many entries match the filter in all. */
public record AuditPage(long total, List<AuditEntry> entries) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
