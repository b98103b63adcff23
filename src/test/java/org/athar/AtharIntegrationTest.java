package org.athar;

import org.athar.engine.TestEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application against the shared real node of {@link TestEngine}
 * (the application connects to it in external mode, so every test context reuses one node). The first start
 * creates {@code admin} with {@link #ADMIN_PASSWORD}; {@link #http} calls the application signed in as admin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AtharIntegrationTest {

    /** The test administrator's password (synthetic, only ever used against the throwaway test node). */
    public static final String ADMIN_PASSWORD = "test-admin-passphrase-2026";

    /** The application's data directory (its row-digest key file), one throwaway directory per test JVM. */
    public static final java.nio.file.Path DATA_DIR = TestEngine.freshDataDir("athar-test-data");

    /** HTTP to the running application with HTTP Basic as {@code admin}. */
    protected TestRestTemplate http;

    /** HTTP to the running application without credentials. */
    protected TestRestTemplate anonymous;

    @DynamicPropertySource
    static void engine(DynamicPropertyRegistry registry) {
        registry.add("athar.elasticsearch.mode", () -> "external");
        registry.add("spring.elasticsearch.uris", () -> TestEngine.uri().toString());
        // The node admits only its generated account: the application signs in as a cluster user would.
        registry.add(
                "spring.elasticsearch.username", () -> TestEngine.credentials().username());
        registry.add(
                "spring.elasticsearch.password", () -> TestEngine.credentials().password());
        registry.add("athar.demo.enabled", () -> "false");
        registry.add("athar.data-dir", DATA_DIR::toString);
        registry.add("athar.security.admin-password", () -> ADMIN_PASSWORD);
        // The application runs in external mode here: Athar registers this repository on the test node itself.
        registry.add("athar.backup.location", () -> TestEngine.backupsDir().toString());
    }

    @Autowired
    void clients(TestRestTemplate rest) {
        this.anonymous = rest;
        this.http = rest.withBasicAuth("admin", ADMIN_PASSWORD);
    }
}
