package org.athar.sharing;

import static org.athar.sharing.PackageRefusedException.Reason.BAD_SIGNATURE;
import static org.athar.sharing.PackageRefusedException.Reason.CHECKSUM_MISMATCH;
import static org.athar.sharing.PackageRefusedException.Reason.NOT_A_PACKAGE;
import static org.athar.sharing.PackageRefusedException.Reason.NOT_FOR_THIS_INSTALLATION;
import static org.athar.sharing.PackageRefusedException.Reason.PSEUDONYMISED;
import static org.athar.sharing.PackageRefusedException.Reason.UNSUPPORTED_VERSION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A decrypted, signature-verified package, opened and checked before anything of it is used: the manifest's schema
 * version and kind, that it is addressed to this installation and names the key that signed it as its sender, and
 * that the ZIP holds exactly the files the manifest lists, each with the size and SHA-256 it states.
 */
final class ReceivedPackage implements AutoCloseable {

    static final String MANIFEST = "manifest.json";
    static final String REPORTS = "reports.jsonl";
    static final String WITHDRAWAL = "withdrawal.json";
    private static final int MAX_MANIFEST_BYTES = 4 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZipFile zip;
    private final JsonNode manifest;
    private final int filesVerified;

    private ReceivedPackage(ZipFile zip, JsonNode manifest, int filesVerified) {
        this.zip = zip;
        this.manifest = manifest;
        this.filesVerified = filesVerified;
    }

    /** Opens and checks the ZIP at {@code file}, signed by {@code signer}, for the installation {@code own}. */
    static ReceivedPackage open(Path file, String signerFingerprint, String ownFingerprint) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw refused(NOT_A_PACKAGE, "the signed content is not a ZIP file");
        }
        try {
            Map<String, ZipEntry> entries = entries(zip);
            ZipEntry manifestEntry = entries.remove(MANIFEST);
            if (manifestEntry == null) {
                throw refused(NOT_A_PACKAGE, "the package has no " + MANIFEST);
            }
            JsonNode manifest = JSON.readTree(bounded(zip, manifestEntry));
            if (manifest == null || !manifest.isObject()) {
                throw refused(NOT_A_PACKAGE, MANIFEST + " is not a JSON object");
            }
            if (manifest.path("schemaVersion").asInt(-1) != 1) {
                throw refused(
                        UNSUPPORTED_VERSION,
                        "the package has schemaVersion " + manifest.path("schemaVersion") + "; this Athar reads 1");
            }
            String kind = manifest.path("kind").asText("");
            if (!kind.equals("package") && !kind.equals("withdrawal")) {
                throw refused(NOT_A_PACKAGE, "the manifest's kind is neither package nor withdrawal");
            }
            if (!ownFingerprint.equals(
                    manifest.path("recipient").path("fingerprint").asText(""))) {
                throw refused(NOT_FOR_THIS_INSTALLATION, "the manifest names another recipient's key");
            }
            if (!signerFingerprint.equals(
                    manifest.path("sender").path("fingerprint").asText(""))) {
                throw refused(BAD_SIGNATURE, "the manifest names a sender other than the key that signed it");
            }
            int verified = verifyFiles(zip, entries, manifest.path("files"));
            if ("pseudonymised".equals(manifest.path("recipient").path("fields").asText(""))) {
                throw refused(PSEUDONYMISED, "the package is pseudonymised");
            }
            String content = kind.equals("package") ? REPORTS : WITHDRAWAL;
            if (!entries.containsKey(content)) {
                throw refused(NOT_A_PACKAGE, "the package has no " + content);
            }
            return new ReceivedPackage(zip, manifest, verified);
        } catch (IOException | RuntimeException e) {
            zip.close();
            if (e instanceof PackageRefusedException || !(e instanceof IOException)) {
                throw e;
            }
            throw refused(NOT_A_PACKAGE, "the package's manifest cannot be read");
        }
    }

    boolean withdrawal() {
        return manifest.path("kind").asText().equals("withdrawal");
    }

    String packageId() {
        return manifest.path("packageId").asText("");
    }

    int filesVerified() {
        return filesVerified;
    }

    /** The named file, verified by {@link #open}. */
    InputStream read(String name) throws IOException {
        return zip.getInputStream(zip.getEntry(name));
    }

    /** The report ids a withdrawal notice names, when its withdrawal.json is the one its manifest announces. */
    List<String> withdrawnIds() throws IOException {
        JsonNode w = JSON.readTree(bounded(zip, zip.getEntry(WITHDRAWAL)));
        if (w == null || w.path("schemaVersion").asInt(-1) != 1) {
            throw refused(UNSUPPORTED_VERSION, WITHDRAWAL + " is not schemaVersion 1");
        }
        if (!packageId().equals(w.path("packageId").asText(""))
                || !w.path("reportIds").isArray()) {
            throw refused(NOT_A_PACKAGE, WITHDRAWAL + " does not match its manifest");
        }
        List<String> ids = new ArrayList<>();
        w.path("reportIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static Map<String, ZipEntry> entries(ZipFile zip) {
        Map<String, ZipEntry> out = new HashMap<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            // Two entries of one name could show a reader one file and Athar another.
            if (out.put(entry.getName(), entry) != null) {
                throw refused(CHECKSUM_MISMATCH, "the package holds two files named " + entry.getName());
            }
        }
        return out;
    }

    private static int verifyFiles(ZipFile zip, Map<String, ZipEntry> entries, JsonNode files) throws IOException {
        if (!files.isArray() || files.size() != entries.size()) {
            throw refused(CHECKSUM_MISMATCH, "the package holds other files than its manifest lists");
        }
        for (JsonNode f : files) {
            ZipEntry entry = entries.get(f.path("name").asText(""));
            if (entry == null) {
                throw refused(CHECKSUM_MISMATCH, "a file the manifest lists is missing");
            }
            long bytes = f.path("bytes").asLong(-1);
            MessageDigest sha = sha256();
            long read = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    read += n;
                    if (read > bytes) {
                        break; // larger than stated: no need to inflate the rest
                    }
                    sha.update(buffer, 0, n);
                }
            }
            if (read != bytes
                    || !HexFormat.of()
                            .formatHex(sha.digest())
                            .equals(f.path("sha256").asText(""))) {
                throw refused(CHECKSUM_MISMATCH, entry.getName() + " differs from its checksum in the manifest");
            }
        }
        return files.size();
    }

    private static byte[] bounded(ZipFile zip, ZipEntry entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_MANIFEST_BYTES) {
                    throw refused(NOT_A_PACKAGE, entry.getName() + " is larger than a package's " + entry.getName());
                }
            }
        }
        return out.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static PackageRefusedException refused(PackageRefusedException.Reason reason, String detail) {
        return new PackageRefusedException(reason, detail);
    }
}
