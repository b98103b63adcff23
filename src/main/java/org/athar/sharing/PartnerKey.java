package org.athar.sharing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPPublicKeyRingCollection;

/** A partner institution's OpenPGP public key (one v4 key with its subkeys), as GnuPG exports it. */
public final class PartnerKey {

    private static final int MIN_RSA_BITS = 2048;
    private static final String BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    private final PGPPublicKeyRing ring;
    private final String armoured;

    private PartnerKey(PGPPublicKeyRing ring) {
        this.ring = ring;
        this.armoured = Pgp.armour(ring);
    }

    /**
     * Reads an ASCII-armoured public key ({@code gpg --armor --export <fingerprint>}).
     *
     * @throws InvalidPartnerKeyException saying what is wrong with it
     */
    public static PartnerKey parse(String armoured) {
        if (armoured == null || armoured.isBlank()) {
            throw new InvalidPartnerKeyException(
                    "the public key is empty; paste the partner's key as gpg --armor --export prints it");
        }
        if (armoured.contains("PRIVATE KEY BLOCK")) {
            throw new InvalidPartnerKeyException("this is a private key; ask the partner for their public key only "
                    + "(gpg --armor --export <fingerprint>), and have them keep the private key to themselves");
        }
        if (!armoured.contains(BEGIN)) {
            throw new InvalidPartnerKeyException(
                    "the public key is not ASCII-armoured; it must start with " + BEGIN + " (gpg --armor --export)");
        }
        int blocks = armoured.split(BEGIN, -1).length - 1;
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        try {
            BcPGPPublicKeyRingCollection collection = new BcPGPPublicKeyRingCollection(PGPUtil.getDecoderStream(
                    new ByteArrayInputStream(armoured.strip().getBytes(StandardCharsets.UTF_8))));
            collection.getKeyRings().forEachRemaining(rings::add);
        } catch (IOException | PGPException | RuntimeException e) {
            throw new InvalidPartnerKeyException(
                    "the public key could not be read as an OpenPGP key (damaged or cut short when copied?); "
                            + "export it again with gpg --armor --export and paste all of it",
                    e);
        }
        if (rings.size() != 1 || blocks != 1) {
            throw new InvalidPartnerKeyException("the text holds " + Math.max(blocks, rings.size())
                    + " keys; register one partner key at a time (gpg --armor --export <fingerprint>)");
        }
        PGPPublicKeyRing ring = rings.get(0);
        for (PGPPublicKey key : ring) {
            if (key.getVersion() != 4) {
                throw new InvalidPartnerKeyException("the key is OpenPGP version " + key.getVersion()
                        + "; Athar reads version 4 keys, which GnuPG makes by default");
            }
            if (isRsa(key) && key.getBitStrength() < MIN_RSA_BITS) {
                throw new InvalidPartnerKeyException("the key is RSA with " + key.getBitStrength()
                        + " bits; ask the partner for a key of at least " + MIN_RSA_BITS + " bits or Ed25519");
            }
        }
        return new PartnerKey(ring);
    }

    /** The public half of {@code key}, e.g. to register an installation as a partner of another in tests. */
    public static PartnerKey of(InstallationKey key) {
        return new PartnerKey(key.publicRing());
    }

    /** The 40 upper-case hex digits of the primary key's fingerprint. */
    public String fingerprint() {
        return Pgp.fingerprint(ring.getPublicKey());
    }

    /** The key, ASCII-armoured. */
    public String armoured() {
        return armoured;
    }

    /** True when packages can be encrypted to this key (it has an encryption-capable key or subkey). */
    public boolean canEncrypt() {
        return encryptionKey().isPresent();
    }

    /** True when this key can sign packages (it has a signing-capable key or subkey). */
    public boolean canSign() {
        return !signingKeys().isEmpty();
    }

    /** The key to encrypt to: the first encryption subkey, else the primary key if it may encrypt. */
    Optional<PGPPublicKey> encryptionKey() {
        PGPPublicKey primaryFallback = null;
        for (PGPPublicKey key : ring) {
            if (Pgp.canEncrypt(key)) {
                if (!key.isMasterKey()) {
                    return Optional.of(key);
                }
                primaryFallback = key;
            }
        }
        return Optional.ofNullable(primaryFallback);
    }

    /** Every key of this ring that may sign data. */
    List<PGPPublicKey> signingKeys() {
        List<PGPPublicKey> keys = new ArrayList<>();
        for (Iterator<PGPPublicKey> it = ring.getPublicKeys(); it.hasNext(); ) {
            PGPPublicKey key = it.next();
            if (Pgp.canSign(key, key.isMasterKey())) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static boolean isRsa(PGPPublicKey key) {
        int a = key.getAlgorithm();
        return a == PublicKeyAlgorithmTags.RSA_GENERAL
                || a == PublicKeyAlgorithmTags.RSA_ENCRYPT
                || a == PublicKeyAlgorithmTags.RSA_SIGN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartnerKey other && other.fingerprint().equals(fingerprint());
    }

    @Override
    public int hashCode() {
        return Objects.hash(fingerprint());
    }

    @Override
    public String toString() {
        return "PartnerKey[" + fingerprint() + "]";
    }
}
