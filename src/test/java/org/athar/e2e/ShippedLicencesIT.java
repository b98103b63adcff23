package org.athar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar a user downloads carries what its licences require to be passed on: Athar's LICENSE and NOTICE, the
 * third-party list covering every library inside it, and the engine distribution's own licence texts. The build
 * writes them to target/classes/META-INF/; Spring Boot's repackaging keeps META-INF/ at the jar's root (not under
 * BOOT-INF/classes/), where a reader of any jar looks for them.
 */
class ShippedLicencesIT {

    private static final String CLASSES = "BOOT-INF/classes/";

    /** Added by Spring Boot's packaging (for java -Djarmode=tools), not a dependency; Apache-2.0 as Spring Boot. */
    private static final String SPRING_BOOT_JARMODE = "spring-boot-jarmode-tools-";

    @Test
    void the_packaged_jar_carries_notice_licences_and_the_engine_licence_texts() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            for (String file : List.of(
                    "META-INF/LICENSE",
                    "META-INF/NOTICE",
                    "META-INF/THIRD-PARTY.txt",
                    "META-INF/licenses/elasticsearch/LICENSE.txt",
                    "META-INF/licenses/elasticsearch/NOTICE.txt",
                    "META-INF/licenses/elasticsearch/modules/x-pack-core/LICENSE.txt",
                    CLASSES + "athar-engine/elasticsearch.zip")) {
                JarEntry entry = jar.getJarEntry(file);
                assertThat(entry).as(file + " in " + jar.getName()).isNotNull();
                assertThat(entry.getSize()).as(file + " is not empty").isPositive();
            }
            assertThat(read(jar, "META-INF/NOTICE")).isEqualTo(Files.readString(Path.of("NOTICE")));
            assertThat(read(jar, "META-INF/licenses/elasticsearch/LICENSE.txt"))
                    .contains("GNU AFFERO GENERAL PUBLIC LICENSE", "Server Side Public License", "Elastic License 2.0");
        }
    }

    @Test
    void every_library_in_the_packaged_jar_is_in_its_third_party_list() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            String list = read(jar, "META-INF/THIRD-PARTY.txt");
            List<String> libraries = jar.stream()
                    .map(JarEntry::getName)
                    .filter(n -> n.startsWith("BOOT-INF/lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring("BOOT-INF/lib/".length(), n.length() - ".jar".length()))
                    .filter(n -> !n.startsWith(SPRING_BOOT_JARMODE))
                    .toList();

            assertThat(libraries).hasSizeGreaterThan(50);
            assertThat(libraries)
                    .as("libraries in BOOT-INF/lib missing from META-INF/THIRD-PARTY.txt (as artifactId:version)")
                    .filteredOn(l -> !listed(list, l))
                    .isEmpty();
        }
    }

    /** "jfreechart-1.5.6" is listed as "...:jfreechart:1.5.6 - ". */
    private static boolean listed(String list, String library) {
        for (int dash = library.indexOf('-'); dash > 0; dash = library.indexOf('-', dash + 1)) {
            String coordinates = ":" + library.substring(0, dash) + ":" + library.substring(dash + 1) + " - ";
            if (list.contains(coordinates)) {
                return true;
            }
        }
        return false;
    }

    private static String read(JarFile jar, String file) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getJarEntry(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("athar.jar", "target/athar-0.1.0-SNAPSHOT.jar"));
        assertThat(jar)
                .as(jar + " (./mvnw verify packages it before this test)")
                .exists();
        return jar;
    }
}
