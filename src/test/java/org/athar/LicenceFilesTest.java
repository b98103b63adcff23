package org.athar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What someone redistributing Athar must pass on is in the repository and in the build output: NOTICE, the
 * third-party list the build generates (kept identical to the committed one) and the engine's own licence texts; and
 * every library that ships has a licence on the allowed list (src/license/allowed-licences.txt, the list the build's
 * licence check reads).
 */
class LicenceFilesTest {

    /** The one command that rewrites the committed list after a dependency change (also in README and pom.xml). */
    static final String REFRESH =
            "./mvnw -q generate-resources && cp target/classes/META-INF/THIRD-PARTY.txt THIRD-PARTY.txt";

    static final Path META_INF = Path.of("target/classes/META-INF");

    /** One line of the list: "(licence) (licence) Name (groupId:artifactId:version - url)". */
    private static final Pattern ENTRY =
            Pattern.compile("^\\s*((?:\\([^()]*\\)\\s+)+)(.*)\\(([^\\s():]+:[^\\s():]+:[^\\s()]+) - [^()]*\\)$");

    private static final Pattern LICENCE = Pattern.compile("\\(([^()]*)\\)");

    @Test
    void the_repository_root_holds_licence_notice_and_third_party_list() throws IOException {
        for (String file : List.of("LICENSE", "NOTICE", "THIRD-PARTY.txt")) {
            assertThat(Path.of(file)).as(file + " at the repository root").isNotEmptyFile();
        }
        assertThat(Files.readString(Path.of("LICENSE"))).contains("Apache License", "Version 2.0, January 2004");
        assertThat(Files.readString(Path.of("NOTICE")).replaceAll("\\s+", " "))
                .contains(
                        "Apache License, Version 2.0",
                        "Elastic License 2.0",
                        "GNU Affero General Public License v3.0",
                        "Server Side Public License v1",
                        "JFreeChart",
                        "GNU Lesser",
                        "SIL Open Font License",
                        "CC BY-IGO 3.0",
                        "CC BY 4.0");
    }

    /** target/classes/META-INF/ becomes the jar's root META-INF/ (Spring Boot keeps it there); see ShippedLicencesIT. */
    @Test
    void the_build_puts_the_licence_files_where_the_jar_and_image_take_them_from() throws IOException {
        for (String file : List.of(
                "LICENSE",
                "NOTICE",
                "THIRD-PARTY.txt",
                "licenses/elasticsearch/LICENSE.txt",
                "licenses/elasticsearch/NOTICE.txt",
                "licenses/elasticsearch/modules/x-pack-core/LICENSE.txt",
                "licenses/elasticsearch/modules/x-pack-security/LICENSE.txt")) {
            assertThat(META_INF.resolve(file))
                    .as(META_INF.resolve(file) + " after the build (./mvnw process-resources writes it)")
                    .isNotEmptyFile();
        }
        assertThat(META_INF.resolve("LICENSE")).hasSameTextualContentAs(Path.of("LICENSE"));
        assertThat(META_INF.resolve("NOTICE")).hasSameTextualContentAs(Path.of("NOTICE"));
        assertThat(Files.readString(META_INF.resolve("licenses/elasticsearch/LICENSE.txt")))
                .as("the engine distribution offers AGPL-3.0, SSPL-1.0 and ELv2")
                .contains("GNU AFFERO GENERAL PUBLIC LICENSE", "Server Side Public License", "Elastic License 2.0");
        assertThat(Files.readString(META_INF.resolve("licenses/elasticsearch/modules/x-pack-core/LICENSE.txt")))
                .as("the x-pack modules are under the Elastic License 2.0 only")
                .startsWith("Elastic License 2.0")
                .doesNotContain("AFFERO");
    }

    @Test
    void the_committed_third_party_list_is_the_one_the_build_generates() throws IOException {
        Path generated = META_INF.resolve("THIRD-PARTY.txt");
        assertThat(generated)
                .as(generated + " (./mvnw process-resources writes it)")
                .isNotEmptyFile();
        assertThat(text(Path.of("THIRD-PARTY.txt")))
                .as("THIRD-PARTY.txt differs from the list the build generated from pom.xml; refresh it with: "
                        + REFRESH)
                .isEqualTo(text(generated));
    }

    @Test
    void every_library_that_ships_has_a_licence_on_the_allowed_list() throws IOException {
        Set<String> allowed = allowedLicences();
        List<Entry> entries = entries(Files.readAllLines(META_INF.resolve("THIRD-PARTY.txt")));

        assertThat(entries).as("libraries in the third-party list").hasSizeGreaterThan(50);
        assertThat(entries)
                .as("libraries none of whose licences is in src/license/allowed-licences.txt")
                .filteredOn(e -> !e.licensedUnderOneOf(allowed))
                .isEmpty();
        assertThat(entries)
                .as("JFreeChart, the one weak-copyleft library NOTICE explains")
                .filteredOn(e -> e.coordinates().startsWith("org.jfree:jfreechart:"))
                .singleElement()
                .extracting(Entry::licences)
                .isEqualTo(List.of("LGPL-2.1-or-later"));
    }

    @Test
    void a_library_under_the_gpl_only_would_be_refused() throws IOException {
        List<Entry> entries = entries(List.of(
                "     (GPL-3.0-only) Some Library (org.example:some-library:1.0 - https://example.org)",
                "     (Apache-2.0) (GPL-3.0-only) Dual Library (org.example:dual-library:1.0 - https://example.org)"));

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).licensedUnderOneOf(allowedLicences())).isFalse();
        assertThat(entries.get(1).licensedUnderOneOf(allowedLicences()))
                .as("a library offered under several licences ships under the allowed one")
                .isTrue();
    }

    record Entry(List<String> licences, String coordinates) {
        boolean licensedUnderOneOf(Set<String> allowed) {
            return licences.stream().anyMatch(allowed::contains);
        }
    }

    /** The list's entries; a line that does not parse fails the test, so a change of format cannot hide a library. */
    static List<Entry> entries(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("Lists of ")) {
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            assertThat(m.matches())
                    .as("a third-party list line of the form (licence) Name (g:a:v - url): " + line)
                    .isTrue();
            List<String> licences = new ArrayList<>();
            Matcher l = LICENCE.matcher(m.group(1));
            while (l.find()) {
                licences.add(l.group(1));
            }
            entries.add(new Entry(licences, m.group(3)));
        }
        return entries;
    }

    static Set<String> allowedLicences() throws IOException {
        return Files.readAllLines(Path.of("src/license/allowed-licences.txt")).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file).replace("\r\n", "\n");
    }
}
