package org.athar.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Locale;
import org.athar.i18n.Messages;

/** The button that switches between English and Arabic, remembers the choice and reloads the page in it. */
public class LanguageSwitch extends Button {

    public LanguageSwitch(Locale current) {
        Locale other = Messages.isRightToLeft(current) ? Messages.ENGLISH : Messages.ARABIC;
        setText(getTranslation("lang.other"));
        setIcon(VaadinIcon.GLOBE.create());
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClassName("athar-language-switch");
        setId("language-switch");
        getElement().setAttribute("lang", other.getLanguage());
        getElement().setAttribute("aria-label", getTranslation("lang.switch.label"));
        addClickListener(e -> {
            UI ui = UI.getCurrent();
            LanguagePreference.switchTo(ui, other);
            ui.getPage().reload();
        });
    }
}
