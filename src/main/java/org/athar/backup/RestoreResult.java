package org.athar.backup;

import java.util.List;
import java.util.Optional;

/**
 * What a restore did: the indices it replaced, the safety snapshot that undoes it, the live indices it kept on
 * purpose (users, audit) and where the backup's audit log went if it was asked for.
 */
public record RestoreResult(
        String name,
        String safetySnapshot,
        List<String> restoredIndices,
        List<String> kept,
        Optional<String> auditCopy,
        long reports) {}
