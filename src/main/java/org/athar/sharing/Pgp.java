package org.athar.sharing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Iterator;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPKeyRing;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;

/** Small OpenPGP helpers shared by the key classes: fingerprints, armour, what a key may be used for. */
final class Pgp {

    private Pgp() {}

    /** The 40 upper-case hex digits of a v4 fingerprint. */
    static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
    }

    /** The ring, ASCII-armoured, without the version header (it would tell an attacker the library version). */
    static String armour(PGPKeyRing ring) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream out =
                ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            ring.encode(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** The key flags the key's self-signatures (or binding signatures) grant, or -1 when none says. */
    static int keyFlags(PGPPublicKey key) {
        int flags = -1;
        for (Iterator<PGPSignature> it = key.getSignatures(); it.hasNext(); ) {
            PGPSignature sig = it.next();
            if (sig.getHashedSubPackets() != null && sig.getHashedSubPackets().hasSubpacket(27)) {
                flags = Math.max(flags, 0) | sig.getHashedSubPackets().getKeyFlags();
            }
        }
        return flags;
    }

    /** True when {@code key} may encrypt: an encryption algorithm, not revoked, and no key flag forbids it. */
    static boolean canEncrypt(PGPPublicKey key) {
        if (!key.isEncryptionKey() || key.hasRevocation()) {
            return false;
        }
        int flags = keyFlags(key);
        return flags < 0 || (flags & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0;
    }

    /** True when {@code key} may sign data: a signing algorithm, not revoked, and no key flag forbids it. */
    static boolean canSign(PGPPublicKey key, boolean primary) {
        if (!signingAlgorithm(key.getAlgorithm()) || key.hasRevocation()) {
            return false;
        }
        int flags = keyFlags(key);
        return flags < 0 ? primary : (flags & KeyFlags.SIGN_DATA) != 0;
    }

    private static boolean signingAlgorithm(int algorithm) {
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL,
                    PublicKeyAlgorithmTags.RSA_SIGN,
                    PublicKeyAlgorithmTags.DSA,
                    PublicKeyAlgorithmTags.ECDSA,
                    PublicKeyAlgorithmTags.EDDSA_LEGACY,
                    PublicKeyAlgorithmTags.Ed25519,
                    PublicKeyAlgorithmTags.Ed448 -> true;
            default -> false;
        };
    }
}
