package org.athar.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.athar.ui.search.SearchView;

/**
 * An address that is no page: a sentence in the user's language inside the usual layout, with the way back to
 * Search, and HTTP 404. {@code @PermitAll}: a signed-out visitor is sent to sign in first, as for any page. The API's
 * unknown addresses answer JSON elsewhere (api/UnknownApiAddresses).
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassNames("athar-view", "athar-not-found");
        setId("not-found");
        // The address is a left-to-right token inside an Arabic sentence: getTranslation isolates it.
        Paragraph body = new Paragraph(
                getTranslation("notfound.body", "/" + event.getLocation().getPathWithQueryParameters()));
        body.setId("not-found-body");
        RouterLink back = new RouterLink(getTranslation("notfound.back"), SearchView.class);
        back.setId("not-found-back");
        add(new H2(getTranslation("notfound.title")), body, back);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notfound.title") + " · " + getTranslation("app.name");
    }
}
