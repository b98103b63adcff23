package org.athar.ui.account;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.athar.security.ApiTokens;
import org.athar.security.Authorities;
import org.athar.security.SignedInUser;
import org.athar.security.TwoFactor;
import org.athar.security.Users;
import org.athar.ui.MainLayout;

/**
 * The signed-in user's own account: change the password, set up two-step sign-in, manage API tokens. A user whose
 * role requires two factors that are not set up yet sees only the set-up, then signs in again with a code.
 */
@Menu(title = "nav.account", order = 9, icon = "vaadin:user")
@Route(value = "account", layout = MainLayout.class)
@RolesAllowed({Authorities.SIGNED_IN, Authorities.TWO_FACTOR_ENROL})
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    public AccountView(Users users, TwoFactor twoFactor, ApiTokens tokens, AuthenticationContext authentication) {
        addClassName("athar-view");
        addClassName("athar-account");
        setId("view-account");
        SignedInUser user = authentication
                .getAuthenticatedUser(SignedInUser.class)
                .orElseThrow(() -> new IllegalStateException(
                        "the Account page needs a signed-in user; the router lets no one " + "else in"));
        add(new H2(getTranslation("view.account.title")));
        if (!authentication.hasRole(Authorities.SIGNED_IN)) {
            Paragraph required = new Paragraph(getTranslation("account.enrol.required"));
            required.setId("enrolment-required");
            required.addClassName("athar-notice");
            // After enrolment the sign-in is completed the normal way: password, then a code.
            add(required, new TwoFactorSection(twoFactor, user.username(), authentication::logout));
            return;
        }
        add(
                new PasswordSection(users, user.username()),
                new TwoFactorSection(twoFactor, user.username(), () -> {}),
                new TokensSection(tokens, user.username()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.account.title") + " · " + getTranslation("app.name");
    }
}
