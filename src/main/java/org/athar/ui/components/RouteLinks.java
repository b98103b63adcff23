package org.athar.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;

/**
 * Links to a view named by its route, so that one screen links to another without importing it (views of one
 * feature do not import views of another). The link is the router's own, as if made from the view's class.
 */
public final class RouteLinks {

    private RouteLinks() {}

    /** A link to {@code route/parameter}, e.g. {@code to(text, "report", id)}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static RouterLink to(String text, String route, String parameter) {
        Class<? extends Component> target = RouteConfiguration.forApplicationScope()
                .getRoute(route + "/" + parameter)
                .orElseThrow(() -> new IllegalStateException(
                        "no view is registered for the route " + route + "/…; check its @Route annotation"));
        return new RouterLink(text, (Class) target, parameter);
    }
}
