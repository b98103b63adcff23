package org.athar.briefing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.athar.analytics.Figures;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * Briefings as files, rebuilt against current data each time: DOCX, PPTX or PDF. A viewer gets a file only in a
 * profile it may receive (ADVOCACY: a briefing saved as {@code internal} is refused with 403).
 */
@Service
public class BriefingExports {

    /** The file formats of a briefing. */
    public enum Format {
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        PDF("application/pdf");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String contentType() {
            return contentType;
        }

        public static Optional<Format> fromExtension(String text) {
            return Arrays.stream(values())
                    .filter(f -> f.extension().equals(text))
                    .findFirst();
        }
    }

    /** A finished file and what the audit log records about it. */
    public record File(byte[] bytes, Format format, String profile, int charts, Map<String, List<String>> filters) {}

    private final Briefings briefings;
    private final BriefingBuilder builder;
    private final Figures figures;

    BriefingExports(Briefings briefings, BriefingBuilder builder, Figures figures) {
        this.briefings = briefings;
        this.builder = builder;
        this.figures = figures;
    }

    public File export(Viewer viewer, String id, Format format) {
        viewer.require(Permission.EXPORT_AGGREGATES);
        Briefing b = briefings.get(viewer, id);
        BriefingContent c = builder.build(viewer, b);
        byte[] bytes = switch (format) {
            case DOCX -> DocxBriefing.write(c, figures.k());
            case PPTX -> PptxBriefing.write(c, figures.k());
            case PDF -> PdfBriefing.write(c, figures.k());
        };
        return new File(bytes, format, c.profile().parameter(), c.charts().size(), filters(b));
    }

    /** The sentence of one key figure now, with the briefing's filters narrowed by its own, for the editor. */
    public String figureSentence(
            Viewer viewer, String briefingFilters, KeyFigure figure, String language, String profile) {
        viewer.require(Permission.EXPORT_AGGREGATES);
        Locale locale = BriefingRules.locale(language);
        return builder.figure(
                        viewer,
                        briefingFilters,
                        figure,
                        "figure",
                        locale,
                        figures.profileFor(viewer, Optional.of(BriefingRules.profile(profile))))
                .sentence();
    }

    // What went out, for the audit log: the briefing and every filter set in it ("all" for none).
    private static Map<String, List<String>> filters(Briefing b) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("briefing", List.of(b.id()));
        out.put("briefing_filters", List.of(b.filters().isEmpty() ? "all" : b.filters()));
        out.put(
                "figures",
                b.figures().stream()
                        .map(f -> f.filters().isEmpty() ? "all" : f.filters())
                        .toList());
        out.put(
                "charts",
                b.charts().stream()
                        .map(c -> c.kind() + ":" + (c.filters().isEmpty() ? "all" : c.filters()))
                        .toList());
        return out;
    }
}
