package org.athar.briefing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.athar.i18n.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The organisation that issues briefings, from the settings {@code athar.briefing.organisation.name},
 * {@code .name-ar}, {@code .contact} and {@code .logo} (a PNG or JPEG file): printed on the title page and in the
 * footer of every briefing when set, absent when not. A logo that cannot be read stops Athar at start with the
 * setting named, rather than a briefing download failing later.
 */
@Component
public class BriefingOrganisation {

    static final String LOGO_SETTING = "athar.briefing.organisation.logo";

    /** A logo as read at start: its bytes, whether it is a PNG (else JPEG), and its size in pixels. */
    record Logo(byte[] bytes, boolean png, int width, int height) {}

    private final String name;
    private final String nameArabic;
    private final String contact;
    private final Optional<Logo> logo;

    BriefingOrganisation(
            @Value("${athar.briefing.organisation.name:}") String name,
            @Value("${athar.briefing.organisation.name-ar:}") String nameArabic,
            @Value("${athar.briefing.organisation.contact:}") String contact,
            @Value("${" + LOGO_SETTING + ":}") String logo) {
        this.name = name.strip();
        this.nameArabic = nameArabic.strip();
        this.contact = contact.strip();
        this.logo = logo.isBlank() ? Optional.empty() : Optional.of(read(logo.strip()));
    }

    /** No organisation: nothing is printed. */
    static BriefingOrganisation none() {
        return new BriefingOrganisation("", "", "", "");
    }

    /** The name in the briefing's language: the Arabic name in Arabic briefings when set, else the name. */
    Optional<String> name(Locale locale) {
        String n = Messages.isRightToLeft(locale) && !nameArabic.isEmpty() ? nameArabic : name;
        return n.isEmpty() ? Optional.empty() : Optional.of(n);
    }

    Optional<String> contact() {
        return contact.isEmpty() ? Optional.empty() : Optional.of(contact);
    }

    Optional<Logo> logo() {
        return logo;
    }

    private static Logo read(String file) {
        Path path = Path.of(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalStateException(
                    LOGO_SETTING + " is " + path.toAbsolutePath() + ", which cannot be read (" + e
                            + "); point it at a PNG or JPEG file Athar may read, or leave it empty for no logo",
                    e);
        }
        boolean png =
                bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
        boolean jpeg = bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8;
        BufferedImage image = null;
        try {
            image = png || jpeg ? ImageIO.read(new ByteArrayInputStream(bytes)) : null;
        } catch (IOException e) {
            // reported below as not an image
        }
        if (image == null) {
            throw new IllegalStateException(LOGO_SETTING + " is " + path.toAbsolutePath() + ", which is not a PNG or "
                    + "JPEG image; save the logo as PNG or JPEG, or leave the setting empty for no logo");
        }
        return new Logo(bytes, png, image.getWidth(), image.getHeight());
    }
}
