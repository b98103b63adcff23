package org.athar.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application: every date or time Athar stores or shows is UTC, read from this bean (injected,
 * so a test can stop or move time). A test replaces it with {@code @MockitoBean Clock} or a {@code @Primary} Clock
 * bean of its own; Spring Boot refuses a second bean of the same name.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
