package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The import sizes are sizes: {@code 500MB}, {@code 2GB} as documented, and a bad one names its setting. */
class ImportLimitsPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Wiring.class);

    @Configuration
    @EnableConfigurationProperties(ImportLimits.class)
    static class Wiring {}

    @Test
    void the_documented_sizes_are_read_as_sizes() {
        context.run(c -> {
            ImportLimits limits = c.getBean(ImportLimits.class);
            assertThat(limits.maxFileSize()).isEqualTo(DataSize.ofGigabytes(2));
            assertThat(limits.xlsx().maxEntrySize()).isEqualTo(DataSize.ofMegabytes(4095));
        });
        context.withPropertyValues("athar.import.max-file-size=500MB", "athar.import.xlsx.max-entry-size=1GB")
                .run(c -> {
                    ImportLimits limits = c.getBean(ImportLimits.class);
                    assertThat(limits.maxFileSize()).isEqualTo(DataSize.ofMegabytes(500));
                    assertThat(limits.maxFileSizeText()).isEqualTo("500 MB");
                    assertThat(limits.xlsx().maxEntrySize()).isEqualTo(DataSize.ofGigabytes(1));
                });
    }

    @Test
    void a_bad_size_stops_the_start_naming_the_setting() {
        context.withPropertyValues("athar.import.max-file-size=huge")
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'athar.import.max-file-size'"));
        context.withPropertyValues("athar.import.xlsx.max-entry-size=huge")
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'athar.import.xlsx.max-entry-size'"));
    }
}
