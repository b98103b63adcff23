package org.athar.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** What a signed-in user sees on a page their roles do not open: a plain sentence, in their language, never a trace. */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotAllowedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show(this);
        return HttpServletResponse.SC_FORBIDDEN;
    }

    static void show(VerticalLayout page) {
        page.removeAll();
        page.addClassName("athar-view");
        page.setId("not-allowed");
        Paragraph body = new Paragraph(page.getTranslation("access.denied.body"));
        body.addClassName("athar-muted");
        page.add(new H2(page.getTranslation("access.denied.title")), body);
    }

    /** The same page when a feature service refuses (its {@link org.athar.security.AccessDeniedException}). */
    @ParentLayout(MainLayout.class)
    @PermitAll
    public static class ServiceRefused extends VerticalLayout
            implements HasErrorParameter<org.athar.security.AccessDeniedException> {

        @Override
        public int setErrorParameter(
                BeforeEnterEvent event, ErrorParameter<org.athar.security.AccessDeniedException> parameter) {
            show(this);
            return HttpServletResponse.SC_FORBIDDEN;
        }
    }
}
