package org.athar.sharing;

import java.util.LinkedHashMap;
import java.util.Map;

/** The details of a sharing audit entry: what was done to which package for whom, never a report or a name. */
final class SharingAudit {

    private SharingAudit() {}

    static Map<String, String> details(String step, SharePackage p) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("step", step);
        details.put("package_id", p.packageId());
        details.put("kind", p.kind().code());
        details.put("recipient", p.recipient());
        details.put("recipient_fingerprint", p.recipientFingerprint());
        if (p.filter() != null && !p.filter().isEmpty()) {
            details.put("filter", p.filter());
        }
        details.put("reports", Long.toString(p.reports()));
        p.digest().ifPresent(d -> details.put("sha256", d));
        return details;
    }

    /** A step refused or failed before any package existed (unknown recipient, ids never sent). */
    static Map<String, String> refused(String step, String recipient, String reason) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("step", step);
        details.put("recipient", recipient == null ? "" : recipient);
        details.put("reason", reason);
        return details;
    }
}
