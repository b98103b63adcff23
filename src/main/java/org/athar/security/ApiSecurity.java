package org.athar.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Access to {@code /api/**}, the OpenAPI document and the actuator: HTTP Basic, Bearer API tokens, or the browser's
 * session cookie (the UI downloads charts and rejected rows from the API). Requests with an Authorization header
 * need no CSRF token; a session-cookie request that changes data does. Failures answer JSON, never a login page.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, SignInManagers managers, ApiSecurityErrors errors,
            UserStore store, ObjectProvider<Clock> clock) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/v3/api-docs"),
                        path.matcher("/v3/api-docs/**"), path.matcher("/actuator"), path.matcher("/actuator/**")))
                .authenticationManager(managers.api())
                .authorizeHttpRequests(ApiAccessRules::apply)
                .httpBasic(basic -> basic.realmName("Athar").authenticationEntryPoint(errors))
                .addFilterBefore(new BearerTokenFilter(managers.api(), errors), BasicAuthenticationFilter.class)
                .addFilterAfter(new SessionAccountCheck(store, clock.getIfAvailable(Clock::systemUTC), WebSignIn.contexts(http)),
                        SecurityContextHolderFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .csrf(csrf -> csrf.ignoringRequestMatchers(r -> r.getHeader(HttpHeaders.AUTHORIZATION) != null))
                // Scripts get no session; a browser's existing session is still read.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        SecurityHeaders.apply(http);
        return http.build();
    }
}
