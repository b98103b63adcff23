package org.athar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
import org.athar.sharing.InstallationKey;
import org.athar.sharing.Recipient;
import org.athar.sharing.Recipients;
import org.athar.sharing.Sender;
import org.athar.sharing.Senders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/keys|recipients|senders}: this installation's public key and the partners it shares with. */
@RestController
@Tag(
        name = "Partners",
        description = "This installation's OpenPGP key, recipients and senders of packages; needs "
                + "the ADMINISTER permission (role ADMIN)")
class SharingAdminController {

    /** A recipient to register. */
    record NewRecipient(String name, String contact, String publicKey, String fields) {}

    /** A sender to register. */
    record NewSender(String name, String publicKey) {}

    private final InstallationKey key;
    private final Recipients recipients;
    private final Senders senders;
    private final CurrentViewer viewer;

    SharingAdminController(InstallationKey key, Recipients recipients, Senders senders, CurrentViewer viewer) {
        this.key = key;
        this.recipients = recipients;
        this.senders = senders;
        this.viewer = viewer;
    }

    @GetMapping(value = "/api/v1/admin/keys/public", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(
            summary = "This installation's OpenPGP public key",
            description =
                    "ASCII-armoured, to give to partners (gpg --import); the header X-Athar-Fingerprint holds its "
                            + "fingerprint (40 hex digits), to compare with the partner by telephone or in person.")
    ResponseEntity<String> publicKey() {
        viewer.get().require(Permission.ADMINISTER);
        return ResponseEntity.ok()
                .header("X-Athar-Fingerprint", key.fingerprint())
                .contentType(MediaType.TEXT_PLAIN)
                .body(key.publicKeyArmoured());
    }

    @PostMapping(
            value = "/api/v1/admin/recipients",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Register a recipient of packages",
            description = "{\"name\": \"IIMP\", \"contact\": \"...\", \"publicKey\": \"-----BEGIN PGP PUBLIC KEY "
                    + "BLOCK-----...\", \"fields\": \"identity\" | \"pseudonymised\"}: 201 with the recipient; 409 when "
                    + "a recipient of that name exists (names compared as reports' share_with compares them); 400 naming "
                    + "the field for a blank name, a key that is not an ASCII-armoured OpenPGP v4 public key or has no "
                    + "encryption key, or fields other than identity or pseudonymised.")
    ResponseEntity<Recipient> registerRecipient(@RequestBody NewRecipient body) {
        Recipient created =
                recipients.register(viewer.get(), body.name(), body.contact(), body.publicKey(), body.fields());
        return ResponseEntity.created(URI.create("/api/v1/admin/recipients/" + created.id()))
                .body(created);
    }

    @GetMapping(value = "/api/v1/admin/recipients", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every registered recipient, by name")
    List<Recipient> recipients() {
        viewer.get().require(Permission.ADMINISTER);
        return recipients.list();
    }

    @PostMapping(
            value = "/api/v1/admin/senders",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Register a sender whose packages this installation accepts",
            description = "{\"name\": \"Partner\", \"publicKey\": \"-----BEGIN PGP PUBLIC KEY BLOCK-----...\"}: 201 "
                    + "with the sender; 409 when the name or the key is registered already; 400 naming the field for "
                    + "a blank name, a key that is not an ASCII-armoured OpenPGP v4 public key, has no signing key or "
                    + "is this installation's own key.")
    ResponseEntity<Sender> registerSender(@RequestBody NewSender body) {
        Sender created = senders.register(viewer.get(), body.name(), body.publicKey());
        return ResponseEntity.created(URI.create("/api/v1/admin/senders/" + created.id()))
                .body(created);
    }

    @GetMapping(value = "/api/v1/admin/senders", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every registered sender, by name")
    List<Sender> senders() {
        viewer.get().require(Permission.ADMINISTER);
        return senders.list();
    }
}
