package org.athar.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** What every view shows while the engine is down: what happened, that nothing is lost, and a way to retry. */
@ParentLayout(MainLayout.class)
@PermitAll
public class EngineUnavailableView extends VerticalLayout implements HasErrorParameter<EngineUnavailableException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<EngineUnavailableException> parameter) {
        removeAll();
        addClassName("athar-engine-down");
        setId("engine-unavailable");
        Paragraph detail = new Paragraph(getTranslation("engine.unavailable.detail", parameter.getCustomMessage()));
        detail.addClassName("athar-muted");
        Button retry = new Button(
                getTranslation("engine.unavailable.retry"),
                VaadinIcon.REFRESH.create(),
                e -> UI.getCurrent().getPage().reload());
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(
                new H2(getTranslation("engine.unavailable.title")),
                new Paragraph(getTranslation("engine.unavailable.body")),
                detail,
                retry);
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
