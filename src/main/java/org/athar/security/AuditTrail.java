package org.athar.security;

import java.util.Locale;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Writes to the audit log what Spring Security and the account services announce as events: refused sign-ins (page,
 * code step, HTTP Basic and API tokens), sign-outs and every account change. Successful browser sign-ins are recorded
 * by the sign-in page's success handler, before the session is used (fail closed); see docs/security-audit.md.
 */
@Component
class AuditTrail {

    private final AuditLog audit;

    AuditTrail(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void signInRefused(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        // A BearerToken's name is "api-token", never the token; a code step's name is the user's.
        String username =
                attempt.getName() == null ? "" : attempt.getName().strip().toLowerCase(Locale.ROOT);
        audit.signInFailed(username, ClientAddress.current(), reason(attempt, event.getException()));
    }

    private static String reason(Authentication attempt, Exception e) {
        if (e instanceof TwoFactorRequiredException refused) {
            return refused.twoFactorOn() ? "basic_refused_two_factor_on" : "basic_refused_two_factor_required";
        }
        if (e instanceof TwoFactorNotSetUpException) {
            return "token_refused_two_factor_not_set_up";
        }
        if (e instanceof SignInThrottledException) {
            return "throttled";
        }
        if (e instanceof DisabledException) {
            return "disabled";
        }
        if (e instanceof BadCredentialsException) {
            if (attempt instanceof TwoFactorCode) {
                return "wrong_code";
            }
            return attempt instanceof BearerToken ? "unknown_or_revoked_token" : "bad_credentials";
        }
        return "refused";
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        Authentication who = event.getAuthentication();
        if (who == null || who instanceof AnonymousAuthenticationToken) {
            return;
        }
        audit.signedOut(new Viewer(who.getName(), Set.of()), ClientAddress.current());
    }

    /** An account change, just after it is saved; changes made while signing in never stop the sign-in. */
    @EventListener
    void accountChanged(UserChanged change) {
        String detail = change.change().name().toLowerCase(Locale.ROOT)
                + (change.detail().isEmpty() ? "" : " " + change.detail());
        boolean duringSignIn = change.change() == UserChanged.Change.RECOVERY_CODE_USED;
        audit.changedUser(change.actor(), ClientAddress.current(), change.username(), detail, duringSignIn);
    }
}
