package org.athar.ui;

import com.vaadin.flow.component.Direction;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.athar.i18n.Messages;
import org.springframework.stereotype.Component;

/**
 * The language of this browser, remembered in a cookie (so the sign-in page is in it too); Arabic turns the whole
 * UI right-to-left.
 */
@Component
public class LanguagePreference implements VaadinServiceInitListener {

    static final String COOKIE = "athar-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> apply(e.getUI(), remembered(VaadinRequest.getCurrent())));
    }

    static Locale remembered(VaadinRequest request) {
        if (request == null) {
            return Messages.ENGLISH;
        }
        Optional<String> cookie = Optional.ofNullable(request.getCookies()).stream()
                .flatMap(Arrays::stream)
                .filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst();
        return Messages.supported(cookie.map(Locale::forLanguageTag).orElse(request.getLocale()));
    }

    static void apply(UI ui, Locale locale) {
        Locale l = Messages.supported(locale);
        ui.setLocale(l);
        ui.getSession().setLocale(l);
        ui.setDirection(Messages.isRightToLeft(l) ? Direction.RIGHT_TO_LEFT : Direction.LEFT_TO_RIGHT);
        ui.getPage().executeJs("document.documentElement.setAttribute('lang', $0)", l.getLanguage());
    }

    /** Switches the current UI and remembers the choice for a year. */
    static void switchTo(UI ui, Locale locale) {
        Cookie cookie = new Cookie(COOKIE, Messages.supported(locale).getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            response.addCookie(cookie);
        }
        apply(ui, locale);
    }
}
