package org.athar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code athar.demo.*}: demo data on a first start unless turned off, 20,000 reports unless told otherwise. */
class DemoPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Wiring.class);

    @Configuration
    @EnableConfigurationProperties(DemoProperties.class)
    static class Wiring {}

    @Test
    void demo_data_is_loaded_with_20000_reports_unless_configured() {
        context.run(c -> assertThat(c.getBean(DemoProperties.class)).isEqualTo(new DemoProperties(true, 20_000)));
    }

    @Test
    void the_settings_used_by_the_documentation_scripts_and_tests_are_read() {
        context.withPropertyValues("athar.demo.enabled=false", "athar.demo.size=500")
                .run(c -> assertThat(c.getBean(DemoProperties.class)).isEqualTo(new DemoProperties(false, 500)));
    }
}
