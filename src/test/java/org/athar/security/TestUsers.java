package org.athar.security;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.athar.engine.EngineIndices;

/** Synthetic accounts for tests: one per role with a unique name, and throwaway user indices for a first start. */
public final class TestUsers {

    /** A user a test signs in as. */
    public record Account(String username, String password, Role role) {}

    private TestUsers() {}

    /** Creates a user with {@code role} through the same service the Admin view and API use. */
    public static Account create(Users users, Role role) {
        String name = role.name().toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        String password = "synthetic pass " + UUID.randomUUID();
        users.create(Viewer.system("test"), name, password, Set.of(role));
        return new Account(name, password, role);
    }

    /** A new, empty user index made from the {@code athar-users} template (its name matches the pattern). */
    static UserStore freshStore(ElasticsearchClient client) {
        String index = EngineIndices.USERS + "-vtest-" + UUID.randomUUID();
        try {
            client.indices().create(c -> c.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UserStore(client, index);
    }

    /** Security settings at their defaults but for the first administrator's password and the two-factor roles. */
    static AtharSecurityProperties properties(String adminPassword, Set<Role> require2faRoles) {
        return new AtharSecurityProperties(
                adminPassword,
                require2faRoles,
                Duration.ofMinutes(30),
                AtharSecurityProperties.Throttle.defaults(),
                java.util.List.of());
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
