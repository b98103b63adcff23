package org.athar.sharing;

import static org.athar.sharing.PackageRefusedException.Reason.BAD_SIGNATURE;
import static org.athar.sharing.PackageRefusedException.Reason.NOT_A_PACKAGE;
import static org.athar.sharing.PackageRefusedException.Reason.NOT_FOR_THIS_INSTALLATION;
import static org.athar.sharing.PackageRefusedException.Reason.TAMPERED;
import static org.athar.sharing.PackageRefusedException.Reason.UNKNOWN_SENDER;
import static org.athar.sharing.PackageRefusedException.Reason.UNSIGNED;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * Seals and opens packages (format v1, docs/sharing.md): one OpenPGP message, encrypted to the recipient (SEIPD v1
 * with MDC, AES-256), holding a one-pass signature by the sender (SHA-512), one binary literal packet and the
 * signature. Both directions stream, so a package of hundreds of megabytes never sits in memory.
 */
public final class OpenPgp {

    private static final int BUFFER = 1 << 16;

    private OpenPgp() {}

    /**
     * A stream whose bytes are signed by {@code sender} and encrypted to {@code recipient} as the literal file
     * {@code literalName}; closing it finishes the message and closes {@code out}.
     */
    public static OutputStream seal(OutputStream out, InstallationKey sender, PartnerKey recipient, String literalName)
            throws IOException {
        PGPPublicKey encryptTo = recipient
                .encryptionKey()
                .orElseThrow(() -> new InvalidPartnerKeyException("the recipient's key " + recipient.fingerprint()
                        + " has no encryption key; ask the partner for a key with an encryption subkey"));
        try {
            PGPEncryptedDataGenerator encryption =
                    new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                            .setWithIntegrityPacket(true)
                            .setSecureRandom(new SecureRandom()));
            encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(encryptTo));
            OutputStream encrypted = encryption.open(out, new byte[BUFFER]);

