package org.athar.security;

import java.time.Clock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Username and password, checked by Spring's bcrypt provider (which also evens out the time an unknown username
 * takes). The result depends on where the password came from: the sign-in page hands out only the next step when
 * two factors are on or required; HTTP Basic refuses two-factor accounts outright.
 */
class AccountAuthenticationProvider extends DaoAuthenticationProvider {

    /** Where the password was sent. */
    enum Channel { SIGN_IN_PAGE, HTTP_BASIC }

    private final Channel channel;
    private final AtharSecurityProperties properties;
    private final Clock clock;

    AccountAuthenticationProvider(UserStore store, PasswordHashing hashing, AtharSecurityProperties properties,
            Clock clock, Channel channel) {
        super(AccountDetails.service(store, clock));
        setPasswordEncoder(hashing);
        this.channel = channel;
        this.properties = properties;
        this.clock = clock;
        if (channel == Channel.HTTP_BASIC) {
            setPostAuthenticationChecks(details -> {
                if (((AccountDetails) details).account().twoFactorOn()) {
                    throw new TwoFactorRequiredException();
                }
            });
        }
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
            UserDetails details) {
        UserAccount account = ((AccountDetails) details).account();
        SignedInUser user = new SignedInUser(account.username(), account.roles(), clock.instant());
        var authorities = Authorities.of(account.roles());
        if (channel == Channel.SIGN_IN_PAGE && account.twoFactorOn()) {
            authorities = Authorities.only(Authorities.TWO_FACTOR_PENDING);
        } else if (channel == Channel.SIGN_IN_PAGE && properties.requiresTwoFactor(account.roles())) {
            authorities = Authorities.only(Authorities.TWO_FACTOR_ENROL);
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}
