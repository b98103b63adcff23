package org.athar.sharing;

/**
 * Reports matching a package's filters that were held back: no consent, unknown consent, and consent to share with
 * others but not with this recipient.
 */
public record Withheld(long noConsent, long unknownConsent, long otherRecipients) {

    /** Nothing held back (a withdrawal notice). */
    public static final Withheld NONE = new Withheld(0, 0, 0);

    public long total() {
        return noConsent + unknownConsent + otherRecipients;
    }
}
