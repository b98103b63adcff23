package org.athar.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The digest of one imported row, which recognises a row imported again unchanged. The row holds the victim's name,
 * so the digest is keyed (HMAC-SHA-256 with the installation's secret key, {@link RowDigestKeys}): without the key a
 * guessed row, rebuilt from the visible fields and a dictionary of names, cannot be tested against it.
 */
final class RowDigest {

    static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;

    RowDigest(byte[] key) {
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }

    /** The keyed digest of {@code row}: 64 lower-case hex digits. */
    String keyed(RawRow row) {
        Mac mac;
        try {
            // One prepared MAC, cloned per row: cheaper than a new instance, and safe across threads.
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HMAC-SHA-256 can be cloned", e);
        }
        return HexFormat.of().formatHex(mac.doFinal(canonical(row)));
    }

    /**
     * The plain SHA-256 that reports imported before digests were keyed carry; used only to recognise such a row when
     * it is imported again, never stored for a new import.
     */
    static String legacy(RawRow row) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical(row)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The row as read, columns sorted, one {@code column=value} line each: the same bytes for the same row. */
    static byte[] canonical(RawRow row) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(row.values())
                .forEach((k, v) -> canonical.append(k).append('=').append(v).append('\n'));
        return canonical.toString().getBytes(StandardCharsets.UTF_8);
    }
}
