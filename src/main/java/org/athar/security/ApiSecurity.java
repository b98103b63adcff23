package org.athar.security;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Access to {@code /api/**}, the OpenAPI document and the actuator: HTTP Basic, Bearer API tokens, or the browser's
 * session cookie (the UI downloads charts and rejected rows from the API). A request that a token or HTTP Basic
 * signed in needs no CSRF token; every other request that changes data does, whatever headers it carries. Failures
 * answer JSON, never a login page.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http,
            SignInManagers managers,
            ApiSecurityErrors errors,
            UserStore store,
            AtharSecurityProperties properties,
            Clock clock)
            throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        SecurityContextHolderStrategy contexts = WebSignIn.contexts(http);
        http.securityMatcher(new OrRequestMatcher(
                        path.matcher("/api/**"),
                        path.matcher("/v3/api-docs"),
                        path.matcher("/v3/api-docs/**"),
                        path.matcher("/actuator"),
                        path.matcher("/actuator/**")))
                .authenticationManager(managers.api())
                .authorizeHttpRequests(ApiAccessRules::apply)
                .httpBasic(basic -> basic.realmName("Athar").authenticationEntryPoint(errors))
                .addFilterBefore(new BearerTokenFilter(managers.api(), errors), BasicAuthenticationFilter.class)
                .addFilterAfter(
                        new SessionAccountCheck(store, properties, clock, contexts), SecurityContextHolderFilter.class)
                // Spring's CSRF filter runs before any sign-in, when it cannot yet know whether a header credential
                // will be accepted; this one runs after the token and Basic filters and asks what signed in.
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(csrfAfterSignIn(contexts, errors), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                // Scripts get no session; a browser's existing session is still read.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        SecurityHeaders.apply(http);
        return http.build();
    }

    /**
     * The CSRF check of the browser's pages (same session token store and token format), applied to every
     * state-changing request except one signed in by its own header: an {@code Authorization} header that signed
     * nothing in (e.g. {@code Authorization: x} next to a session cookie) does not spare the check.
     */
    private static CsrfFilter csrfAfterSignIn(SecurityContextHolderStrategy contexts, ApiSecurityErrors errors) {
        CsrfFilter filter = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        filter.setRequireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                && !(contexts.getContext().getAuthentication() instanceof HeaderSignIn));
        filter.setAccessDeniedHandler(errors);
        return filter;
    }
}
