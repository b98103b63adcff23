package org.athar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * What the packaged jar ships: the libraries Athar excludes (Hilla and what it drags in, zxing's javase module and
 * its command-line parser and image codec, a second Jackson, the unmaintained TOTP library) stay out of
 * {@code BOOT-INF/lib}, so a dependency upgrade cannot bring them back unnoticed.
 */
class PackagedJarContentsIT {

    private static List<String> libraries() throws IOException {
        Path jar = Path.of(System.getProperty("athar.jar", "target/athar-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("build the jar first: ./mvnw -DskipTests package").exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .toList();
        }
    }

    @Test
    void the_jar_ships_no_hilla_kotlin_javaparser_guava_or_reactor() throws IOException {
        assertThat(libraries())
                .as("Vaadin Flow's own jars are there")
                .anyMatch(name -> name.startsWith("flow-server-"))
                .noneMatch(name -> name.startsWith("hilla"))
                .noneMatch(name -> name.startsWith("kotlin-"))
                .noneMatch(name -> name.startsWith("javaparser-"))
                .noneMatch(name -> name.startsWith("guava-"))
                .noneMatch(name -> name.startsWith("reactor-core-"));
    }

    @Test
    void the_jar_ships_zxing_core_only_and_no_totp_library() throws IOException {
        assertThat(libraries())
                .anyMatch(name -> name.matches("core-3\\.5\\.\\d+\\.jar"))
                .noneMatch(name -> name.startsWith("javase-"))
                .noneMatch(name -> name.startsWith("jcommander-"))
                .noneMatch(name -> name.startsWith("jai-imageio-"))
                .noneMatch(name -> name.startsWith("totp-"));
    }

    @Test
    void the_jar_ships_one_jackson() throws IOException {
        List<String> libraries = libraries();
        assertThat(libraries).anyMatch(name -> name.startsWith("jackson-databind-2."));
        assertThat(libraries)
                .as("Jackson 3 (tools.jackson) is excluded from elasticsearch-java")
                .noneMatch(name -> name.startsWith("jackson-databind-3."))
                .noneMatch(name -> name.startsWith("jackson-core-3."));
    }

    @Test
    void the_jar_ships_one_copy_of_each_library() throws IOException {
        List<String> artifacts = libraries().stream()
                .map(name -> name.replaceFirst("-\\d[^-]*(-[A-Za-z0-9.]+)?\\.jar$", ""))
                .toList();
        assertThat(artifacts).as("two versions of one library").doesNotHaveDuplicates();
    }
}
