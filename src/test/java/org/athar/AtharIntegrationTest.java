package org.athar;

import org.athar.engine.TestEngine;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application against the shared real node of {@link TestEngine}
 * (the application connects to it in external mode, so every test context reuses one node).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AtharIntegrationTest {

    @DynamicPropertySource
    static void engine(DynamicPropertyRegistry registry) {
        registry.add("athar.elasticsearch.mode", () -> "external");
        registry.add("spring.elasticsearch.uris", () -> TestEngine.uri().toString());
        registry.add("athar.demo.enabled", () -> "false");
    }
}
