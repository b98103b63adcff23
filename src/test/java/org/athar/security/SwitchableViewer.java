package org.athar.security;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A {@link CurrentViewer} a test sets to a role (or a named viewer) before calling a controller or service, standing
 * in for sign-in. Import {@link Config} into the test class; {@link #reset()} after each test gives back ADMIN.
 */
public class SwitchableViewer implements CurrentViewer {

    private final AtomicReference<Viewer> current = new AtomicReference<>(Viewer.system("test-admin"));

    @Override
    public Viewer get() {
        return current.get();
    }

    /** The viewer of the following requests. */
    public void set(Viewer viewer) {
        current.set(viewer);
    }

    /** The viewer of the following requests: a user named after the role, with that role only. */
    public void actAs(Role role) {
        current.set(new Viewer("test-" + role.name().toLowerCase(Locale.ROOT), Set.of(role)));
    }

    public void reset() {
        current.set(Viewer.system("test-admin"));
    }

    /** The test configuration that puts a {@link SwitchableViewer} in front of the application's viewer. */
    @TestConfiguration
    public static class Config {

        @Bean
        @Primary
        SwitchableViewer switchableViewer() {
            return new SwitchableViewer();
        }
    }
}
