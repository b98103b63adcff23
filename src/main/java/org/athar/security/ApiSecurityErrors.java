package org.athar.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import org.athar.platform.ProblemKind;
import org.athar.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * The API's answers when access fails, as problem details (docs/api.md) with the sentence in {@code detail} and
 * {@code error}: 401 with {@code WWW-Authenticate} when
 * credentials are missing or refused, 429 with {@code Retry-After} while failed sign-ins are slowed down, 403 naming
 * the missing permission or the missing CSRF token, 503 when the user index does not answer. A refusal never says
 * whether the username exists, nor whether the password was right.
 */
@Component
class ApiSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String NO_CREDENTIALS = "sign in: send an API token as 'Authorization: Bearer <token>' (create one "
            + "under Account) or a username and password with HTTP Basic";

    /**
     * One answer for a wrong password, an unknown user, a disabled account, the right password of an account that
     * has or needs two factors, and a bad token: none of them may be told apart.
     */
    static final String NOT_ACCEPTED = "the credentials were not accepted: a wrong username or password, an unknown "
            + "or revoked token, or an account that signs in with two factors, which HTTP Basic cannot carry (sign in "
            + "on the web page, create an API token under Account and send it as 'Authorization: Bearer <token>')";

    private final SecurityContextHolderStrategy contexts;

    ApiSecurityErrors(ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof InternalAuthenticationServiceException) {
            write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemKind.ENGINE_UNAVAILABLE,
                    "sign-in is not possible right now because "
                            + "the user index did not answer; try again in a minute");
            return;
        }
        if (e instanceof SignInThrottledException slowed) {
            // Not a refusal of the credentials (they were not looked at), so no WWW-Authenticate challenge.
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(slowed.retryAfterSeconds()));
            write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    ProblemKind.SIGN_IN_THROTTLED,
                    "too many failed sign-ins for this username from this address: wait "
                            + slowed.retryAfterSeconds()
                            + " s before trying again (the wait grows with each failure and "
                            + "ends with a successful sign-in; scripts should use an API token)");
            return;
        }
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Athar\"");
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Athar\", charset=\"UTF-8\"");
        write(request, response, HttpStatus.UNAUTHORIZED, ProblemKind.SIGN_IN_REQUIRED, message(request, e));
    }

    private String message(HttpServletRequest request, AuthenticationException e) {
        if (e instanceof TwoFactorNotSetUpException) {
            return TwoFactorNotSetUpException.MESSAGE; // only the token's holder gets here
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return NO_CREDENTIALS;
        }
        return NOT_ACCEPTED;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication who = contexts.getContext().getAuthentication();
        boolean signedIn = who != null && who.getPrincipal() instanceof SignedInUser;
        if (!signedIn) {
            commence(request, response, new InsufficientAuthenticationException(NO_CREDENTIALS));
            return;
        }
        if (e instanceof CsrfException) {
            write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    ProblemKind.CSRF_TOKEN_MISSING,
                    "a request that changes data with the browser's "
                            + "session cookie needs the CSRF token in the X-CSRF-TOKEN header; scripts should send "
                            + "'Authorization: Bearer <token>' instead");
            return;
        }
        if (!Authorities.has(who.getAuthorities(), Authorities.SIGNED_IN)) {
            write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    ProblemKind.SIGN_IN_INCOMPLETE,
                    "this sign-in is not complete: finish signing in on the "
                            + "web page first (the one-time code, or setting up two-step sign-in)");
            return;
        }
        SignedInUser user = (SignedInUser) who.getPrincipal();
        String roles = user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        String what = request.getMethod() + " " + request.getRequestURI();
        var needed = ApiAccessRules.needed(request);
        ProblemDetail problem = Problems.of(
                HttpStatus.FORBIDDEN,
                ProblemKind.PERMISSION_MISSING,
                needed.map(p -> what + " needs the permission " + p + ", which none of your roles (" + roles
                                + ") grants; ask an administrator for a role that has it")
                        .orElse(what + " is not open to your roles (" + roles + "); ask an administrator for a "
                                + "role that may do it"));
        needed.ifPresent(p -> problem.setProperty("permission", p.name()));
        Problems.write(problem, request, response);
    }

    private static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            ProblemKind kind,
            String sentence)
            throws IOException {
        Problems.write(Problems.of(status, kind, sentence), request, response);
    }
}
