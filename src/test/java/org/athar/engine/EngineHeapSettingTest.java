package org.athar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

/**
 * {@code athar.elasticsearch.embedded.heap} is a size: the values Athar's settings, documentation and scripts use
 * ({@code 512m}, {@code 1g}) keep working and reach the node's {@code -Xms}/{@code -Xmx} unchanged.
 */
class EngineHeapSettingTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Wiring.class);

    @Configuration
    @EnableConfigurationProperties({EngineProperties.class, EngineHeapSettingTest.PlainSize.class})
    @Import(JvmSizeConverter.class)
    static class Wiring {}

    /** A size setting without {@link JvmSize}, as {@code athar.import.max-file-size} is. */
    @ConfigurationProperties("test.plain")
    record PlainSize(DataSize size) {}

    private static String heapOption(org.springframework.context.ApplicationContext c) {
        return c.getBean(EngineProperties.class).embeddedSettings().heap();
    }

    @Test
    void the_heap_is_512m_unless_configured() {
        context.run(c -> {
            assertThat(c.getBean(EngineProperties.class)
                            .elasticsearch()
                            .embedded()
                            .heap())
                    .isEqualTo(DataSize.ofMegabytes(512));
            assertThat(heapOption(c)).isEqualTo("512m");
        });
    }

    @Test
    void the_values_in_use_are_read_as_the_jvm_reads_them_and_written_back_the_same() {
        context.withPropertyValues("athar.elasticsearch.embedded.heap=1g")
                .run(c -> assertThat(heapOption(c)).isEqualTo("1g"));
        context.withPropertyValues("athar.elasticsearch.embedded.heap=512m")
                .run(c -> assertThat(heapOption(c)).isEqualTo("512m"));
        context.withPropertyValues("athar.elasticsearch.embedded.heap=2G")
                .run(c -> assertThat(heapOption(c)).isEqualTo("2g"));
        context.withPropertyValues("athar.elasticsearch.embedded.heap=1536m")
                .run(c -> assertThat(heapOption(c)).isEqualTo("1536m"));
    }

    @Test
    void spring_s_way_of_writing_a_size_is_accepted_too() {
        context.withPropertyValues("athar.elasticsearch.embedded.heap=768MB")
                .run(c -> assertThat(heapOption(c)).isEqualTo("768m"));
        context.withPropertyValues("athar.elasticsearch.embedded.heap=1GB")
                .run(c -> assertThat(heapOption(c)).isEqualTo("1g"));
    }

    @Test
    void a_heap_that_is_not_a_size_stops_the_start_and_says_how_to_write_one() {
        context.withPropertyValues("athar.elasticsearch.embedded.heap=12q")
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("'12q' is not a size; write it as the JVM does (512m, 1g) or as 512MB"));
    }

    @Test
    void a_bad_size_stops_the_start_naming_the_setting() {
        context.withPropertyValues("athar.elasticsearch.embedded.heap=lots")
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining(
                                "Failed to bind properties under 'athar.elasticsearch.embedded.heap'"));
    }

    @Test
    void other_size_settings_keep_spring_s_rules() {
        context.withPropertyValues("test.plain.size=2g").run(c -> assertThat(c).hasFailed());
        context.withPropertyValues("test.plain.size=2GB")
                .run(c -> assertThat(c.getBean(PlainSize.class).size()).isEqualTo(DataSize.ofGigabytes(2)));
    }

    @Test
    void a_size_the_jvm_has_no_unit_for_is_written_in_bytes_or_kilobytes() {
        assertThat(JvmSizeConverter.jvmOption(DataSize.ofKilobytes(1536))).isEqualTo("1536k");
        assertThat(JvmSizeConverter.jvmOption(DataSize.ofBytes(1000))).isEqualTo("1000");
        assertThat(JvmSizeConverter.jvmOption(DataSize.ofBytes(0))).isEqualTo("0");
    }
}
