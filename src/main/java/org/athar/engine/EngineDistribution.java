package org.athar.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch distribution zip (packed into the application by the build) and its one-time unpacking
 * under the data directory.
 */
final class EngineDistribution {

    private static final Logger log = LoggerFactory.getLogger(EngineDistribution.class);
    private static final String RESOURCE_DIR = "athar-engine/";
    private static final String COMPLETE_MARKER = ".athar-unpacked";

    private EngineDistribution() {}

    /** Returns the Elasticsearch home under {@code engineDir}, unpacking the distribution first if needed. */
    static Path ensureUnpacked(Path engineDir, Optional<Path> overrideZip) {
        String homeName =
                overrideZip.map(EngineDistribution::topDirectory).orElseGet(() -> "elasticsearch-" + bundledVersion());
        Path home = engineDir.resolve(homeName);
        if (Files.exists(home.resolve(COMPLETE_MARKER))) {
            return home;
        }
        long started = System.nanoTime();
        log.info("Unpacking the Elasticsearch distribution into {} (once; later starts reuse it)", home);
        try {
            deleteRecursively(home);
            Files.createDirectories(engineDir);
            try (InputStream in = open(overrideZip);
                    ZipInputStream zip = new ZipInputStream(in)) {
                unzip(zip, engineDir);
            }
            if (!Files.isDirectory(home.resolve("bin"))) {
                throw new EngineStartException(
                        "The Elasticsearch distribution did not contain " + homeName + "/bin",
                        "Point athar.elasticsearch.embedded.distribution at an Elasticsearch 8.19 zip, "
                                + "or remove it to use the one packed in Athar.");
            }
            makeReadableByAll(home);
            Files.writeString(home.resolve(COMPLETE_MARKER), homeName + "\n");
        } catch (IOException e) {
            throw new EngineStartException(
                    "Could not unpack Elasticsearch into " + engineDir + ": " + e.getMessage(),
                    "Check free disk space and that athar.data-dir (ATHAR_DATA_DIR) is writable.",
                    e);
        }
        log.info("Unpacked Elasticsearch in {} ms", (System.nanoTime() - started) / 1_000_000);
        return home;
    }

    static String bundledVersion() {
        try (InputStream in = resource("engine.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(Optional<Path> overrideZip) throws IOException {
        if (overrideZip.isPresent()) {
            return Files.newInputStream(overrideZip.get());
        }
        return resource("elasticsearch.zip");
    }

    private static InputStream resource(String name) {
        InputStream in = EngineDistribution.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new EngineStartException(
                    "The Elasticsearch distribution is not packed in this build of Athar (" + RESOURCE_DIR + name + ")",
                    "Build with ./mvnw package (it resolves the distribution from Maven Central), "
                            + "or set athar.elasticsearch.embedded.distribution to an Elasticsearch zip.");
        }
        return in;
    }

    private static String topDirectory(Path zipFile) {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            ZipEntry first = zip.entries().nextElement();
            return first.getName().split("/")[0];
        } catch (IOException e) {
            throw new EngineStartException(
                    "Cannot read the Elasticsearch distribution " + zipFile + ": " + e.getMessage(),
                    "Check athar.elasticsearch.embedded.distribution.",
                    e);
        }
    }

    private static void unzip(ZipInputStream zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            Path out = root.resolve(entry.getName()).normalize();
            if (!out.startsWith(root)) {
                throw new IOException("zip entry outside the target directory: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(out);
            } else {
                Files.createDirectories(out.getParent());
                Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    // The node may run as another user (see EngineUser); it must read everything and execute bin/*.
    private static void makeReadableByAll(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                boolean executable = Files.isDirectory(p)
                        || p.getParent().getFileName().toString().equals("bin");
                Files.setPosixFilePermissions(
                        p, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
