package org.athar.sharing;

import java.time.Instant;

/** A partner institution this installation sends packages to, with its OpenPGP public key. */
public record Recipient(
        String id,
        String name,
        String contact,
        String publicKey,
        String fingerprint,
        RecipientFields fields,
        Instant registeredAt,
        String registeredBy) {}
