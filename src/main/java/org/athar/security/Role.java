package org.athar.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The four roles of Athar and what each may do (the table in issue 7, README "Roles"). */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    ANALYST(EnumSet.of(
            Permission.SEARCH,
            Permission.SEE_IDENTITIES,
            Permission.VIEW_TRENDS,
            Permission.EXPORT_RECORDS,
            Permission.EXPORT_AGGREGATES,
            Permission.SEE_EXACT_COUNTS,
            Permission.REVIEW_LINKS,
            Permission.PREPARE_SHARE)),
    WRITER(EnumSet.of(
            Permission.SEARCH, Permission.VIEW_TRENDS, Permission.EXPORT_AGGREGATES, Permission.SEE_EXACT_COUNTS)),
    ADVOCACY(EnumSet.of(Permission.VIEW_TRENDS, Permission.EXPORT_AGGREGATES));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** The role named {@code text} (any case), e.g. from {@code "roles": ["WRITER"]}. */
    public static Optional<Role> fromText(String text) {
        return Arrays.stream(values())
                .filter(r -> r.name().equalsIgnoreCase(text.strip()))
                .findFirst();
    }
}
