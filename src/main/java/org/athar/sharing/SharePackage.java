package org.athar.sharing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;

/**
 * A sharing package or withdrawal notice as {@code athar-packages} keeps it: a draft (counts, no file) or a sent one
 * (sealed file, SHA-256, ledger entry). Only drafts change (into sent); the ledger is the record that never does.
 *
 * @param filter the search filters as a query string (without the recipient); empty for a withdrawal
 * @param sha256 of the sealed file, lower-case hex; null for a draft
 * @param reason why reports are withdrawn; null for a package
 * @param sentAt null for a draft
 * @param sentBy null for a draft
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SharePackage(
        String packageId,
        LedgerKind kind,
        PackageState state,
        String recipient,
        String recipientId,
        String recipientFingerprint,
        String filter,
        long reports,
        long withheldNoConsent,
        long withheldUnknownConsent,
        long withheldOtherRecipients,
        String sha256,
        String reason,
        Instant createdAt,
        String createdBy,
        Instant sentAt,
        String sentBy) {

    /** A draft of a package: the counts of a preview, no file yet. */
    static SharePackage draft(
            String packageId, Recipient recipient, String filter, SharePreview preview, Instant at, String by) {
        Withheld w = preview.withheld();
        return new SharePackage(
                packageId,
                LedgerKind.PACKAGE,
                PackageState.DRAFT,
                recipient.name(),
                recipient.id(),
                recipient.fingerprint(),
                filter,
                preview.reports(),
                w.noConsent(),
                w.unknownConsent(),
                w.otherRecipients(),
                null,
                null,
                at,
                by,
                null,
                null);
    }

    /** This package sent: the counts of what was written, the file's digest, who sent it and when. */
    SharePackage sent(PackageContents contents, String digest, Instant at, String by) {
        Withheld w = contents.withheld() == null ? new Withheld(0, 0, 0) : contents.withheld();
        return new SharePackage(
                packageId,
                kind,
                PackageState.SENT,
                recipient,
                recipientId,
                recipientFingerprint,
                filter,
                contents.reports(),
                w.noConsent(),
                w.unknownConsent(),
                w.otherRecipients(),
                digest,
                reason,
                createdAt,
                createdBy,
                at,
                by);
    }

    /** The digest of the sealed file, once sent. */
    public Optional<String> digest() {
        return Optional.ofNullable(sha256);
    }

    /** The name of the sealed file, for the download and the data directory. */
    public String fileName() {
        return kind.fileName(packageId);
    }
}
