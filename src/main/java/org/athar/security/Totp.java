package org.athar.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238 over RFC 4226 HOTP) with the parameters every authenticator app reads from
 * the enrolment QR code: HMAC-SHA1, 30-second steps, 6 digits; secrets are 20 random bytes written as 32 base32
 * letters (RFC 4648). Athar's own so that sign-in does not rest on an unmaintained library; the secrets it stored
 * before (same alphabet, same length) keep working.
 */
public final class Totp {

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    private static final int SECRET_BYTES = 20;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** A new shared secret: 160 random bits (the HMAC-SHA1 key size RFC 4226 recommends), base32 without padding. */
    static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return base32(key);
    }

    /** The code an authenticator app shows for {@code base32Secret} during time step {@code step}. */
    public static String code(String base32Secret, long step) {
        return code(fromBase32(base32Secret), step, DIGITS);
    }

    /** RFC 4226 section 5.3: HMAC-SHA1 of the big-endian counter, dynamic truncation, the last {@code digits}. */
    static String code(byte[] key, long step, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no HmacSHA1; run Athar on a standard JDK 17+", e);
        }
        int offset = hash[hash.length - 1] & 0xf;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        int code = binary % (int) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", code);
    }

    /** RFC 4648 section 6 base32, with '=' padding to a multiple of eight letters (none for 20-byte secrets). */
    static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length + 4) / 5 * 8);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 0x1f));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1f));
        }
        while (out.length() % 8 != 0) {
            out.append('=');
        }
        return out.toString();
    }

    /**
     * Decodes base32 as authenticator apps accept it: either case, padding optional.
     *
     * @throws IllegalArgumentException when a character is outside the base32 alphabet
     */
    static byte[] fromBase32(String text) {
        String letters = text.strip().replaceAll("=+$", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(letters.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < letters.length(); i++) {
            int value = ALPHABET.indexOf(letters.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a base32 letter at position " + (i + 1));
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
