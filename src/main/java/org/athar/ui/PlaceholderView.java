package org.athar.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/** A screen whose feature has not landed yet: its title and one honest sentence about what is coming. */
public abstract class PlaceholderView extends VerticalLayout implements HasDynamicTitle {

    private final String key;

    protected PlaceholderView(String key) {
        this.key = key;
        addClassName("athar-view");
        setId("view-" + key);
        Paragraph coming = new Paragraph(getTranslation("view." + key + ".coming"));
        coming.addClassName("athar-muted");
        add(new H2(getTranslation("view." + key + ".title")), coming);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view." + key + ".title") + " · " + getTranslation("app.name");
    }
}
