package org.athar.sharing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * This installation's OpenPGP key pair: it signs the packages this installation sends and decrypts the ones sent to
 * it. Ed25519 primary key (certify, sign) with an X25519 encryption subkey, v4, as GnuPG makes by default. The secret
 * key is not passphrase-protected: it is guarded by the engine's access control and the owner-only file.
 */
public final class InstallationKey {

    /** The e-mail part of the user id: {@code .invalid} so nobody mistakes it for a mailbox. */
    static final String EMAIL = "sharing@athar.invalid";

    private final PGPSecretKeyRing secret;

    private InstallationKey(PGPSecretKeyRing secret) {
        this.secret = secret;
    }

    /** A new key for {@code installationName}, nothing stored: for first start and for tests. */
    public static InstallationKey generate(String installationName) {
        try {
            SecureRandom random = new SecureRandom();
            Date now = new Date();
            Ed25519KeyPairGenerator signing = new Ed25519KeyPairGenerator();
            signing.init(new Ed25519KeyGenerationParameters(random));
            PGPKeyPair primary = new BcPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, signing.generateKeyPair(), now);
            X25519KeyPairGenerator encryption = new X25519KeyPairGenerator();
            encryption.init(new X25519KeyGenerationParameters(random));
            PGPKeyPair subkey = new BcPGPKeyPair(PublicKeyAlgorithmTags.ECDH, encryption.generateKeyPair(), now);

            PGPSignatureSubpacketGenerator primaryPackets = new PGPSignatureSubpacketGenerator();
            primaryPackets.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            primaryPackets.setPreferredSymmetricAlgorithms(false, new int[] {SymmetricKeyAlgorithmTags.AES_256});
            primaryPackets.setPreferredHashAlgorithms(
                    false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
            primaryPackets.setPreferredCompressionAlgorithms(false, new int[] {0});
            primaryPackets.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
            PGPSignatureSubpacketGenerator subkeyPackets = new PGPSignatureSubpacketGenerator();
            subkeyPackets.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);

            PGPKeyRingGenerator generator = new PGPKeyRingGenerator(
                    PGPSignature.POSITIVE_CERTIFICATION,
                    primary,
                    userIdFor(installationName),
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
                    primaryPackets.generate(),
                    null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512),
                    null);
            generator.addSubKey(subkey, subkeyPackets.generate(), null);
            return new InstallationKey(generator.generateSecretKeyRing());
        } catch (PGPException e) {
            throw new IllegalStateException("could not create the installation's OpenPGP key: " + e.getMessage(), e);
        }
    }

    /** The user id of an installation named {@code installationName}. */
    static String userIdFor(String installationName) {
        String name = installationName == null || installationName.isBlank() ? "Athar" : installationName.strip();
        return name.replaceAll("[<>\\p{Cntrl}]", "") + " <" + EMAIL + ">";
    }

    /** The key stored as {@code armoured} (an ASCII-armoured secret key, as {@link #privateKeyArmoured()} writes). */
    static InstallationKey fromArmoured(String armoured) {
        try {
            BcPGPSecretKeyRingCollection rings = new BcPGPSecretKeyRingCollection(
                    PGPUtil.getDecoderStream(new ByteArrayInputStream(armoured.getBytes(StandardCharsets.US_ASCII))));
            Iterator<PGPSecretKeyRing> it = rings.getKeyRings();
            if (!it.hasNext()) {
                throw new IllegalStateException("the stored installation key holds no secret key");
            }
            return new InstallationKey(it.next());
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("the stored installation key is not a readable OpenPGP secret key: "
                    + e.getClass().getSimpleName());
        }
    }

    /** The 40 upper-case hex digits of the primary key's fingerprint. */
    public String fingerprint() {
        return Pgp.fingerprint(secret.getPublicKey());
    }

    /** The public key, ASCII-armoured, to give to partners. */
    public String publicKeyArmoured() {
        return Pgp.armour(publicRing());
    }

    /** The user id, e.g. {@code Athar <sharing@athar.invalid>}. */
    public String userId() {
        return secret.getPublicKey().getUserIDs().next();
    }

    /** The secret key, ASCII-armoured: only for the engine's copy and the operator's file. Never log it. */
    String privateKeyArmoured() {
        return Pgp.armour(secret);
    }

    PGPPublicKeyRing publicRing() {
        List<PGPPublicKey> keys = new ArrayList<>();
        secret.getPublicKeys().forEachRemaining(keys::add);
        return new PGPPublicKeyRing(keys);
    }

    /** The signing key (the primary) and its private half. */
    PGPSecretKey signingKey() {
        return secret.getSecretKey();
    }

    /** The private key with {@code keyId}, if this ring holds it. */
    Optional<PGPPrivateKey> privateKey(long keyId) {
        PGPSecretKey key = secret.getSecretKey(keyId);
        return key == null ? Optional.empty() : Optional.of(extract(key));
    }

    /** Every key of the ring that may decrypt. */
    Iterable<PGPPublicKey> publicKeys() {
        return publicRing();
    }

    static PGPPrivateKey extract(PGPSecretKey key) {
        try {
            return key.extractPrivateKey(
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(new char[0]));
        } catch (PGPException e) {
            throw new IllegalStateException("the installation key's private half could not be read", e);
        }
    }

    @Override
    public String toString() {
        return "InstallationKey[" + fingerprint() + "]";
    }
}
