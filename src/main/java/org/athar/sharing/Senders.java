package org.athar.sharing;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.athar.report.Consent;
import org.athar.security.AuditLog;
import org.athar.security.ClientAddress;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.stereotype.Component;

/** The partner institutions whose signed packages this installation accepts. */
@Component
public class Senders {

    private final SenderStore store;
    private final AuditLog audit;
    private final InstallationKey own;
    private final Clock clock;

    Senders(SenderStore store, InstallationKey own, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.own = own;
        this.clock = clock;
    }

    /** Every sender, by name. */
    public List<Sender> list() {
        return store.senders().stream()
                .sorted(Comparator.comparing(s -> Consent.foldRecipient(s.name())))
                .toList();
    }

    public Optional<Sender> byFingerprint(String fingerprint) {
        if (fingerprint == null) {
            return Optional.empty();
        }
        String wanted = fingerprint.replace(" ", "").toUpperCase(Locale.ROOT);
        return store.senders().stream()
                .filter(s -> s.fingerprint().equals(wanted))
                .findFirst();
    }

    /** The keys of every sender, for {@link OpenPgp#open}. */
    public List<PartnerKey> keys() {
        return store.senders().stream().map(Sender::key).toList();
    }

    /**
     * Registers a sender.
     *
     * @throws RegistrationException naming the field that is wrong (400)
     * @throws RegistrationConflictException when the name or the key is registered already (409)
     */
    public synchronized Sender register(Viewer viewer, String name, String publicKey) {
        viewer.require(Permission.ADMINISTER);
        String checkedName = Registration.name(name);
        PartnerKey key = Registration.key(publicKey);
        if (!key.canSign()) {
            throw new RegistrationException(
                    "publicKey",
                    "publicKey has no key that can sign, so no package from "
                            + "this partner could be verified; ask them for their signing key (GnuPG's primary key signs)");
        }
        if (key.fingerprint().equals(own.fingerprint())) {
            throw new RegistrationException(
                    "publicKey",
                    "publicKey is this installation's own key; register the "
                            + "partner's key (they export it with gpg --armor --export)");
        }
        String folded = Consent.foldRecipient(checkedName);
        List<Sender> all = store.senders();
        if (all.stream().anyMatch(s -> Consent.foldRecipient(s.name()).equals(folded))) {
            throw new RegistrationConflictException("name", "a sender of this name is registered already");
        }
        all.stream()
                .filter(s -> s.fingerprint().equals(key.fingerprint()))
                .findFirst()
                .ifPresent(s -> {
                    throw new RegistrationConflictException(
                            "publicKey",
                            "the key " + key.fingerprint() + " is registered already, as sender '" + s.name() + "'");
                });
        Sender sender = new Sender(
                UUID.randomUUID().toString(),
                checkedName,
                key.armoured(),
                key.fingerprint(),
                clock.instant(),
                viewer.username());
        audit.changedSetting(
                viewer, ClientAddress.current(), "sharing.sender", sender.name() + " (" + sender.fingerprint() + ")");
        store.save(sender);
        return sender;
    }
}
