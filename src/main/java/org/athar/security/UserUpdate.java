package org.athar.security;

import java.util.Optional;
import java.util.Set;

/**
 * What an administrator changes on an account; absent parts stay as they are.
 *
 * @param password a new password (the user's open sessions end)
 * @param resetTwoFactor turn two factors off, e.g. after a lost phone and lost recovery codes
 */
public record UserUpdate(
        Optional<Set<Role>> roles, Optional<Boolean> enabled, Optional<String> password, boolean resetTwoFactor) {

    public static UserUpdate roles(Set<Role> roles) {
        return new UserUpdate(Optional.of(roles), Optional.empty(), Optional.empty(), false);
    }

    public static UserUpdate enabled(boolean enabled) {
        return new UserUpdate(Optional.empty(), Optional.of(enabled), Optional.empty(), false);
    }

    public static UserUpdate password(String password) {
        return new UserUpdate(Optional.empty(), Optional.empty(), Optional.of(password), false);
    }
}
