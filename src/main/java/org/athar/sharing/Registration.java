package org.athar.sharing;

/** Checks shared by recipient and sender registration; each failure names the request field. */
final class Registration {

    static final int MAX_NAME = 200;
    static final int MAX_CONTACT = 500;

    private Registration() {}

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new RegistrationException(
                    "name", "name is required: the partner's name as reports' share_with " + "names it (e.g. IIMP)");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new RegistrationException("name", "name must be one line of at most " + MAX_NAME + " characters");
        }
        if (stripped.contains(";")) {
            throw new RegistrationException(
                    "name", "name must not contain ';': share_with separates recipient names with it");
        }
        return stripped;
    }

    static String contact(String contact) {
        String stripped = contact == null ? "" : contact.strip();
        if (stripped.length() > MAX_CONTACT) {
            throw new RegistrationException("contact", "contact must be at most " + MAX_CONTACT + " characters");
        }
        return stripped;
    }

    static PartnerKey key(String publicKey) {
        try {
            return PartnerKey.parse(publicKey);
        } catch (InvalidPartnerKeyException e) {
            throw new RegistrationException("publicKey", "publicKey: " + e.getMessage());
        }
    }
}
