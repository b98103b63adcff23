package org.athar.ingest;

import java.util.Optional;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Sets Apache POI's zip-bomb guards from {@link ImportLimits.Xlsx} at start, explicitly rather than trusting library
 * defaults, and turns POI's refusals into advice for the person uploading. POI's settings are global to the JVM.
 */
@Component
class XlsxSafety implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(XlsxSafety.class);
    /** POI's cap: a zip entry (without Zip64) cannot say it is larger. */
    private static final long POI_MAX_ENTRY_SIZE = 0xFFFFFFFFL;

    private final ImportLimits limits;

    XlsxSafety(ImportLimits limits) {
        this.limits = limits;
    }

    @Override
    public void afterPropertiesSet() {
        apply(limits.xlsx());
        log.info(
                "Workbook guards: a part may expand at most {} times and to at most {} bytes",
                Math.round(1 / ZipSecureFile.getMinInflateRatio()),
                ZipSecureFile.getMaxEntrySize());
    }

    static void apply(ImportLimits.Xlsx xlsx) {
        ZipSecureFile.setMinInflateRatio(xlsx.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(Math.min(xlsx.maxEntrySize().toBytes(), POI_MAX_ENTRY_SIZE));
        ZipSecureFile.setMaxTextSize(xlsx.maxTextSize());
    }

    /** The advice for {@code failure} if POI refused the workbook as a possible zip bomb. */
    static Optional<ImportFormatException> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            // The XML parser passes POI's IOException on as text only, so the message is what is left to recognise.
            if (message.contains("Zip bomb detected")) {
                return Optional.of(refused(
                        "a part of it expands to more than "
                                + Math.round(1 / ZipSecureFile.getMinInflateRatio())
                                + " times its compressed size or beyond "
                                + ZipSecureFile.getMaxEntrySize() / (1024 * 1024) + " MB (settings "
                                + "athar.import.xlsx.min-inflate-ratio and athar.import.xlsx.max-entry-size)",
                        failure));
            }
            if (message.contains("more internal file entries than expected")) {
                return Optional.of(
                        refused("it holds more than " + ZipSecureFile.getMaxFileCount() + " parts", failure));
            }
        }
        return Optional.empty();
    }

    private static ImportFormatException refused(String why, Throwable cause) {
        return new ImportFormatException(
                "The workbook was refused: " + why + ", as only a crafted file (a \"zip "
                        + "bomb\") does. If it is a genuine workbook, save it as \"CSV UTF-8\" and import that",
                cause);
    }
}
