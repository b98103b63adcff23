package org.athar.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athar.i18n.Messages;

/** The texts a package carries: README.txt (English, then Arabic), the summary's About sheet and the method note. */
final class PackageTexts {

    private final Messages messages;
    private final InstallationKey sender;

    PackageTexts(Messages messages, InstallationKey sender) {
        this.messages = messages;
        this.sender = sender;
    }

    /** The installation's name as its key's user id gives it, without the address. */
    String senderName() {
        String userId = sender.userId();
        int address = userId.lastIndexOf(" <");
        return address < 0 ? userId : userId.substring(0, address);
    }

    /**
     * The method note of the workbook and briefings: what a figure counts and how imprecise dates are treated, in
     * their words.
     */
    String methodNote(Locale locale) {
        return messages.get("briefing.method.counting.reports", locale) + " "
                + messages.get("briefing.method.dates", locale);
    }

    String readme(PackageSpec spec, long reports, Withheld withheld) {
        StringBuilder out = new StringBuilder();
        for (Locale l : Messages.SUPPORTED) {
            out.append(t("sharing.readme.title", l, spec.packageId())).append("\n\n");
            out.append(parties(spec.recipient(), spec.createdAt().toString(), spec.createdBy(), l))
                    .append("\n");
            out.append(t(
                            "sharing.readme.counts",
                            l,
                            String.valueOf(reports),
                            String.valueOf(withheld.noConsent()),
                            String.valueOf(withheld.unknownConsent()),
                            String.valueOf(withheld.otherRecipients())))
                    .append("\n");
            out.append(t("sharing.readme.fields." + spec.recipient().fields().code(), l))
                    .append("\n");
            out.append(t("sharing.readme.files", l)).append("\n");
            out.append(t("sharing.readme.verify", l)).append("\n");
            out.append(t("sharing.readme.method", l, methodNote(l))).append("\n\n");
        }
        return out.toString();
    }

    String withdrawalReadme(WithdrawalSpec spec) {
        StringBuilder out = new StringBuilder();
        for (Locale l : Messages.SUPPORTED) {
            out.append(t("sharing.readme.withdrawal.title", l, spec.packageId()))
                    .append("\n\n");
            out.append(parties(spec.recipient(), spec.createdAt().toString(), spec.createdBy(), l))
                    .append("\n");
            out.append(t(
                            "sharing.readme.withdrawal.body",
                            l,
                            String.valueOf(spec.reportIds().size()),
                            spec.reason()))
                    .append("\n\n");
        }
        return out.toString();
    }

    /** The About sheet of summary.xlsx: what the package is and what its figures count. */
    List<String[]> about(PackageSpec spec, long reports, String dataVersion) {
        Locale l = Messages.ENGLISH;
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {t("sharing.readme.title", l, spec.packageId()), ""});
        lines.add(new String[] {parties(spec.recipient(), spec.createdAt().toString(), spec.createdBy(), l), ""});
        lines.add(new String[] {t("export.about.filters", l), spec.filter()});
        lines.add(new String[] {t("export.about.total", l), String.valueOf(reports)});
        lines.add(new String[] {t("export.about.version", l), dataVersion});
        lines.add(new String[] {t("export.about.caveat", l), methodNote(l)});
        return lines;
    }

    private String parties(Recipient recipient, String createdAt, String createdBy, Locale l) {
        return t(
                "sharing.readme.parties",
                l,
                senderName(),
                sender.fingerprint(),
                recipient.name(),
                recipient.fingerprint(),
                createdAt,
                createdBy);
    }

    private String t(String key, Locale locale, Object... params) {
        return messages.get(key, locale, params);
    }
}
