package org.athar.sharing;

import java.util.Optional;
import org.athar.ingest.ImportResult;

/**
 * What receiving a partner's file did: for a package, the import's result; for a withdrawal notice, how many of the
 * named reports were removed and how many were not held here.
 *
 * @param packageId the package id the sender gave it
 * @param kind {@code package} or {@code withdrawal}
 * @param sender the sender's name as registered here
 * @param filesVerified how many files' sizes and SHA-256 were checked against the manifest
 * @param imported the import of the package's reports (empty for a withdrawal notice)
 * @param removed reports removed by a withdrawal notice
 * @param notHeld ids a withdrawal notice named that were not held here
 */
public record Received(
        String packageId,
        String kind,
        String sender,
        int filesVerified,
        Optional<ImportResult> imported,
        long removed,
        long notHeld) {

    public boolean withdrawal() {
        return imported.isEmpty();
    }
}
