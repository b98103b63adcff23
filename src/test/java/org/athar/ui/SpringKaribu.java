package org.athar.ui;

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
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.SpringServlet;
import com.vaadin.flow.spring.SpringVaadinServletService;
import org.springframework.context.ApplicationContext;

/**
 * Server-side UI tests (Karibu) on the running Spring context: views are created by Spring with their real services,
 * without a browser. The same wiring as Karibu's Spring module, which is not among the build's dependencies.
 */
public final class SpringKaribu {

    private SpringKaribu() {}

    public static void setUp(ApplicationContext context) {
        Routes routes = new Routes().autoDiscoverViews("org.athar.ui");
        MockVaadin.setup(UI::new, new Servlet(routes, context));
    }

    public static void tearDown() {
        MockVaadin.tearDown();
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
