package org.athar.ui.trends;

import com.vaadin.flow.dom.DomEventListener;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.dom.Element;

/** Enter and Space on a focused bar, region or cell do what a click does (a keyboard user's way to drill down). */
final class Keys {

    /** The browser-side test a keydown must pass to reach the server: Enter or Space, nothing else. */
    static final String ACTIVATE = "(event.key === 'Enter' || event.key === ' ')";

    private Keys() {}

    static DomListenerRegistration onActivate(Element element, DomEventListener listener) {
        DomListenerRegistration r =
                element.addEventListener("keydown", listener).setFilter(ACTIVATE);
        // Not preventDefault(): event data is evaluated for every keydown, so Tab would stop moving focus. Only the
        // default of Enter or Space is prevented (Space would scroll the page).
        r.addEventData(ACTIVATE + " && (event.preventDefault(), true)");
        return r;
    }
}
