package org.athar.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.athar.e2e.PackagedApp;

/**
 * One of the sharing round trip's installations: the packaged jar with its own data directory, its own embedded
 * engine and its own installation name. {@link #close()} stops the application and then makes sure its engine is
 * gone too, so a failed test leaves no Elasticsearch behind.
 */
final class SharingInstallation implements AutoCloseable {

    static final String PASSWORD = "synthetic sharing-test admin passphrase";

    private final String name;
    private final PackagedApp app;
    private AtharApi api;
    private Optional<Long> enginePid = Optional.empty();

    private SharingInstallation(String name, PackagedApp app) {
        this.name = name;
        this.app = app;
    }

    /** Starts the jar without waiting for it; {@link #awaitReady()} waits. */
    static SharingInstallation start(Path dir, String name) throws IOException {
        String slug = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        PackagedApp app = PackagedApp.start(
                dir.resolve(slug),
                "sharing-" + slug + ".log",
                Map.of(),
                "--athar.demo.enabled=false",
                "--athar.security.admin-password=" + PASSWORD,
                "--athar.sharing.installation-name=" + name);
        return new SharingInstallation(name, app);
    }

    void awaitReady() throws Exception {
        app.awaitHealth(200, Duration.ofMinutes(8));
        api = new AtharApi(app.base(), "admin", PASSWORD);
        enginePid = Optional.of(app.enginePid());
    }

    String name() {
        return name;
    }

    AtharApi api() {
        if (api == null) {
            throw new IllegalStateException(name + " is not ready: awaitReady() first");
        }
        return api;
    }

    PackagedApp app() {
        return app;
    }

    @Override
    public void close() {
        try {
            app.close();
        } catch (Exception e) {
            System.out.println("[sharing] stopping " + name + " failed: " + e);
        }
        Optional<Long> pid = enginePid.or(this::pidFromFile);
        pid.flatMap(ProcessHandle::of).ifPresent(engine -> {
            try {
                engine.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                System.out.println("[sharing] the engine of " + name + " (pid " + engine.pid()
                        + ") outlived its application: killing it");
                engine.destroyForcibly();
            } catch (Exception e) {
                engine.destroyForcibly();
            }
        });
    }

    // The application may have died before it was ready: its engine may still have started.
    private Optional<Long> pidFromFile() {
        Path file = app.dataDir().resolve("engine/run/elasticsearch.pid");
        try {
            return Files.exists(file)
                    ? Optional.of(Long.parseLong(Files.readString(file).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
