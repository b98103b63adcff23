package org.athar.sharing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP of a package being written: entries in the order they are added (deflated, UTF-8 names), each one's size
 * and SHA-256 taken from the bytes as they are written, so the manifest can list them without reading them again.
 */
final class PackageZip {

    /** Writes one entry's bytes; the stream must not be closed. */
    @FunctionalInterface
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private final ZipOutputStream zip;
    private final List<FileEntry> files = new ArrayList<>();

    /** A ZIP over {@code out}, which {@link #finish} leaves open for its owner. */
    PackageZip(OutputStream out) {
        this.zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
    }

    /** Adds an entry and returns what it holds. */
    FileEntry add(String name, Body body) throws IOException {
        MessageDigest sha256 = sha256();
        long[] bytes = {0};
        zip.putNextEntry(new ZipEntry(name));
        OutputStream entry = new DigestOutputStream(
                new FilterOutputStream(zip) {
                    @Override
                    public void write(int b) throws IOException {
                        zip.write(b);
                        bytes[0]++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        zip.write(b, off, len);
                        bytes[0] += len;
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                },
                sha256);
        body.write(entry);
        entry.flush();
        zip.closeEntry();
        FileEntry file = new FileEntry(name, bytes[0], HexFormat.of().formatHex(sha256.digest()));
        files.add(file);
        return file;
    }

    /** The entries written so far. */
    List<FileEntry> files() {
        return List.copyOf(files);
    }

    /** Writes the ZIP's central directory; the underlying stream stays open. */
    void finish() throws IOException {
        zip.finish();
        zip.flush();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256, which every Java SE must provide", e);
        }
    }
}
