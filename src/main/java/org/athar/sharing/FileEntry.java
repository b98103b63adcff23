package org.athar.sharing;

/** One entry of a package's ZIP: its name, its size in bytes and its SHA-256 (lower-case hex). */
public record FileEntry(String name, long bytes, String sha256) {}
