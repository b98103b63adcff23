package org.athar.ui;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.athar.security.AuditLog;
import org.athar.security.AuditUnavailableException;
import org.athar.security.WebSignIn;
import org.athar.ui.login.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The browser's filter chain: Vaadin's sign-in view at {@code /login} (through {@link VaadinSecurityConfigurer},
 * the successor of the deprecated {@code VaadinWebSecurity}), view access by {@code @RolesAllowed}, and the
 * two-factor step, headers, failure pages and the sign-in form's CSRF check of {@link WebSignIn}. Only the sign-in
 * page, Vaadin's own resources and the stylesheet and fonts are open without signing in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class UiSecurity {

    @Bean
    SecurityFilterChain uiFilterChain(HttpSecurity http, WebSignIn signIn, AuditLog audit, RequestUtil vaadin)
            throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(a -> a.requestMatchers(path.matcher("/styles/**"), path.matcher("/fonts/**"))
                .permitAll());
        AfterPassword afterPassword = new AfterPassword(audit);
        // Vaadin's configurer uses this handler (a shared object) for the password form.
        http.setSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class, afterPassword);
        signIn.apply(http, afterPassword);
        // Vaadin's CSRF set-up would exempt the sign-in form; WebSignIn sets CSRF up without that exemption.
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                v -> v.loginView(LoginView.class).enableCsrfConfiguration(false));
        signIn.applyAfterVaadin(http, vaadin::isFrameworkInternalRequest);
        return http.build();
    }

    /**
     * After a password: on to the code page or to enrolment when the sign-in is half-way (the page first asked for
     * stays saved); otherwise to that page, as Vaadin does.
     */
    static final class AfterPassword extends VaadinSavedRequestAwareAuthenticationSuccessHandler {

        private final AuditLog audit;

        AfterPassword(AuditLog audit) {
            this.audit = audit;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(
                HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws ServletException, IOException {
            var next = WebSignIn.nextStep(authentication);
            if (next.isPresent()) {
                getRedirectStrategy().sendRedirect(request, response, next.get());
                return;
            }
            // The sign-in is complete: recorded before the session is used, or undone (fail closed).
            try {
                audit.signedIn(authentication.getName(), request.getRemoteAddr());
            } catch (AuditUnavailableException e) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                getRedirectStrategy().sendRedirect(request, response, "/login?unavailable");
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
