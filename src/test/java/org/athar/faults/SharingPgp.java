package org.athar.faults;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * OpenPGP as a partner without Athar does it (Bouncy Castle's packet API, the way GnuPG's output is read): throwaway
 * v4 keys (Ed25519 to sign, X25519 to encrypt), opening a package with one of them, and sealing a file as a stranger
 * would. Independent of Athar's own OpenPGP code, so the round trip also checks that a package is standard OpenPGP.
 */
final class SharingPgp {

    /** A throwaway key pair: the secret ring stays in the test, the armoured public key is what a partner sends. */
    record Key(PGPSecretKeyRing secret, PGPPublicKeyRing certificate) {

        String armoured() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ArmoredOutputStream armour = new ArmoredOutputStream(bytes)) {
                certificate.encode(armour);
            } catch (IOException e) {
                throw new IllegalStateException("could not armour a key held in memory", e);
            }
            return bytes.toString(StandardCharsets.US_ASCII);
        }

        String fingerprint() {
            return SharingPgp.fingerprint(certificate.getPublicKey());
        }
    }

    /** What opening a message found: the content, the literal packet's file name and how it was protected. */
    record Opened(byte[] content, String literalName, int symmetricAlgorithm, String signerFingerprint) {}

    private SharingPgp() {}

    static Key generate(String name) throws PGPException {
        SecureRandom random = new SecureRandom();
        Date now = new Date();
        Ed25519KeyPairGenerator signing = new Ed25519KeyPairGenerator();
        signing.init(new Ed25519KeyGenerationParameters(random));
        X25519KeyPairGenerator encryption = new X25519KeyPairGenerator();
        encryption.init(new X25519KeyGenerationParameters(random));
        PGPKeyPair primary = new BcPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, signing.generateKeyPair(), now);
        PGPKeyPair subkey = new BcPGPKeyPair(PublicKeyAlgorithmTags.ECDH, encryption.generateKeyPair(), now);

        PGPSignatureSubpacketGenerator primaryFlags = new PGPSignatureSubpacketGenerator();
        primaryFlags.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        primaryFlags.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
        primaryFlags.setPreferredSymmetricAlgorithms(false, new int[] {SymmetricKeyAlgorithmTags.AES_256});
        PGPSignatureSubpacketGenerator subkeyFlags = new PGPSignatureSubpacketGenerator();
        subkeyFlags.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);

        PGPKeyRingGenerator rings = new PGPKeyRingGenerator(
                PGPSignature.POSITIVE_CERTIFICATION,
                primary,
                name + " <sharing@athar.invalid>",
                new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
                primaryFlags.generate(),
                null,
                new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512),
                null);
        rings.addSubKey(subkey, subkeyFlags.generate(), null);
        return new Key(rings.generateSecretKeyRing(), rings.generatePublicKeyRing());
    }

    static PGPPublicKeyRing certificate(String armoured) throws IOException {
        try (InputStream in =
                PGPUtil.getDecoderStream(new ByteArrayInputStream(armoured.getBytes(StandardCharsets.US_ASCII)))) {
            return new PGPPublicKeyRing(in, new BcKeyFingerprintCalculator());
        }
    }

    static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().formatHex(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /**
     * Decrypts {@code message} with {@code own} and checks its integrity (MDC) and its signature against
     * {@code sender}'s armoured public key; throws if either fails.
     */
    static Opened open(Path message, Key own, String sender) throws IOException, PGPException {
        PGPPublicKeyRing senderRing = certificate(sender);
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(message))) {
            PGPEncryptedDataList encrypted = firstOf(new BcPGPObjectFactory(in), PGPEncryptedDataList.class);
            PGPPublicKeyEncryptedData data = null;
            PGPPrivateKey privateKey = null;
            for (PGPEncryptedData candidate : encrypted) {
                if (candidate instanceof PGPPublicKeyEncryptedData pk) {
                    PGPSecretKey secret = own.secret().getSecretKey(pk.getKeyID());
                    if (secret != null) {
                        data = pk;
                        privateKey = secret.extractPrivateKey(null);
                    }
                }
            }
            if (data == null) {
                throw new IllegalStateException("the message is not encrypted to " + own.fingerprint());
            }
            if (!data.isIntegrityProtected()) {
                throw new IllegalStateException("the message has no integrity protection (MDC)");
            }
            BcPublicKeyDataDecryptorFactory decryptor = new BcPublicKeyDataDecryptorFactory(privateKey);
            int algorithm = data.getSymmetricAlgorithm(decryptor);
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            String literalName;
            String signer;
            try (InputStream clear = data.getDataStream(decryptor)) {
                BcPGPObjectFactory packets = new BcPGPObjectFactory(clear);
                PGPOnePassSignature onePass =
                        firstOf(packets, PGPOnePassSignatureList.class).get(0);
                PGPPublicKey signingKey = senderRing.getPublicKey(onePass.getKeyID());
                if (signingKey == null) {
                    throw new IllegalStateException("the message is not signed by the expected sender");
                }
                signer = fingerprint(senderRing.getPublicKey());
                onePass.init(new BcPGPContentVerifierBuilderProvider(), signingKey);
                PGPLiteralData literal = (PGPLiteralData) packets.nextObject();
                literalName = literal.getFileName();
                try (InputStream body = literal.getInputStream()) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = body.read(buffer)) > 0; ) {
                        onePass.update(buffer, 0, n);
                        content.write(buffer, 0, n);
                    }
                }
                PGPSignatureList signatures = (PGPSignatureList) packets.nextObject();
                if (!onePass.verify(signatures.get(0))) {
                    throw new IllegalStateException("the signature does not match the content");
                }
            }
            if (!data.verify()) {
                throw new IllegalStateException("the integrity check (MDC) failed");
            }
            return new Opened(content.toByteArray(), literalName, algorithm, signer);
        }
    }

    /** Signs {@code content} with {@code sender} and encrypts it to {@code recipient}'s armoured key, as the format says. */
    static void seal(byte[] content, String literalName, Key sender, String recipient, Path out)
            throws IOException, PGPException {
        PGPPublicKey encryptionKey = null;
        for (PGPPublicKey k : certificate(recipient)) {
            if (k.isEncryptionKey()) {
                encryptionKey = k;
            }
        }
        if (encryptionKey == null) {
            throw new IllegalStateException("the recipient's key cannot encrypt");
        }
        PGPEncryptedDataGenerator encryption =
                new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(new SecureRandom()));
        encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(encryptionKey));
        PGPPublicKey signingKey = sender.certificate().getPublicKey();
        PGPSignatureGenerator signature = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512),
                signingKey);
        signature.init(
                PGPSignature.BINARY_DOCUMENT,
                sender.secret().getSecretKey(signingKey.getKeyID()).extractPrivateKey(null));
        try (OutputStream file = Files.newOutputStream(out);
                OutputStream sealed = encryption.open(file, new byte[1 << 16])) {
            signature.generateOnePassVersion(false).encode(sealed);
            try (OutputStream literal = new PGPLiteralDataGenerator()
                    .open(sealed, PGPLiteralData.BINARY, literalName, new Date(), new byte[1 << 16])) {
                literal.write(content);
                signature.update(content);
            }
            signature.generate().encode(sealed);
        }
    }

    private static <T> T firstOf(BcPGPObjectFactory packets, Class<T> type) throws IOException {
        for (Object o = packets.nextObject(); o != null; o = packets.nextObject()) {
            if (type.isInstance(o)) {
                return type.cast(o);
            }
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " in the message");
    }
}
