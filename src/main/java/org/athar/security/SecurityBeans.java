package org.athar.security;

import java.util.Map;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.AbstractServletWebServerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The password hashing, the authentication event publisher and the session timeout every filter chain shares. */
@Configuration(proxyBeanMethods = false)
class SecurityBeans {

    @Bean
    PasswordHashing passwordHashing() {
        return new PasswordHashing();
    }

    /**
     * Spring's standard events, plus one for HTTP Basic refused to an account that has or needs two factors (and a
     * token refused until two factors are set up) and one for a sign-in slowed down.
     */
    @Bean
    DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(Map.of(
                TwoFactorRequiredException.class,
                AuthenticationFailureTwoFactorRequiredEvent.class,
                TwoFactorNotSetUpException.class,
                AuthenticationFailureTwoFactorRequiredEvent.class,
                SignInThrottledException.class,
                AuthenticationFailureThrottledEvent.class));
        return publisher;
    }

    /**
     * The accounts of {@code athar-users} as Spring's user look-up; being a bean it also stops Spring Boot from
     * creating its default in-memory user with a generated password.
     */
    @Bean
    UserDetailsService userDetailsService(UserStore store) {
        return AccountDetails.service(store);
    }

    /** {@code athar.security.session-timeout} is the servlet session timeout (Spring Boot's own default is 30 min too). */
    @Bean
    WebServerFactoryCustomizer<AbstractServletWebServerFactory> sessionTimeout(AtharSecurityProperties properties) {
        return factory -> factory.getSession().setTimeout(properties.sessionTimeout());
    }
}
