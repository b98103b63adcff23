package org.athar.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import org.athar.security.WebSignIn;
import org.athar.ui.account.AccountView;
import org.athar.ui.login.LoginView;
import org.athar.ui.login.TwoFactorView;
import org.athar.ui.search.SearchView;
import org.athar.ui.trends.TrendsView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Routes a half-way sign-in: after the password, the code page (or, when the role requires two factors that are
 * not set up, the Account page) is the only place to go. Also sends a user who may not search (advocacy) from the
 * start page to Trends instead of a refusal.
 */
@Component
class SignInGuard implements VaadinServiceInitListener {

    private final AccessAnnotationChecker access;

    private final SecurityContextHolderStrategy contexts;

    SignInGuard(AccessAnnotationChecker access, ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.access = access;
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(this::guard));
    }

    private void guard(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        var next = WebSignIn.nextStep(contexts.getContext().getAuthentication());
        if (next.isPresent()) {
            Class<? extends com.vaadin.flow.component.Component> step =
                    WebSignIn.CODE_PAGE.equals(next.get()) ? TwoFactorView.class : AccountView.class;
            if (!step.equals(target) && !LoginView.class.equals(target)) {
                event.forwardTo(step);
            }
            return;
        }
        if (SearchView.class.equals(target)
                && !access.hasAccess(SearchView.class)
                && access.hasAccess(TrendsView.class)) {
            event.forwardTo(TrendsView.class);
        }
    }
}
