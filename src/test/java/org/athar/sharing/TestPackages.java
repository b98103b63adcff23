package org.athar.sharing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes package ZIPs in the format of docs/sharing.md directly (the files a receiver checks: README, the records or
 * the withdrawal, the manifest last), and seals them, so the receiver can be tested with packages made to order,
 * including broken ones a correct writer never makes.
 */
final class TestPackages {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestPackages() {}

    /** One record of reports.jsonl as Athar writes it, for a person named {@code name}. */
    static ObjectNode record(String id, String name, String governorate) {
        ObjectNode r = JSON.createObjectNode();
        r.put("schema_version", 1);
        r.put("id", id);
        r.put("report_id", "orig-" + id);
        r.put("source", "Sender's own documenters");
        ObjectNode victim = r.putObject("victim");
        victim.put("name", name);
        victim.put("gender", "male");
        victim.put("age", 31);
        victim.put("age_group", "30-39");
        ObjectNode d = r.putObject("disappearance");
        d.put("date", "2013-05-14");
        d.put("date_end", "2013-05-14");
        d.put("precision", "day");
        ObjectNode place = r.putObject("place");
        place.put("governorate", governorate);
        place.put("district", "unknown");
        r.putObject("perpetrator").put("category", "unknown");
        r.put("status", "missing");
        r.put("synthetic", false);
        ObjectNode consent = r.putObject("consent");
        consent.put("state", "yes");
        consent.putArray("share_with").add("any");
        ObjectNode p = r.putObject("provenance");
        p.put("batch_id", "20260101120000-abcdef01");
        p.put("file_name", "sender.csv");
        p.put("row_number", 1);
        p.put("imported_at", "2026-01-01T12:00:00Z");
        p.put("imported_by", "documenter");
        return r;
    }

    static byte[] jsonl(List<ObjectNode> records) throws IOException {
        StringBuilder out = new StringBuilder();
        for (ObjectNode r : records) {
            out.append(JSON.writeValueAsString(r)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A package ZIP; {@code files} in order (the manifest states their checksums), then the manifest. */
    static byte[] zip(
            String kind,
            String packageId,
            InstallationKey sender,
            String recipientFingerprint,
            String fields,
            Map<String, byte[]> files,
            Map<String, byte[]> actuallyWritten)
            throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("schemaVersion", 1);
        m.put("kind", kind);
        m.put("packageId", packageId);
        m.put("createdAt", "2026-12-06T12:00:00Z");
        m.put("createdBy", "admin");
        m.putObject("sender").put("name", "Partner A").put("fingerprint", sender.fingerprint());
        m.putObject("recipient")
                .put("name", "Us")
                .put("fingerprint", recipientFingerprint)
                .put("fields", fields);
        ArrayNode list = m.putArray("files");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            list.addObject()
                    .put("name", f.getKey())
                    .put("bytes", f.getValue().length)
                    .put("sha256", sha256(f.getValue()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : actuallyWritten.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writeValueAsBytes(m));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] reportsPackage(String packageId, InstallationKey sender, String recipientFp, List<ObjectNode> r)
            throws IOException {
        Map<String, byte[]> files = files(packageId, "reports.jsonl", jsonl(r));
        return zip("package", packageId, sender, recipientFp, "identity", files, files);
    }

    static byte[] withdrawal(String packageId, InstallationKey sender, String recipientFp, List<String> ids)
            throws IOException {
        ObjectNode w = JSON.createObjectNode();
        w.put("schemaVersion", 1);
        w.put("packageId", packageId);
        w.put("reason", "consent withdrawn");
        ArrayNode a = w.putArray("reportIds");
        ids.forEach(a::add);
        w.put("createdAt", "2026-12-06T12:00:00Z");
        Map<String, byte[]> files = files(packageId, "withdrawal.json", JSON.writeValueAsBytes(w));
        return zip("withdrawal", packageId, sender, recipientFp, "identity", files, files);
    }

    static Map<String, byte[]> files(String packageId, String name, byte[] content) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.txt", ("Athar package " + packageId + "\n").getBytes(StandardCharsets.UTF_8));
        files.put(name, content);
        return files;
    }

    /** {@code zip} signed by {@code sender} and encrypted to {@code recipient}, as a .pgp file's bytes. */
    static byte[] seal(byte[] zip, InstallationKey sender, PartnerKey recipient, String packageId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealed = OpenPgp.seal(out, sender, recipient, "athar-package-" + packageId + ".zip")) {
            sealed.write(zip);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
