package org.athar.sharing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The pseudonym of a report for a pseudonymised recipient: {@code "P-"} and the first 20 characters of the lower-case
 * base32 of HMAC-SHA-256(installation secret, recipient id NUL report document id). Stable for one recipient across
 * packages (so the recipient can update and withdraw), different between recipients (so two recipients cannot join
 * their packages), and not reversible without the secret, which is made at first use and kept in {@code athar-keys}.
 */
@Component
public class Pseudonyms {

    static final int KEY_BYTES = 32;
    private static final String MAC = "HmacSHA256";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int LENGTH = 20;

    private final KeySource source;
    private volatile SecretKeySpec key;

    /** Where the key comes from the first time it is needed. */
    @FunctionalInterface
    private interface KeySource {
        SecretKeySpec load();
    }

    @Autowired
    Pseudonyms(PseudonymKeyStore store, Clock clock) {
        this.source = () -> load(store, clock);
    }

    /** Pseudonyms under a key given as its bytes, without the engine: for the package heap test's forked JVM. */
    Pseudonyms(byte[] key) {
        this.source = () -> secret(key.clone());
    }

    /** The pseudonym of the report stored as {@code docId} for {@code recipient}. */
    public String of(Recipient recipient, String docId) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key());
            byte[] digest = mac.doFinal((recipient.id() + "\u0000" + docId).getBytes(StandardCharsets.UTF_8));
            return "P-" + base32(digest).substring(0, LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "this Java runtime offers no " + MAC + "; run Athar on a standard JDK 17", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = source.load();
                }
                k = key;
            }
        }
        return k;
    }

    private static SecretKeySpec load(PseudonymKeyStore store, Clock clock) {
        try {
            String stored = store.read().orElse(null);
            if (stored == null) {
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                stored = store.keep(Base64.getEncoder().encodeToString(fresh), clock.instant());
            }
            return secret(Base64.getDecoder().decode(stored.strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the pseudonym key could not be read or stored (" + e.getMessage() + "); check the engine", e);
        }
    }

    private static SecretKeySpec secret(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("the pseudonym key in athar-keys is not " + KEY_BYTES
                    + " bytes; restore the index athar-keys from a backup");
        }
        return new SecretKeySpec(bytes, MAC);
    }

    /** RFC 4648 base32, lower case, no padding. */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
