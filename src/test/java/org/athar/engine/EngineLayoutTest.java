package org.athar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The node configuration Athar writes, read back as YAML the way the node reads it. Not with a real node in such a
 * directory: the engine's distribution is unpacked inside the data directory, and Elasticsearch 8.19's own launcher
 * cannot run from a path with {@code ':'} (a class path separator) or {@code " #"} (it cuts its home path there; tried:
 * "Failed to list jars in [/tmp/…/a b/lib/tools/ansi-console]").
 */
class EngineLayoutTest {

    @Test
    void a_data_directory_with_a_colon_a_space_and_a_hash_reaches_the_node_whole() throws Exception {
        Path dataDir = Files.createDirectories(
                Files.createTempDirectory("athar-layout").resolve("a: b #c"));
        EngineLayout layout = new EngineLayout(dataDir.resolve("engine"));

        Map<String, Object> settings = new Yaml().load(layout.nodeSettings(9201, 9301));

        assertThat(settings)
                .containsEntry("path.data", dataDir.resolve("engine/data").toString())
                .containsEntry("path.logs", dataDir.resolve("engine/logs").toString())
                .containsEntry("path.repo", dataDir.resolve("backups").toString())
                .containsEntry("http.port", 9201)
                .containsEntry("transport.port", 9301)
                .containsEntry("network.host", "127.0.0.1");
    }

    @Test
    void the_settings_are_the_ones_athar_always_wrote_security_on_and_absolute_watermarks() throws Exception {
        EngineLayout layout =
                new EngineLayout(Files.createTempDirectory("athar-layout").resolve("engine"));

        String written = layout.nodeSettings(9201, 9301);
        Map<String, Object> settings = new Yaml().load(written);

        assertThat(written).startsWith("# Written by Athar at each start; edits are overwritten.");
        assertThat(settings)
                .containsEntry("cluster.name", "athar")
                .containsEntry("node.name", "athar-embedded")
                .containsEntry("discovery.type", "single-node")
                .containsEntry("xpack.security.enabled", true)
                .containsEntry("xpack.security.autoconfiguration.enabled", false)
                .containsEntry("xpack.security.enrollment.enabled", false)
                .containsEntry("xpack.security.http.ssl.enabled", false)
                .containsEntry("xpack.security.transport.ssl.enabled", false)
                .containsEntry("xpack.security.authc.reserved_realm.enabled", false)
                .containsEntry("xpack.security.authc.api_key.enabled", false)
                .containsEntry("xpack.security.authc.realms.file.athar_file.order", 0)
                .containsEntry("action.destructive_requires_name", true)
                .containsEntry("cluster.routing.allocation.disk.watermark.low", "2gb")
                .containsEntry("cluster.routing.allocation.disk.watermark.high", "1gb")
                .containsEntry("cluster.routing.allocation.disk.watermark.flood_stage", "500mb")
                .hasSize(21);
    }

    @Test
    void the_http_port_of_the_last_written_configuration_is_read_back_even_under_an_awkward_path() throws Exception {
        Path dataDir = Files.createDirectories(
                Files.createTempDirectory("athar-layout").resolve("a: b #c"));
        EngineLayout layout = new EngineLayout(dataDir.resolve("engine"));
        Files.createDirectories(layout.config());
        Files.writeString(layout.config().resolve("elasticsearch.yml"), layout.nodeSettings(9207, 9307));

        assertThat(layout.configuredHttpPort()).isEqualTo(Optional.of(9207));
    }

    @Test
    void no_configuration_yet_means_no_port() throws Exception {
        EngineLayout layout =
                new EngineLayout(Files.createTempDirectory("athar-layout").resolve("engine"));

        assertThat(layout.configuredHttpPort()).isEmpty();
    }
}
