package org.athar.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is asking, as the feature services see it: services take a viewer and enforce what it may receive, so a
 * forgotten check in a view or controller cannot leak a name.
 */
public record Viewer(String username, Set<Role> roles) {

    public Viewer {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean can(Permission permission) {
        return roles.stream().anyMatch(r -> r.permissions().contains(permission));
    }

    /** Stops with {@link AccessDeniedException} (HTTP 403) unless the viewer has {@code permission}. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new AccessDeniedException(permission, roles);
        }
    }

    /** The viewer of work the application does itself (demo loading, start-up tasks), with every permission. */
    public static Viewer system(String name) {
        return new Viewer(name, Set.of(Role.ADMIN));
    }
}
