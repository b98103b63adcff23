package org.athar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata the build writes for IDEs (spring-boot-configuration-processor) lists every
 * {@code athar.*} setting of docs/configuration.md with a description, and docs/configuration.md documents every
 * {@code athar.*} setting the metadata lists. Names are compared as Spring binds them (relaxed: dashes do not count,
 * so {@code require-2fa-roles} is {@code require2fa-roles}).
 */
class ConfigurationMetadataTest {

    /** The first column of a table row in docs/configuration.md: {@code | `athar.x.y` | ...}. */
    private static final Pattern DOCUMENTED = Pattern.compile("(?m)^\\| `(athar\\.[a-z0-9.-]+)` \\|");

    private static String canonical(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, JsonNode> metadata() throws IOException {
        Map<String, JsonNode> properties = new TreeMap<>();
        // Every jar with Spring metadata has a file of this name; Athar's is the one with athar.* in it.
        for (URL file : Collections.list(ConfigurationMetadataTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = file.openStream()) {
                for (JsonNode p : new ObjectMapper().readTree(in).path("properties")) {
                    if (p.path("name").asText().startsWith("athar.")) {
                        properties.put(canonical(p.path("name").asText()), p);
                    }
                }
            }
        }
        assertThat(properties)
                .as("the build writes META-INF/spring-configuration-metadata.json")
                .isNotEmpty();
        return properties;
    }

    private static TreeSet<String> documented() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = DOCUMENTED.matcher(Files.readString(Path.of("docs", "configuration.md")));
        while (m.find()) {
            names.add(canonical(m.group(1)));
        }
        return names;
    }

    @Test
    void every_documented_athar_setting_is_in_the_metadata_with_a_description() throws IOException {
        Map<String, JsonNode> metadata = metadata();
        TreeSet<String> documented = documented();
        assertThat(documented).hasSizeGreaterThan(25);
        assertThat(metadata.keySet()).containsAll(documented);
        for (String name : documented) {
            assertThat(metadata.get(name).path("description").asText()).as(name).isNotBlank();
        }
    }

    @Test
    void every_athar_setting_in_the_metadata_is_documented() throws IOException {
        assertThat(documented()).containsAll(metadata().keySet());
    }
}
