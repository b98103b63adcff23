package org.athar.sharing;

import java.time.Instant;

/**
 * A partner institution this installation sends packages to.
 *
 * @param id the registration id (a UUID); pseudonyms are keyed with it
 * @param name the name reports' {@code share_with} uses for this partner
 * @param contact who to contact there (free text)
 * @param publicKey the partner's ASCII-armoured OpenPGP public key
 * @param fingerprint the 40 upper-case hex digits of that key's fingerprint
 * @param fields whether the partner receives names or pseudonymised reports
 * @param registeredAt when the partner was registered
 * @param registeredBy who registered it
 */
public record Recipient(
        String id,
        String name,
        String contact,
        String publicKey,
        String fingerprint,
        RecipientFields fields,
        Instant registeredAt,
        String registeredBy) {

    /** The recipient's key, parsed. */
    public PartnerKey key() {
        return PartnerKey.parse(publicKey);
    }
}
