package org.athar.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import org.athar.engine.IndexLifecycle;
import org.athar.platform.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The first administrator. When no user exists, creates {@code admin} with {@code athar.security.admin-password}
 * ({@code ATHAR_ADMIN_PASSWORD}) or, when that is not set, with a generated password printed once to the console.
 * There is no built-in password. Runs before the web server opens its port, so the admin can sign in as soon as
 * it answers; waits for an external cluster that is not reachable yet.
 */
@Component
class FirstStart implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final Users users;
    private final IndexLifecycle indices;
    private final AtharSecurityProperties properties;
    private final PrintStream console;
    private final Retry retry;
    private Retry.Attempts retrying;

    @Autowired
    FirstStart(Users users, IndexLifecycle indices, AtharSecurityProperties properties, Retry retry) {
        this(users, indices, properties, retry, System.out);
    }

    FirstStart(
            Users users, IndexLifecycle indices, AtharSecurityProperties properties, Retry retry, PrintStream console) {
        this.users = users;
        this.indices = indices;
        this.properties = properties;
        this.retry = retry;
        this.console = console;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (indices.isReady() && tryCreate()) {
            return;
        }
        retrying = retry.every(Duration.ofSeconds(10), "athar-first-admin", () -> {
            try {
                return indices.isReady() && tryCreate();
            } catch (InvalidUserException e) {
                log.error("Cannot create the first administrator: {}", e.getMessage());
                return true; // settled: trying again cannot help
            }
        });
    }

    /** True when the question is settled: an admin was created now, or users already exist. */
    boolean tryCreate() {
        try {
            ensureAdmin();
            return true;
        } catch (UserStoreException e) {
            log.warn("Could not check for the first administrator yet ({}); trying again in 10 s", e.getMessage());
            return false;
        }
    }

    void ensureAdmin() {
        boolean given = properties.adminPasswordIfSet().isPresent();
        String password = properties.adminPasswordIfSet().orElseGet(FirstStart::generate);
        if (!users.createFirstAdmin(password)) {
            return;
        }
        if (given) {
            log.info("Athar: first start — created user \"admin\" with the password from athar.security.admin-password "
                    + "(ATHAR_ADMIN_PASSWORD); sign in and change it under Account");
        } else {
            // The console only, not the log: log files are kept and shipped, this line must not be.
            console.println("Athar: first start — created user \"admin\" with password " + password
                    + " ; sign in and change it under Account");
            console.flush();
            log.info("Athar: first start — created user \"admin\"; its generated password was printed to the "
                    + "console once");
        }
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    @Override
    public void destroy() {
        if (retrying != null) {
            retrying.cancel();
        }
    }
}
