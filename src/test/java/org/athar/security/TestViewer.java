package org.athar.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The viewer of every request in a test context, switchable (e.g. to a WRITER) to see what a user without a permission gets. */
public final class TestViewer implements CurrentViewer {

    public static final Viewer ADMIN = Viewer.system("test-admin");

    private volatile Viewer current = ADMIN;

    @Override
    public Viewer get() {
        return current;
    }

    public void set(Viewer viewer) {
        current = viewer;
    }

    public void reset() {
        current = ADMIN;
    }

    /** Import this into a test context to replace the open-access viewer. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        TestViewer testViewer() {
            return new TestViewer();
        }
    }
}
