package org.athar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The {@code athar.disclosure.k} setting and the profile switch that feature services call. */
class DisclosureControlTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Wiring.class);

    @Configuration
    @EnableConfigurationProperties(DisclosureProperties.class)
    @Import(DisclosureControl.class)
    static class Wiring {}

    @Test
    void k_is_5_unless_configured() {
        context.run(c -> assertThat(c.getBean(DisclosureControl.class).k()).isEqualTo(5));
        context.withPropertyValues("athar.disclosure.k=10")
                .run(c -> assertThat(c.getBean(DisclosureControl.class).k()).isEqualTo(10));
    }

    @Test
    void a_k_below_1_stops_the_application_with_the_setting_to_fix() {
        context.withPropertyValues("athar.disclosure.k=0")
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("athar.disclosure.k is 0; set it to 1 or more"));
    }

    @Test
    void the_internal_profile_gets_the_exact_figures_and_the_public_profile_the_suppressed_ones() {
        CrossTab exact = Tables.crossTab(new long[][] {{20, 3, 15}, {12, 30, 8}});
        Breakdown breakdown = Tables.breakdown(40, 3, 25);
        context.withPropertyValues("athar.disclosure.k=4").run(c -> {
            DisclosureControl control = c.getBean(DisclosureControl.class);
            assertThat(control.apply(exact, DisclosureProfile.INTERNAL)).isSameAs(exact);
            assertThat(control.apply(breakdown, DisclosureProfile.INTERNAL)).isSameAs(breakdown);
            assertThat(control.apply(exact, DisclosureProfile.PUBLIC)).isEqualTo(Disclosure.suppress(exact, 4));
            assertThat(Tables.publishedBuckets(control.apply(breakdown, DisclosureProfile.PUBLIC)))
                    .containsExactly(40, -1, -1);
            assertThat(control.withheldNote(java.util.Locale.ENGLISH)).contains("fewer than 4 ");
        });
    }
}
