package org.athar.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt (cost 12) for passwords. bcrypt reads only 72 bytes, and Spring refuses longer input, but a password may
 * be 128 characters (256 bytes of Arabic): a password over 72 bytes is first reduced to its SHA-256 (base64, 44
 * bytes), so every character counts. Passwords of up to 72 bytes are plain bcrypt.
 */
final class PasswordHashing implements PasswordEncoder {

    static final int STRENGTH = 12;
    private static final int BCRYPT_MAX_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(STRENGTH);
    private volatile String dummy;

    @Override
    public String encode(CharSequence raw) {
        return bcrypt.encode(fit(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        return raw != null && encoded != null && bcrypt.matches(fit(raw), encoded);
    }

    /**
     * A hash of a random secret, of the same cost as every stored hash: an unknown name is compared against it, so
     * it takes as long as a known one. Made once (two threads may both make one at first; either will do).
     */
    String dummyHash() {
        String hash = dummy;
        if (hash == null) {
            hash = encode(UUID.randomUUID().toString());
            dummy = hash;
        }
        return hash;
    }

    private static String fit(CharSequence raw) {
        byte[] bytes = raw.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return raw.toString();
        }
        try {
            return "sha256:"
                    + Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256; use a standard JDK", e);
        }
    }

    /** SHA-256 in hex, for secrets that are already random (tokens, recovery codes): fast to check, safe to store. */
    static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256; use a standard JDK", e);
        }
    }
}
