package org.athar.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.athar.security.InvalidUserException.Reason;
import org.athar.security.UserChanged.Change;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Accounts: administrators create users, assign roles, reset passwords and disable accounts; every user changes
 * their own password. Every change is published as {@link UserChanged}.
 */
@Service
public class Users {

    private final UserStore store;
    private final PasswordHashing hashing;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    // Serialises role and enabled changes so two administrators cannot remove the last administrator together.
    private final Object adminChanges = new Object();

    Users(UserStore store, PasswordHashing hashing, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.hashing = hashing;
        this.events = events;
        this.clock = clock;
    }

    /** Parses role names ({@code "WRITER"}, any case); 400-worthy when one is unknown or none is given. */
    public static Set<Role> roles(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidUserException(
                    "roles", Reason.NO_ROLE, "roles must name at least one of " + List.of(Role.values()));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.fromText(name == null ? "" : name)
                    .orElseThrow(() -> new InvalidUserException(
                            "roles",
                            Reason.UNKNOWN_ROLE,
                            "unknown role '" + name + "'; roles are " + List.of(Role.values()))));
        }
        return roles;
    }

    public UserSummary create(Viewer actor, String username, String password, Set<Role> roles) {
        actor.require(Permission.ADMINISTER);
        String name = PasswordPolicy.username(username);
        PasswordPolicy.check(name, password, "password");
        if (roles.isEmpty()) {
            throw new InvalidUserException("roles", Reason.NO_ROLE, "a user needs at least one role");
        }
        Instant now = clock.instant();
        UserAccount account = UserAccount.create(name, hashing.encode(password), roles, now);
        if (!store.create(account)) {
            throw new UserConflictException(
                    UserConflictException.Kind.USERNAME_TAKEN,
                    "a user named '" + name + "' already exists; choose another username or PATCH /api/v1/admin/users/"
                            + name);
        }
        events.publishEvent(new UserChanged(actor.username(), name, Change.CREATED, names(roles)));
        return account.summary(now);
    }

    public List<UserSummary> list(Viewer actor) {
        actor.require(Permission.ADMINISTER);
        Instant now = clock.instant();
        return store.all().stream().map(a -> a.summary(now)).toList();
    }

    /** The account of {@code username} as its owner sees it on the Account page. */
    public Optional<UserSummary> find(String username) {
        return store.find(username).map(a -> a.summary(clock.instant()));
    }

    public UserSummary update(Viewer actor, String username, UserUpdate update) {
        actor.require(Permission.ADMINISTER);
        String name = username.strip().toLowerCase(Locale.ROOT);
        UserAccount before = store.find(name).orElseThrow(() -> new NoSuchUserException(name));
        update.roles().ifPresent(r -> {
            if (r.isEmpty()) {
                throw new InvalidUserException("roles", Reason.NO_ROLE, "a user needs at least one role");
            }
        });
        update.password().ifPresent(p -> PasswordPolicy.check(name, p, "password"));
        Optional<String> hash = update.password().map(hashing::encode);
        Instant now = clock.instant();
        UserAccount after;
        synchronized (adminChanges) {
            UserAccount candidate = apply(before, update, hash, now);
            if (before.isEnabledAdmin() && !candidate.isEnabledAdmin() && otherEnabledAdmins(name) == 0) {
                throw new UserConflictException(
                        UserConflictException.Kind.LAST_ADMIN,
                        "'" + name + "' is the last "
                                + "enabled administrator; make another user ADMIN first, so someone can still manage users");
            }
            after = store.update(name, current -> apply(current, update, hash, now), true)
                    .orElseThrow(() -> new NoSuchUserException(name));
        }
        publishChanges(actor.username(), before, after, update);
        return after.summary(now);
    }

    /** The signed-in user changes their own password after proving the current one. */
    public void changeOwnPassword(String username, String current, String next) {
        UserAccount account = store.find(username).orElseThrow(() -> new NoSuchUserException(username));
        if (!hashing.matches(current, account.passwordHash())) {
            throw new InvalidUserException(
                    "currentPassword", Reason.WRONG_CURRENT_PASSWORD, "the current password is not correct");
        }
        PasswordPolicy.check(username, next, "newPassword");
        String hash = hashing.encode(next);
        Instant now = clock.instant();
        store.update(username, a -> a.withPassword(hash, now, false), true);
        events.publishEvent(new UserChanged(username, username, Change.PASSWORD_CHANGED, ""));
    }

    /** First start: creates {@code admin} with {@code password} when there is no user at all. */
    boolean createFirstAdmin(String password) {
        if (store.count() > 0) {
            return false;
        }
        PasswordPolicy.check("admin", password, "athar.security.admin-password");
        // Another instance starting against the same cluster may win the race; then it made the admin.
        boolean created = store.create(
                UserAccount.create("admin", hashing.encode(password), Set.of(Role.ADMIN), clock.instant()));
        if (created) {
            events.publishEvent(new UserChanged("system", "admin", Change.CREATED, "ADMIN"));
        }
        return created;
    }

    private static UserAccount apply(UserAccount a, UserUpdate u, Optional<String> hash, Instant now) {
        UserAccount next = a;
        if (u.roles().isPresent()) {
            next = next.withRoles(u.roles().get());
        }
        if (u.enabled().isPresent() && u.enabled().get() != next.enabled()) {
            next = next.withEnabled(u.enabled().get(), now);
        }
        if (hash.isPresent()) {
            next = next.withPassword(hash.get(), now, true);
        }
        if (u.resetTwoFactor() && next.twoFactorOn()) {
            next = next.withTwoFactor(Optional.empty(), 0, List.of(), Optional.of(now));
        }
        return next;
    }

    private long otherEnabledAdmins(String username) {
        return store.all().stream()
                .filter(a -> !a.username().equals(username))
                .filter(UserAccount::isEnabledAdmin)
                .count();
    }

    private void publishChanges(String actor, UserAccount before, UserAccount after, UserUpdate update) {
        String name = after.username();
        if (!before.roles().equals(after.roles())) {
            events.publishEvent(new UserChanged(actor, name, Change.ROLES_CHANGED, names(after.roles())));
        }
        if (before.enabled() != after.enabled()) {
            events.publishEvent(new UserChanged(actor, name, after.enabled() ? Change.ENABLED : Change.DISABLED, ""));
        }
        if (update.password().isPresent()) {
            events.publishEvent(new UserChanged(actor, name, Change.PASSWORD_RESET, ""));
        }
        if (before.twoFactorOn() && !after.twoFactorOn()) {
            events.publishEvent(new UserChanged(actor, name, Change.TWO_FACTOR_RESET, ""));
        }
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
