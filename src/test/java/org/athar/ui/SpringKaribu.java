package org.athar.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockInstantiator;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinHelper;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinSession;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.SpringServlet;
import com.vaadin.flow.spring.SpringVaadinServletService;
import java.time.Instant;
import java.util.Set;
import org.athar.security.Authorities;
import org.athar.security.Role;
import org.athar.security.SignedInUser;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Server-side UI tests (Karibu) on the running Spring context: views are created by Spring with their real services,
 * without a browser. The same wiring as Karibu's Spring module, which is not among the build's dependencies.
 */
public final class SpringKaribu {

    private static SecurityContextHolderStrategy contexts;

    private SpringKaribu() {}

    /**
     * A fresh browser session signed in with {@code roles}: the authentication Spring Security would hold, and the
     * request principal and role check that Vaadin's router consults for {@code @RolesAllowed}.
     */
    public static void setUp(ApplicationContext context, Set<Role> roles) {
        SignedInUser user = new SignedInUser("karibu-" + roles.hashCode(), roles, Instant.now());
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, Authorities.of(roles));
        contexts = context.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        contexts.getContext().setAuthentication(authentication);
        Routes routes = new Routes().autoDiscoverViews("org.athar.ui");
        MockVaadin.setup(UI::new, new Servlet(routes, context));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> Authorities.has(authentication.getAuthorities(), role));
    }

    public static void tearDown() {
        MockVaadin.tearDown();
        if (contexts != null) {
            contexts.clearContext();
        }
    }

    private static final class Servlet extends SpringServlet {

        private final transient Routes routes;
        private final transient ApplicationContext context;

        Servlet(Routes routes, ApplicationContext context) {
            super(context, false);
            this.routes = routes;
            this.context = context;
        }

        @Override
        protected DeploymentConfiguration createDeploymentConfiguration() throws jakarta.servlet.ServletException {
            MockVaadinHelper.mockFlowBuildInfo(this);
            return super.createDeploymentConfiguration();
        }

        @Override
        protected VaadinServletService createServletService(DeploymentConfiguration configuration)
                throws ServiceException {
            VaadinServletService service = new Service(this, configuration, context);
            service.init();
            routes.register((VaadinServletContext) service.getContext());
            return service;
        }
    }

    private static final class Service extends SpringVaadinServletService {

        Service(SpringServlet servlet, DeploymentConfiguration configuration, ApplicationContext context) {
            super(servlet, configuration, context);
        }

        @Override
        protected boolean isAtmosphereAvailable() {
            return false;
        }

        @Override
        public String getMainDivId(VaadinSession session, VaadinRequest request) {
            return "ROOT-1";
        }

        @Override
        protected VaadinSession createVaadinSession(VaadinRequest request) {
            return new MockVaadinSession(this, UI::new);
        }

        @Override
        public Instantiator getInstantiator() {
            return MockInstantiator.create(super.getInstantiator());
        }
    }
}
