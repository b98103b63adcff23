package org.athar.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Username and password. Every attempt costs exactly one bcrypt comparison, whatever the outcome: an unknown name
 * is compared against a dummy hash, and an attempt refused by {@link SignInThrottle} too, so the time of an answer
 * never tells whether a name exists, is disabled or is being slowed down. The result depends on where the password
 * came from: the sign-in page hands out only the next step when two factors are on or required; HTTP Basic refuses
 * every account whose role requires two factors, or which has them on, with the answer a wrong password gets.
 */
class AccountAuthenticationProvider implements AuthenticationProvider {

    /** Where the password was sent. */
    enum Channel {
        SIGN_IN_PAGE,
        HTTP_BASIC
    }

    private final UserStore store;
    private final PasswordHashing hashing;
    private final AtharSecurityProperties properties;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final Channel channel;

    AccountAuthenticationProvider(
            UserStore store,
            PasswordHashing hashing,
            AtharSecurityProperties properties,
            SignInThrottle throttle,
            Clock clock,
            Channel channel) {
        this.store = store;
        this.hashing = hashing;
        this.properties = properties;
        this.throttle = throttle;
        this.clock = clock;
        this.channel = channel;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName() == null ? "" : attempt.getName().strip().toLowerCase(Locale.ROOT);
        String password =
                attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = ClientAddress.current();
        Optional<Duration> wait = throttle.waitFor(name, address);
        Optional<UserAccount> account;
        try {
            account = store.find(name);
        } catch (UserStoreException e) {
            throw new InternalAuthenticationServiceException(e.getMessage(), e);
        }
        // The one comparison: against the account's hash only when the attempt may be checked at all.
        String hash = wait.isEmpty()
                ? account.map(UserAccount::passwordHash).orElseGet(hashing::dummyHash)
                : hashing.dummyHash();
        boolean matches = hashing.matches(password, hash);
        if (wait.isPresent()) {
            throw new SignInThrottledException(wait.get());
        }
        if (!matches || account.isEmpty()) {
            throttle.failed(name, address);
            throw new BadCredentialsException("wrong username or password");
        }
        UserAccount user = account.get();
        if (!user.enabled()) {
            throw new DisabledException("the account is disabled");
        }
        if (channel == Channel.HTTP_BASIC && (user.twoFactorOn() || properties.requiresTwoFactor(user.roles()))) {
            throw new TwoFactorRequiredException(user.twoFactorOn());
        }
        SignedInUser signedIn = new SignedInUser(user.username(), user.roles(), clock.instant());
        if (channel == Channel.HTTP_BASIC) {
            throttle.succeeded(name, address);
            return new BasicSignIn(signedIn, Authorities.of(user.roles()));
        }
        List<GrantedAuthority> authorities = user.twoFactorOn()
                ? Authorities.only(Authorities.TWO_FACTOR_PENDING)
                : afterSecondFactor(user, properties);
        if (Authorities.has(authorities, Authorities.SIGNED_IN)) {
            // Only a complete sign-in starts the count again: the password alone must not, or the one-time code
            // could be guessed by signing in again after every few tries.
            throttle.succeeded(name, address);
        }
        return UsernamePasswordAuthenticationToken.authenticated(signedIn, null, authorities);
    }

    /**
     * What a sign-in past every factor the account has may do: everything its roles allow, or only set up two
     * factors when a role requires them and they are not on (also applied to open sessions whose roles change).
     */
    static List<GrantedAuthority> afterSecondFactor(UserAccount account, AtharSecurityProperties properties) {
        if (!account.twoFactorOn() && properties.requiresTwoFactor(account.roles())) {
            return Authorities.only(Authorities.TWO_FACTOR_ENROL);
        }
        return Authorities.of(account.roles());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
