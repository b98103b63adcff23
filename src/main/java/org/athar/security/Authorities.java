package org.athar.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The Spring Security authorities of a signed-in user. Spring's URL rules and Vaadin's {@code @RolesAllowed} check
 * "roles"; Athar's {@link Permission}s play that part ({@code ROLE_SEARCH}, {@code ROLE_IMPORT}, …), so a view or
 * an endpoint names what it needs, not who has it.
 */
public final class Authorities {

    /** Fully signed in (both factors where required): may open Account and use the API at all. */
    public static final String SIGNED_IN = "SIGNED_IN";
    /** Password accepted, the one-time code not yet: only the code page is reachable. */
    public static final String TWO_FACTOR_PENDING = "TWO_FACTOR_PENDING";
    /** Password accepted, but the role requires two factors that are not set up: only enrolment is reachable. */
    public static final String TWO_FACTOR_ENROL = "TWO_FACTOR_ENROL";

    private static final String PREFIX = "ROLE_";

    private Authorities() {}

    /** Everything a fully signed-in user with {@code roles} may do. */
    public static List<GrantedAuthority> of(Set<Role> roles) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> permissions.addAll(r.permissions()));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(role(SIGNED_IN));
        permissions.forEach(p -> authorities.add(role(p.name())));
        return List.copyOf(authorities);
    }

    /** The single authority of a sign-in that is half-way ({@link #TWO_FACTOR_PENDING} or {@link #TWO_FACTOR_ENROL}). */
    public static List<GrantedAuthority> only(String state) {
        return List.of(role(state));
    }

    public static GrantedAuthority role(String name) {
        return new SimpleGrantedAuthority(PREFIX + name);
    }

    /** True when {@code authorities} hold {@code name} as a role (e.g. {@link #SIGNED_IN}). */
    public static boolean has(Collection<? extends GrantedAuthority> authorities, String name) {
        return authorities.stream().anyMatch(a -> (PREFIX + name).equals(a.getAuthority()));
    }
}
