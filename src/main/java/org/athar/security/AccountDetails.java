package org.athar.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** An account as Spring's user look-up reads it: hash and enabled (never locked: see {@link SignInThrottle}). */
record AccountDetails(UserAccount account) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of();
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    /** Looks accounts up by username, case-insensitively. */
    static UserDetailsService service(UserStore store) {
        return username -> store.find(username.strip().toLowerCase(Locale.ROOT))
                .map(AccountDetails::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
