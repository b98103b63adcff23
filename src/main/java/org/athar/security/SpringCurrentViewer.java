package org.athar.security;

import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The viewer of the current request or Vaadin session, from Spring Security. Only a complete sign-in carries
 * roles: nobody signed in, or half-way through two factors, is a viewer without any permission.
 */
@Component
class SpringCurrentViewer implements CurrentViewer {

    static final String NOBODY = "anonymous";

    private final SecurityContextHolderStrategy contexts;

    /** This application context's holder (Vaadin's): not the static one, which the last started context owns. */
    SpringCurrentViewer(ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    @Override
    public Viewer get() {
        Authentication auth = contexts.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            boolean complete = Authorities.has(auth.getAuthorities(), Authorities.SIGNED_IN);
            return new Viewer(user.username(), complete ? user.roles() : Set.of());
        }
        return new Viewer(NOBODY, Set.of());
    }
}
