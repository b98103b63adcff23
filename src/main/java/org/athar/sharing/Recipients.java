package org.athar.sharing;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.athar.report.Consent;
import org.athar.security.AuditLog;
import org.athar.security.ClientAddress;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.stereotype.Component;

/** The partner institutions this installation sends packages to. */
@Component
public class Recipients {

    private final RecipientStore store;
    private final AuditLog audit;
    private final Clock clock;

    Recipients(RecipientStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every recipient, by name. */
    public List<Recipient> list() {
        return store.recipients().stream()
                .sorted(Comparator.comparing(r -> Consent.foldRecipient(r.name())))
                .toList();
    }

    /** The recipient called {@code name}, compared as reports' {@code share_with} is ({@link Consent#foldRecipient}). */
    public Optional<Recipient> byName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String folded = Consent.foldRecipient(name);
        return store.recipients().stream()
                .filter(r -> Consent.foldRecipient(r.name()).equals(folded))
                .findFirst();
    }

    public Optional<Recipient> byId(String id) {
        return store.recipients().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Registers a recipient.
     *
     * @throws RegistrationException naming the field that is wrong (400)
     * @throws RegistrationConflictException when a recipient of that name is registered already (409)
     */
    public synchronized Recipient register(
            Viewer viewer, String name, String contact, String publicKey, String fields) {
        viewer.require(Permission.ADMINISTER);
        String checkedName = Registration.name(name);
        String checkedContact = Registration.contact(contact);
        PartnerKey key = Registration.key(publicKey);
        if (!key.canEncrypt()) {
            throw new RegistrationException(
                    "publicKey",
                    "publicKey has no key that can encrypt, so no package "
                            + "could be sealed for this partner; ask them for a key with an encryption subkey (GnuPG makes "
                            + "one by default)");
        }
        RecipientFields checkedFields = RecipientFields.parse(fields)
                .orElseThrow(() -> new RegistrationException(
                        "fields",
                        "fields must be identity (names included) or pseudonymised (no names, places or narrative)"));
        if (byName(checkedName).isPresent()) {
            throw new RegistrationConflictException(
                    "name",
                    "a recipient of this name is registered already; recipients are told apart by "
                            + "name, as reports' share_with names them");
        }
        Recipient recipient = new Recipient(
                UUID.randomUUID().toString(),
                checkedName,
                checkedContact,
                key.armoured(),
                key.fingerprint(),
                checkedFields,
                clock.instant(),
                viewer.username());
        audit.changedSetting(
                viewer,
                ClientAddress.current(),
                "sharing.recipient",
                recipient.name() + " (" + recipient.fingerprint() + ", "
                        + recipient.fields().code() + ")");
        store.save(recipient);
        return recipient;
    }
}
