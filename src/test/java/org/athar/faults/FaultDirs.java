package org.athar.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories for fault tests under /tmp/athar-fe-*, reachable by the engine's user when run as root. */
final class FaultDirs {

    private FaultDirs() {}

    static Path create(String name) throws IOException {
        Path dir = Files.createTempDirectory("athar-fe-" + name);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + dir + ": " + e);
        }
    }
}
