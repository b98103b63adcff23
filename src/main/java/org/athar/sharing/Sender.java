package org.athar.sharing;

import java.time.Instant;

/**
 * A partner institution whose signed packages this installation accepts.
 *
 * @param id the registration id (a UUID)
 * @param name the name received reports carry as their {@code source}
 * @param publicKey the partner's ASCII-armoured OpenPGP public key
 * @param fingerprint the 40 upper-case hex digits of that key's fingerprint
 * @param registeredAt when the partner was registered
 * @param registeredBy who registered it
 */
public record Sender(
        String id, String name, String publicKey, String fingerprint, Instant registeredAt, String registeredBy) {

    /** The sender's key, parsed. */
    public PartnerKey key() {
        return PartnerKey.parse(publicKey);
    }
}
