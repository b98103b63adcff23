package org.athar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.analytics.StatsParameters;
import org.athar.analytics.StatsRequest;
import org.athar.chart.ChartFormat;
import org.athar.chart.ChartService;
import org.athar.chart.ChartSize;
import org.athar.export.DownloadNames;
import org.athar.report.Gazetteer;
import org.athar.search.BadParameterException;
import org.athar.search.ReportQueryParser;
import org.athar.security.AuditLog;
import org.athar.security.CurrentViewer;
import org.athar.security.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/charts/{chart}.{svg|png|pdf}}: the charts of the Trends page as files. */
@RestController
class ChartsController {

    private final ChartService charts;
    private final Figures figures;
    private final Gazetteer gazetteer;
    private final CurrentViewer viewer;

    private final AuditLog audit;
    private final ChartRenderSlots slots;
    private final DownloadNames names;

    ChartsController(
            ChartService charts,
            Figures figures,
            Gazetteer gazetteer,
            CurrentViewer viewer,
            AuditLog audit,
            ChartRenderSlots slots,
            DownloadNames names) {
        this.names = names;
        this.audit = audit;
        this.slots = slots;
        this.charts = charts;
        this.figures = figures;
        this.gazetteer = gazetteer;
        this.viewer = viewer;
    }

    @GetMapping("/api/v1/charts/{chart}.{format}")
    @Operation(
            summary = "A chart as SVG, PNG or PDF",
            description = "chart: timeline (granularity=year|quarter|month), breakdown (by=<dimension>), crosstab "
                    + "(rows=, columns=) or map (districts when the filters name exactly one governorate). width and "
                    + "height: pixels of a PNG (its drawing is laid out at width×96/dpi CSS pixels), the drawing size "
                    + "of SVG and PDF; dpi (PNG, default 300). A PNG has at most 16,000,000 pixels (width × height; "
                    + "400 naming width, height or dpi beyond). Each user has at most two charts drawn at once (429 "
                    + "beyond). lang=en|ar, profile=internal|public, count=persons|reports and the filters of "
                    + "/api/v1/reports. The file is named after what it shows and the day, e.g. "
                    + "athar-persons-by-year-aleppo-2013-2026-12-06.png (an Arabic name too for lang=ar).")
    @AcceptsQuery(QueryParameterSet.CHART)
    ResponseEntity<byte[]> chart(
            @PathVariable String chart,
            @PathVariable String format,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
            @Parameter(hidden = true) HttpServletRequest request) {
        Viewer v = viewer.get();
        figures.requirePermission(v);
        ApiParameters.rejectUnknown(params, QueryParameterSet.CHART.own());
        ChartService.Kind kind = ChartService.Kind.fromParameter(chart)
                .orElseThrow(() -> new BadParameterException(
                        "chart", "chart '" + chart + "' is not one of timeline, breakdown, crosstab, map"));
        ChartFormat f = ChartFormat.fromExtension(format)
                .orElseThrow(() ->
                        new BadParameterException("format", "format '" + format + "' is not one of svg, png, pdf"));
        StatsRequest asked = StatsParameters.parse(
                params,
                StatsParameters.Form.of(kind.statistic(), StatsParameters.Style.CHART_API),
                gazetteer,
                requested -> figures.profileFor(v, requested));
        DisclosureProfile profile = asked.profile();
        ChartSize screen = ChartService.screenSize(kind);
        int dpi = integer(params, "dpi", f == ChartFormat.PNG ? 300 : 96);
        // Checked before the width and height that follow from it: a wrong dpi is named, not the width it implies.
        within("dpi", dpi, ChartSize.MIN_DPI, ChartSize.MAX_DPI, "dots per inch");
        double scale = f == ChartFormat.PNG ? dpi / 96.0 : 1;
        int width = integer(params, "width", (int) Math.round(screen.width() * scale));
        int height = integer(params, "height", (int) Math.round(screen.height() * scale));
        within("width", width, ChartSize.MIN_PIXELS, ChartSize.MAX_PIXELS, "pixels");
        within("height", height, ChartSize.MIN_PIXELS, ChartSize.MAX_PIXELS, "pixels");
        ChartSize size = new ChartSize(width, height, dpi);
        if (f == ChartFormat.PNG && size.pixels() > ChartSize.MAX_RASTER_PIXELS) {
            String named = given(params, "width") ? "width" : given(params, "height") ? "height" : "dpi";
            throw new BadParameterException(
                    named,
                    String.format(
                            Locale.ROOT,
                            "a PNG may have at most %,d pixels "
                                    + "(width × height, e.g. 5333 × 3000 or 4000 × 4000); give a smaller width or height, or a lower "
                                    + "dpi",
                            ChartSize.MAX_RASTER_PIXELS));
        }
        // The side at fault: a width or height too small for its dpi (a dpi alone keeps the screen drawing, which
        // fits).
        size.crampedSide(f).ifPresent(side -> {
            throw new BadParameterException(
                    side,
                    String.format(
                            Locale.ROOT,
                            "%d×%d pixels at %d dpi leave too small a drawing for a legible chart (at least %d×%d "
                                    + "CSS pixels, i.e. pixels × 96 / dpi); give a larger %s or a lower dpi",
                            width,
                            height,
                            dpi,
                            ChartSize.MIN_DRAWING_WIDTH,
                            ChartSize.MIN_DRAWING_HEIGHT,
                            side));
        });
        ChartService.Rendered rendered;
        ChartService.Spec spec = new ChartService.Spec(kind, asked);
        try (ChartRenderSlots.Slot slot = slots.take(v.username()).orElseThrow(ChartRenderSlots.Busy::new)) {
            rendered = charts.renderFile(v, spec, f, size);
        }
        Map<String, List<String>> described = new LinkedHashMap<>(ReportQueryParser.format(asked.query()));
        switch (kind) {
            case TIMELINE -> described.put("granularity", List.of(spec.by().parameter()));
            case BREAKDOWN -> described.put("by", List.of(spec.by().parameter()));
            case CROSSTAB -> {
                described.put("rows", List.of(spec.rows().parameter()));
                described.put("columns", List.of(spec.columns().parameter()));
            }
            case MAP -> {}
        }
        // Recorded before the file leaves (fail closed: no entry, no file).
        audit.exported(
                v,
                request.getRemoteAddr(),
                "chart_" + kind.parameter() + "_" + f.extension(),
                described,
                profile.parameter(),
                rendered.categories());
        byte[] bytes = rendered.bytes();
        // Named after the period drawn: public figures cover whole years.
        ChartService.Spec drawn = new ChartService.Spec(kind, asked.scoped());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        names.chart(drawn, f.extension()).contentDisposition())
                .body(bytes);
    }

    private static void within(String name, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new BadParameterException(
                    name,
                    String.format(
                            Locale.ROOT,
                            "%s must be from %d to %d %s, not %d; give a value in that range",
                            name,
                            min,
                            max,
                            unit,
                            value));
        }
    }

    private static boolean given(MultiValueMap<String, String> params, String name) {
        String text = params.getFirst(name);
        return text != null && !text.isBlank();
    }

    private static int integer(MultiValueMap<String, String> params, String name, int absent) {
        String text = params.getFirst(name);
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " '" + text + "' is not a whole number");
        }
    }
}