            PGPSecretKey signing = sender.signingKey();
            PGPPrivateKey privateKey = InstallationKey.extract(signing);
            PGPSignatureGenerator signature = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(signing.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512),
                    signing.getPublicKey());
            signature.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setIssuerFingerprint(false, signing.getPublicKey());
            hashed.setSignatureCreationTime(false, new Date());
            signature.setHashedSubpackets(hashed.generate());
            signature.generateOnePassVersion(false).encode(encrypted);

            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream content =
                    literal.open(encrypted, PGPLiteralData.BINARY, literalName, new Date(), new byte[BUFFER]);
            OutputStream target = out; // inside the stream below, "out" is FilterOutputStream's own field
            return new FilterOutputStream(content) {
                private boolean closed;

                @Override
                public void write(int b) throws IOException {
                    content.write(b);
                    signature.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    content.write(b, off, len);
                    signature.update(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    literal.close();
                    try {
                        signature.generate().encode(encrypted);
                    } catch (PGPException e) {
                        throw new IOException("could not sign the package: " + e.getMessage(), e);
                    }
                    encrypted.close();
                    encryption.close();
                    target.close();
                }
            };
        } catch (PGPException e) {
            throw new IOException("could not start the sealed package: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts the package {@code in} with {@code own}, writing its content to {@code content} as it goes; returns
     * normally only once the integrity check and the signature of one of {@code senders} have been verified. Until
     * then the bytes written to {@code content} must not be trusted.
     *
     * @return the key of the sender that signed the package
     * @throws PackageRefusedException when the package is not for this installation, damaged, unsigned or signed by
     *     a key not among {@code senders}
     * @throws IOException when {@code in} or {@code content} fail
     */
    public static PartnerKey open(
            InputStream in, InstallationKey own, Collection<PartnerKey> senders, OutputStream content)
            throws IOException {
        PGPEncryptedDataList list = encryptedDataList(in);
        PGPPublicKeyEncryptedData sealed = null;
        PGPPrivateKey privateKey = null;
        for (Iterator<PGPEncryptedData> it = list.getEncryptedDataObjects(); it.hasNext(); ) {
            if (it.next() instanceof PGPPublicKeyEncryptedData candidate) {
                Optional<PGPPrivateKey> key = own.privateKey(candidate.getKeyID());
                if (key.isPresent()) {
                    sealed = candidate;
                    privateKey = key.get();
                    break;
                }
            }
        }
        if (sealed == null) {
            throw new PackageRefusedException(
                    NOT_FOR_THIS_INSTALLATION,
                    "the package is encrypted for another key, not this installation's " + own.fingerprint());
        }
        if (!sealed.isIntegrityProtected()) {
            throw new PackageRefusedException(TAMPERED, "the package carries no integrity check");
        }
        try {
            InputStream clear = sealed.getDataStream(new BcPublicKeyDataDecryptorFactory(privateKey));
            PartnerKey signer = readSigned(clear, senders, content);
            if (!sealed.verify()) {
                throw new PackageRefusedException(TAMPERED, "the package's integrity check failed");
            }
            return signer;
        } catch (PGPException | IOException | RuntimeException e) {
            if (e instanceof PackageRefusedException refused) {
                throw refused;
            }
            if (e instanceof ContentFailed failed) {
                throw failed.getCause();
            }
            throw new PackageRefusedException(TAMPERED, "the package is damaged: " + e.getMessage(), e);
        }
    }

    private static PGPEncryptedDataList encryptedDataList(InputStream in) {
        try {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(PGPUtil.getDecoderStream(in));
            Object next = factory.nextObject();
            while (next instanceof PGPMarker) {
                next = factory.nextObject();
            }
            if (next instanceof PGPEncryptedDataList list) {
                return list;
            }
            throw new PackageRefusedException(NOT_A_PACKAGE, "the file is not an encrypted OpenPGP message");
        } catch (IOException | RuntimeException e) {
            if (e instanceof PackageRefusedException refused) {
                throw refused;
            }
            throw new PackageRefusedException(NOT_A_PACKAGE, "the file is not an OpenPGP message", e);
        }
    }

    /** Streams the signed literal data to {@code content} and verifies its one-pass signature. */
    private static PartnerKey readSigned(InputStream clear, Collection<PartnerKey> senders, OutputStream content)
            throws IOException, PGPException {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(clear);
        Object next = factory.nextObject();
        if (next instanceof PGPCompressedData compressed) {
            // GnuPG compresses by default; a partner sealing with gpg by hand is still read.
            factory = new BcPGPObjectFactory(compressed.getDataStream());
            next = factory.nextObject();
        }
        if (next instanceof PGPLiteralData) {
            throw new PackageRefusedException(UNSIGNED, "the package is not signed by its sender");
        }
        if (!(next instanceof PGPOnePassSignatureList passes) || passes.isEmpty()) {
            throw new PackageRefusedException(UNSIGNED, "the package carries no signature before its content");
        }
        PGPOnePassSignature pass = passes.get(0);
        PartnerKey signer = null;
        PGPPublicKey verifyWith = null;
        for (PartnerKey sender : senders) {
            for (PGPPublicKey key : sender.signingKeys()) {
                if (key.getKeyID() == pass.getKeyID()) {
                    signer = sender;
                    verifyWith = key;
                }
            }
        }
        if (signer == null) {
            throw new PackageRefusedException(
                    UNKNOWN_SENDER,
                    "the package is signed by key id "
                            + Long.toHexString(pass.getKeyID()).toUpperCase(Locale.ROOT)
                            + ", which is not a registered sender's");
        }
        pass.init(new BcPGPContentVerifierBuilderProvider(), verifyWith);
        if (!(factory.nextObject() instanceof PGPLiteralData literal)) {
            throw new PackageRefusedException(TAMPERED, "the package's content is missing");
        }
        InputStream data = literal.getDataStream();
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = data.read(buffer)) > 0; ) {
            pass.update(buffer, 0, n);
            try {
                content.write(buffer, 0, n);
            } catch (IOException e) {
                throw new ContentFailed(e);
            }
        }
        if (!(factory.nextObject() instanceof PGPSignatureList signatures) || signatures.isEmpty()) {
            throw new PackageRefusedException(TAMPERED, "the package's signature is missing after its content");
        }
        if (!pass.verify(signatures.get(0))) {
            throw new PackageRefusedException(BAD_SIGNATURE, "the package's signature does not match its content");
        }
        return signer;
    }

    /** The caller's content stream failed: that is the caller's I/O error, not a damaged package. */
    private static final class ContentFailed extends RuntimeException {
        ContentFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
