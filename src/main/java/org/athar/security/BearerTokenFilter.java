package org.athar.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;

/** Reads {@code Authorization: Bearer <token>}; a request without one passes on untouched (to Basic or the session). */
final class BearerTokenFilter extends AuthenticationFilter {

    private static final String SCHEME = "Bearer ";

    BearerTokenFilter(AuthenticationManager manager, AuthenticationEntryPoint refused) {
        super(manager, BearerTokenFilter::token);
        // Authenticated: carry on with the request, as HTTP Basic does (the default would redirect).
        setSuccessHandler((request, response, authentication) -> {});
        setFailureHandler(new AuthenticationEntryPointFailureHandler(refused));
    }

    private static BearerToken token(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return new BearerToken(header.substring(SCHEME.length()).strip());
    }
}
